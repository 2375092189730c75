public import SluiceCore

/// Converts one column to another type in place (same name, same position), with Spark's
/// non-ANSI `cast` semantics: a value that cannot be converted becomes null, the batch never
/// fails because of data.
///
/// | from → to | rule |
/// |---|---|
/// | string → int32 / int64 | trimmed; optional sign; digits; a fraction is truncated (`"1.9"` → 1); overflow → null |
/// | string → double | trimmed decimal / scientific, `inf`, `Infinity`, `NaN` |
/// | string → boolean | `t true y yes 1` / `f false n no 0`, any case |
/// | string → timestamp | `YYYY-MM-DD[( \|T)HH:MM:SS[.f…]][Z\|±HH:MM]`, no zone = UTC |
/// | string → date | `YYYY-MM-DD` (a timestamp is truncated to its date) |
/// | int ↔ int | widening exact; narrowing out of range → null |
/// | int → double / boolean (≠ 0) / timestamp (seconds since the epoch) | |
/// | double → int32 / int64 | truncated toward zero; NaN, ±inf, out of range → null |
/// | double → boolean (≠ 0) / timestamp (seconds) | |
/// | boolean → int32 / int64 / double | 1 or 0 |
/// | timestamp → date | the UTC day (floor) |
/// | timestamp → int32 / int64 / double | seconds since the epoch (floor for integers) |
/// | date → timestamp | midnight UTC |
/// | any → string | decimal; double in Swift's shortest round-trip form (`6000000.0`, `1e+16`); `true`/`false`; timestamp ISO `2020-08-28T03:52:47[.ffffff]`; date `2020-08-28`; list `[a, b]` |
/// | list<A> → list<B> | element-wise; a list with a failing element becomes null |
///
/// Other pairs throw ``TransformError/Code/unsupportedCast`` from `outputSchema(for:)`.
/// The output field is nullable when the input is, or when the conversion can fail.
public struct Cast: Transform, Hashable {
  public let column: String
  public let type: DataType

  public init(column: String, to type: DataType) {
    self.column = column
    self.type = type
  }

  public var name: String { "cast" }

  public func outputSchema(for input: Schema) throws -> Schema {
    try plan(for: input).schema
  }

  public func apply(_ batch: RecordBatch) throws -> RecordBatch {
    let (schema, index) = try plan(for: batch.schema)
    var columns = batch.columns
    columns[index] = CastKernel.cast(columns[index], to: type)
    return RecordBatch(unchecked: schema, columns: columns)
  }

  func plan(for input: Schema) throws(TransformError) -> (schema: Schema, index: Int) {
    let index = try input.requireIndex(of: column, transform: name)
    let field = input[index]
    guard CastKernel.isSupported(from: field.type, to: type) else {
      throw TransformError(
        .unsupportedCast, transform: name, column: column,
        message: "cast: column '\(column)' cannot be cast from \(field.type) to \(type). "
          + "Supported from \(field.type): \(Cast.targets(from: field.type)).")
    }
    let nullable = field.nullable || !CastKernel.isTotal(from: field.type, to: type)
    return (input.replacing(at: index, with: Field(column, type, nullable: nullable)), index)
  }

  static func targets(from source: DataType) -> String {
    var candidates: [DataType] = [.string, .int32, .int64, .double, .boolean, .timestamp, .date]
    if case .list = source {
      candidates += [.list(.string), .list(.int32), .list(.int64), .list(.double), .list(.boolean)]
    }
    return candidates.filter { CastKernel.isSupported(from: source, to: $0) }.map(\.description)
      .joined(separator: ", ")
  }
}
