public import SluiceCore

/// Replaces whole string values that equal one of ``values`` (exact, case-sensitive, byte-wise)
/// with null — the "placeholder means missing" rule of the Pinterest data. A value that merely
/// contains a placeholder is left alone.
///
/// Applies to the listed columns (each must be a string column, otherwise
/// ``TransformError/Code/wrongType``) or to every string column of the input
/// (``Target/allStringColumns``; non-string columns are skipped). Works on the byte buffers;
/// a column without matches is passed through without copying.
public struct NullIf: Transform, Hashable {
  /// Which columns to look at.
  public enum Target: Sendable, Hashable {
    case columns([String])
    case allStringColumns
  }

  public let target: Target
  public let values: [String]

  public init(column: String, values: [String]) {
    self.init(target: .columns([column]), values: values)
  }

  public init(columns: [String], values: [String]) {
    self.init(target: .columns(columns), values: values)
  }

  public init(target: Target, values: [String]) {
    self.target = target
    self.values = values
  }

  /// Nulls `values` in every string column.
  public static func allStringColumns(values: [String]) -> NullIf {
    NullIf(target: .allStringColumns, values: values)
  }

  public var name: String { "null-if" }

  public func outputSchema(for input: Schema) throws -> Schema {
    try plan(for: input).schema
  }

  public func apply(_ batch: RecordBatch) throws -> RecordBatch {
    let (schema, indices) = try plan(for: batch.schema)
    var columns = batch.columns
    let placeholders = ByteStringSet(values)
    placeholders.withMatcher { matches in
      for index in indices {
        columns[index] = columns[index].rewritingStrings { matches($0) ? .null : .keep }
      }
    }
    return RecordBatch(unchecked: schema, columns: columns)
  }

  func plan(for input: Schema) throws(TransformError) -> (schema: Schema, indices: [Int]) {
    guard !values.isEmpty else {
      throw .invalidArgument(name, column: nil, "no values to replace; list at least one placeholder.")
    }
    var indices: [Int] = []
    switch target {
    case .columns(let names):
      guard !names.isEmpty else {
        throw .invalidArgument(
          name, column: nil, "the column list is empty; name at least one string column.")
      }
      for column in names {
        indices.append(
          try input.requireIndex(of: column, transform: name, expected: "a string column") { $0 == .string })
      }
    case .allStringColumns:
      indices = (0..<input.count).filter { input[$0].type == .string }
    }
    var fields = input.fields
    for index in indices { fields[index].nullable = true }
    return (Schema(fields), indices)
  }
}
