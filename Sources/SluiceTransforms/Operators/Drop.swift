public import SluiceCore

/// Removes the named columns; the others keep their order. Unlike Spark's `drop`, an unknown
/// name is an error (``TransformError/Code/missingColumn``) so a typo in a job file is caught
/// at start-up. Dropping every column is ``TransformError/Code/invalidArgument``.
public struct Drop: Transform, Hashable {
  public let columns: [String]

  public init(columns: [String]) {
    self.columns = columns
  }

  public init(_ columns: String...) {
    self.init(columns: columns)
  }

  public var name: String { "drop" }

  public func outputSchema(for input: Schema) throws -> Schema {
    try plan(for: input).schema
  }

  public func apply(_ batch: RecordBatch) throws -> RecordBatch {
    let (schema, kept) = try plan(for: batch.schema)
    return RecordBatch(unchecked: schema, columns: kept.map { batch.columns[$0] })
  }

  func plan(for input: Schema) throws(TransformError) -> (schema: Schema, kept: [Int]) {
    var dropped: Set<Int> = []
    for column in columns {
      dropped.insert(try input.requireIndex(of: column, transform: name))
    }
    let kept = (0..<input.count).filter { !dropped.contains($0) }
    guard !kept.isEmpty else {
      throw .invalidArgument(
        name, column: nil,
        "dropping \(columns.joined(separator: ", ")) would leave no columns; keep at least one.")
    }
    return (Schema(kept.map { input[$0] }), kept)
  }
}
