public import SluiceCore

/// Joins the values of several columns with a separator into a string column — Spark's
/// `concat_ws(separator, columns…)`: null inputs are skipped (no doubled separator), and a row
/// whose inputs are all null yields the empty string, never null. Non-string inputs are first
/// formatted as by ``Cast`` to string.
///
/// The result is placed like Spark's `withColumn`: it replaces a column named ``output`` in
/// place, otherwise it is appended at the end. The inputs are kept (drop them with ``Drop``).
public struct Concat: Transform, Hashable {
  public let columns: [String]
  public let separator: String
  public let output: String

  public init(columns: [String], separator: String, as output: String) {
    self.columns = columns
    self.separator = separator
    self.output = output
  }

  public var name: String { "concat" }

  public func outputSchema(for input: Schema) throws -> Schema {
    try plan(for: input).schema
  }

  public func apply(_ batch: RecordBatch) throws -> RecordBatch {
    let (_, indices) = try plan(for: batch.schema)
    let parts = indices.map { index in
      let column = batch.columns[index]
      return column.type == .string ? column : CastKernel.formatted(column)
    }
    let n = batch.count
    var result = Column(type: .string, capacity: n)
    result.bytes.reserveCapacity(parts.reduce(0) { $0 + $1.bytes.count } + n * separator.utf8.count)
    let separatorBytes = Array(separator.utf8)
    for row in 0..<n {
      var first = true
      for part in parts where part.validity[row] {
        if !first { result.bytes.append(contentsOf: separatorBytes) }
        result.bytes.append(contentsOf: part.stringBytes(at: row))
        first = false
      }
      result.validity.append(true)
      result.offsets.append(Int32(truncatingIfNeeded: result.bytes.count))
    }
    return batch.placing(Field(output, .string, nullable: false), column: result)
  }

  func plan(for input: Schema) throws(TransformError) -> (schema: Schema, indices: [Int]) {
    guard !columns.isEmpty else {
      throw .invalidArgument(name, column: output, "no input columns; list the columns to join.")
    }
    let indices = try columns.map { (column) throws(TransformError) in
      try input.requireIndex(of: column, transform: name)
    }
    return (input.placing(Field(output, .string, nullable: false)).schema, indices)
  }
}
