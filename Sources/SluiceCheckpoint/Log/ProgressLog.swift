public import SluiceCore

/// Recent progress records, one JSON file per batch (`progress/<batchId>.json`), bounded: Spark
/// keeps `recentProgress` in memory only; Sluice persists the last few so `checkpoint status`
/// and humans can read them after the run.
///
/// Progress files are advisory: they are replaced when a batch is re-run, and deleting them
/// never affects recovery.
public struct ProgressLog: Sendable {
  public static let directory = "progress"
  public let store: any CheckpointStore

  public init(store: any CheckpointStore) {
    self.store = store
  }

  public func path(_ batchID: BatchID) -> String { Self.directory + "/\(batchID).json" }

  /// Writes (or replaces) the record of `batchID`.
  public func write(_ batchID: BatchID, json: JSONValue) throws {
    try store.overwrite(path(batchID), contents: Array((json.compact + "\n").utf8))
  }

  /// Batch ids with a progress record, in numeric order.
  public func list() throws -> [BatchID] {
    try store.list(directory: Self.directory).compactMap { name -> BatchID? in
      guard name.hasSuffix(".json") else { return nil }
      return BatchID(fileName: String(name.dropLast(5)))
    }.sorted()
  }

  /// The record of `batchID`, or `nil` when absent or unreadable (progress is advisory).
  public func read(_ batchID: BatchID) throws -> JSONValue? {
    guard let bytes = try store.read(path(batchID)) else { return nil }
    return try? parseJSON(bytes[...])
  }

  /// Deletes all but the `count` most recent records; returns the deleted ids.
  @discardableResult
  public func purge(keepingLast count: Int) throws -> [BatchID] {
    let ids = try list()
    guard ids.count > count else { return [] }
    let doomed = ids.prefix(ids.count - max(count, 0))
    for id in doomed { try store.delete(path(id)) }
    return Array(doomed)
  }
}
