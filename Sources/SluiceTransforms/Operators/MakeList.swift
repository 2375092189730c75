public import SluiceCore

/// Builds a list column from several columns of one type, e.g. `[latitude, longitude]` →
/// `coordinates: list<double>` (Spark's `array(lat, lon)`).
///
/// List elements are non-null in this version, so where Spark would keep a null element this
/// operator makes the whole list null when any input of the row is null. All inputs must have
/// the same non-list type (``TransformError/Code/wrongType`` otherwise; cast first). The result
/// is placed like Spark's `withColumn`: replacing a column named ``output`` in place, otherwise
/// appended. The inputs are kept (drop them with ``Drop``).
public struct MakeList: Transform, Hashable {
  public let columns: [String]
  public let output: String

  public init(columns: [String], as output: String) {
    self.columns = columns
    self.output = output
  }

  public var name: String { "make-list" }

  public func outputSchema(for input: Schema) throws -> Schema {
    try plan(for: input).schema
  }

  public func apply(_ batch: RecordBatch) throws -> RecordBatch {
    let (_, indices, field) = try plan(for: batch.schema)
    let inputs = indices.map { batch.columns[$0] }
    let n = batch.count
    var result = Column(type: field.type, capacity: n)
    result.children[0].reserve(n * inputs.count)
    for row in 0..<n {
      guard inputs.allSatisfy({ $0.validity[row] }) else {
        result.appendNull()
        continue
      }
      for input in inputs { result.children[0].append(from: input, at: row) }
      result.closeListSlot()
    }
    return batch.placing(field, column: result)
  }

  func plan(for input: Schema) throws(TransformError) -> (schema: Schema, indices: [Int], field: Field) {
    guard !columns.isEmpty else {
      throw .invalidArgument(name, column: output, "no input columns; list the columns to combine.")
    }
    let indices = try columns.map { (column) throws(TransformError) in
      try input.requireIndex(of: column, transform: name)
    }
    let element = input[indices[0]].type
    for index in indices {
      let field = input[index]
      guard field.type == element, !field.type.isList else {
        throw .wrongType(
          field.name, transform: name, actual: field.type,
          expected: "the same non-list type as '\(input[indices[0]].name)' (\(element))")
      }
    }
    let nullable = indices.contains { input[$0].nullable }
    let field = Field(output, .list(element), nullable: nullable)
    return (input.placing(field).schema, indices, field)
  }
}
