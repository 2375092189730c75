public import SluiceCore

/// The offsets log (`offsets/N`): the write-ahead log of planned batches.
public typealias OffsetLog = MetadataLog<OffsetSeq>
/// The commits log (`commits/N`): batches that are complete.
public typealias CommitLog = MetadataLog<CommitEntry>

/// An append-only log of entries, one file per batch id, named by the decimal batch id without
/// padding (`0`, `1`, `10`) inside ``directory`` (Spark's `HDFSMetadataLog`).
///
/// Contract:
/// - ``add(_:_:)`` creates the file atomically and never overwrites (create-if-absent);
///   ``addNew(_:_:)`` additionally treats an existing file as a concurrent writer.
/// - ``list()`` returns the batch ids in numeric order; names that are not batch ids are
///   ignored.
/// - Ids must be contiguous between the smallest and the largest; ``verifyContiguous(_:)``
///   reports a gap as `nonContiguousLog`.
/// - A file that cannot be read is an error, never silently skipped.
public struct MetadataLog<Entry: MetadataLogEntry>: Sendable {
  public let store: any CheckpointStore
  /// The folder inside the checkpoint, e.g. `offsets`.
  public let directory: String

  public init(store: any CheckpointStore, directory: String) {
    self.store = store
    self.directory = directory
  }

  /// The store path of batch `batchID`'s file, e.g. `offsets/3`.
  public func path(_ batchID: BatchID) -> String { directory + "/" + batchID.description }

  /// Writes the entry of `batchID` unless it exists; returns false (nothing written) if it does.
  @discardableResult
  public func add(_ batchID: BatchID, _ entry: Entry) throws -> Bool {
    try store.createIfAbsent(path(batchID), contents: entry.serialized())
  }

  /// Writes the entry of `batchID`, which must not exist yet: an existing file means another
  /// run is writing to the same checkpoint (or was not stopped), and is a `concurrentWriter`
  /// error.
  public func addNew(_ batchID: BatchID, _ entry: Entry) throws {
    guard try add(batchID, entry) else {
      throw CheckpointError(
        .concurrentWriter,
        "\(store.displayPath(path(batchID))) already exists although this run did not write it: "
          + "another run is using checkpoint \(store.location) at the same time",
        advice: "stop the other run (only one run may use a checkpoint folder), then restart")
    }
  }

  /// The entry of `batchID`, or `nil` when there is no such file.
  public func get(_ batchID: BatchID) throws -> Entry? {
    let file = path(batchID)
    guard let bytes = try store.read(file) else { return nil }
    do {
      return try Entry.parse(bytes, file: store.displayPath(file))
    } catch {
      throw error.advice == nil ? error.withAdvice(Self.damagedAdvice) : error
    }
  }

  /// Batch ids present, in numeric order.
  public func list() throws -> [BatchID] {
    try store.list(directory: directory).compactMap { BatchID(fileName: $0) }.sorted()
  }

  /// The entry with the highest batch id, or `nil` for an empty log. An unreadable latest file
  /// is an error (no fallback to an older entry).
  public func latest() throws -> (batchID: BatchID, entry: Entry)? {
    guard let last = try list().last else { return nil }
    guard let entry = try get(last) else {
      throw CheckpointError(
        .ioFailure, "\(store.displayPath(path(last))) disappeared while being read",
        advice: "another process is changing the checkpoint; stop it and restart")
    }
    return (last, entry)
  }

  /// Throws `nonContiguousLog` when `ids` (sorted, as from ``list()``) has a gap.
  public func verifyContiguous(_ ids: [BatchID]) throws(CheckpointError) {
    for (previous, current) in zip(ids, ids.dropFirst()) where current.rawValue != previous.rawValue + 1 {
      let missing =
        current.rawValue == previous.rawValue + 2
        ? "batch \(previous.rawValue + 1) is missing"
        : "batches \(previous.rawValue + 1)…\(current.rawValue - 1) are missing"
      throw CheckpointError(
        .nonContiguousLog,
        "the log \(store.displayPath(directory)) has a gap: batches \(previous) and \(current) exist "
          + "but \(missing)",
        advice: "the checkpoint was edited or damaged; restore the missing files from a backup, or "
          + "start over with a new checkpoint folder")
    }
  }

  /// Deletes the entries with ids below `threshold`; returns the deleted ids.
  @discardableResult
  public func purge(before threshold: BatchID) throws -> [BatchID] {
    let doomed = try list().filter { $0 < threshold }
    for id in doomed { try store.delete(path(id)) }
    return doomed
  }

  /// Deletes all but the `count` most recent entries; returns the deleted ids.
  @discardableResult
  public func purge(keepingLast count: Int) throws -> [BatchID] {
    let ids = try list()
    guard ids.count > count else { return [] }
    let doomed = ids.prefix(ids.count - max(count, 0))
    for id in doomed { try store.delete(path(id)) }
    return Array(doomed)
  }

  static var damagedAdvice: String {
    "restore the file from a backup, or start over with a new checkpoint folder (the query then "
      + "reads again from its starting offsets)"
  }
}
