public import SluiceCore

/// Parses counts written with a magnitude suffix, as in Pinterest's `follower_count`:
/// `"437"` → 437, `"5k"` → 5000, `"124k"` → 124000, `"6M"` → 6000000.
///
/// Grammar (after trimming ASCII whitespace): one or more digits `0-9`, then optionally one
/// suffix — `k` or `K` (×1,000), `M` (×1,000,000), `B` (×1,000,000,000; MarcusMV's variant,
/// never seen in the data). Everything else becomes null: the placeholder `User Info Error`,
/// the empty string, decimals such as `1.5k` (rejected on purpose: the data never has them and
/// guessing a rounding rule would invent values), signs, lower-case `m`, several suffixes.
/// A result that does not fit ``type`` becomes null.
///
/// The output type is `int32` (default, the spec's "cast to 32-bit int") or `int64`. An
/// integer input column is converted like ``Cast`` (out of range → null), so a producer that
/// already sends numbers works too; other input types throw ``TransformError/Code/wrongType``.
public struct ParseSuffixedNumber: Transform, Hashable {
  public let column: String
  public let type: DataType

  public init(column: String, as type: DataType = .int32) {
    self.column = column
    self.type = type
  }

  public var name: String { "parse-suffixed-number" }

  public func outputSchema(for input: Schema) throws -> Schema {
    try plan(for: input).schema
  }

  public func apply(_ batch: RecordBatch) throws -> RecordBatch {
    let (schema, index) = try plan(for: batch.schema)
    var columns = batch.columns
    let source = columns[index]
    if source.type == .string {
      let wide = Self.parsed(source)
      columns[index] = type == .int64 ? wide : CastKernel.cast(wide, to: .int32)
    } else {
      columns[index] = CastKernel.cast(source, to: type)
    }
    return RecordBatch(unchecked: schema, columns: columns)
  }

  func plan(for input: Schema) throws(TransformError) -> (schema: Schema, index: Int) {
    guard type == .int32 || type == .int64 else {
      throw .invalidArgument(name, column: column, "the result type must be int32 or int64, not \(type).")
    }
    let index = try input.requireIndex(
      of: column, transform: name, expected: "a string (or integer) column"
    ) { $0 == .string || $0 == .int32 || $0 == .int64 }
    return (input.replacing(at: index, with: Field(column, type, nullable: true)), index)
  }

  /// Parses every slot into an `int64` column (null when it does not match the grammar).
  static func parsed(_ column: Column) -> Column {
    let n = column.count
    var values = [Int64](repeating: 0, count: n)
    var valid = [Bool](repeating: false, count: n)
    column.forEachStringSlot { i, text, isValid in
      guard isValid, let value = parse(NumberText.trimmed(text)) else { return }
      values[i] = value
      valid[i] = true
    }
    return .int64s(values, validity: valid)
  }

  /// The value of `text` under the grammar above, or `nil`.
  static func parse(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
    var end = text.count
    guard end > 0 else { return nil }
    var multiplier: Int64 = 1
    switch text[end - 1] {
    case UInt8(ascii: "k"), UInt8(ascii: "K"): multiplier = 1_000
    case UInt8(ascii: "M"): multiplier = 1_000_000
    case UInt8(ascii: "B"): multiplier = 1_000_000_000
    default: break
    }
    if multiplier != 1 { end -= 1 }
    guard end > 0 else { return nil }
    var value: Int64 = 0
    for i in 0..<end {
      let digit = text[i] &- 48
      guard digit < 10 else { return nil }
      let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
      let (next, o2) = shifted.addingReportingOverflow(Int64(digit))
      if o1 || o2 { return nil }
      value = next
    }
    let (result, overflow) = value.multipliedReportingOverflow(by: multiplier)
    return overflow ? nil : result
  }
}
