public import SluiceCore

/// Keeps the named columns in the given order (Spark's `select` of plain columns): select and
/// reorder in one step. Column buffers are shared, not copied.
///
/// Throws ``TransformError/Code/missingColumn`` naming the column and listing the available
/// ones, ``TransformError/Code/duplicateColumn`` when a name is listed twice, and
/// ``TransformError/Code/invalidArgument`` for an empty list.
public struct Select: Transform, Hashable {
  public let columns: [String]

  public init(columns: [String]) {
    self.columns = columns
  }

  public init(_ columns: String...) {
    self.init(columns: columns)
  }

  public var name: String { "select" }

  public func outputSchema(for input: Schema) throws -> Schema {
    try plan(for: input).schema
  }

  public func apply(_ batch: RecordBatch) throws -> RecordBatch {
    let (schema, indices) = try plan(for: batch.schema)
    return RecordBatch(unchecked: schema, columns: indices.map { batch.columns[$0] })
  }

  func plan(for input: Schema) throws(TransformError) -> (schema: Schema, indices: [Int]) {
    guard !columns.isEmpty else {
      throw .invalidArgument(name, column: nil, "the column list is empty; name at least one column to keep.")
    }
    var seen: Set<String> = []
    var indices: [Int] = []
    indices.reserveCapacity(columns.count)
    for column in columns {
      guard seen.insert(column).inserted else {
        throw .duplicateColumn(column, transform: name, reason: "it is listed twice")
      }
      indices.append(try input.requireIndex(of: column, transform: name))
    }
    return (Schema(indices.map { input[$0] }), indices)
  }
}
