public import SluiceCore

/// Renames columns (Spark's `withColumnRenamed`, several at once). All pairs apply
/// simultaneously, so `a → b, b → a` swaps two names. Position, type and data are unchanged.
///
/// Throws ``TransformError/Code/missingColumn`` for an unknown source name,
/// ``TransformError/Code/duplicateColumn`` when the result would hold a name twice and
/// ``TransformError/Code/invalidArgument`` for an empty list or a column renamed twice.
public struct Rename: Transform, Hashable {
  /// One `from → to` pair.
  public struct Pair: Sendable, Hashable {
    public let from: String
    public let to: String

    public init(from: String, to: String) {
      self.from = from
      self.to = to
    }
  }

  public let pairs: [Pair]

  public init(_ pairs: [Pair]) {
    self.pairs = pairs
  }

  public init(from: String, to: String) {
    self.init([Pair(from: from, to: to)])
  }

  /// `Rename(["index": "ind", "a": "b"])`.
  public init(_ mapping: KeyValuePairs<String, String>) {
    self.init(mapping.map { Pair(from: $0.key, to: $0.value) })
  }

  public var name: String { "rename" }

  public func outputSchema(for input: Schema) throws -> Schema {
    try renamed(input)
  }

  public func apply(_ batch: RecordBatch) throws -> RecordBatch {
    RecordBatch(unchecked: try renamed(batch.schema), columns: batch.columns)
  }

  func renamed(_ input: Schema) throws(TransformError) -> Schema {
    guard !pairs.isEmpty else {
      throw .invalidArgument(name, column: nil, "no columns to rename; give at least one 'from → to' pair.")
    }
    var fields = input.fields
    var renamedPositions: Set<Int> = []
    for pair in pairs {
      let index = try input.requireIndex(of: pair.from, transform: name)
      guard renamedPositions.insert(index).inserted else {
        throw .invalidArgument(
          name, column: pair.from, "column '\(pair.from)' is renamed twice; keep one pair for it.")
      }
      fields[index].name = pair.to
    }
    var seen: Set<String> = []
    for field in fields where !seen.insert(field.name).inserted {
      throw .duplicateColumn(
        field.name, transform: name, reason: "the input already has a column of that name")
    }
    return Schema(fields)
  }
}
