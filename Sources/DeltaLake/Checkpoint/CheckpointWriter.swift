import Parquet
import SluiceCore

/// Writes a classic single-file checkpoint of a snapshot (`<version>.checkpoint.parquet`: its
/// protocol, metadata, app transactions, live files and tombstones, one action per row) and
/// then points `_last_checkpoint` at it. Written only after the commit of that version exists;
/// overwriting an existing checkpoint of the same version is harmless (same content).
///
/// The file is a nested Parquet file (``CheckpointSchema``) written by the `Parquet` target,
/// ZSTD-compressed like the table's data files.
public struct CheckpointWriter: Sendable {
  public let store: any LogStore
  public var createdBy: String

  public init(store: any LogStore, createdBy: String = "Sluice") {
    self.store = store
    self.createdBy = createdBy
  }

  @discardableResult
  public func write(_ snapshot: Snapshot) throws -> LastCheckpoint {
    let actions = Self.actions(of: snapshot)
    let bytes: [UInt8]
    do {
      bytes = try Self.encode(actions, createdBy: createdBy)
    } catch {
      throw DeltaError(
        .corruptCheckpoint,
        "the checkpoint of version \(snapshot.version) at \(store.logLocation) could not be encoded: "
          + "\(error.message); nothing was written, readers keep using the JSON commits")
    }
    try store.writeCheckpoint(snapshot.version, contents: bytes)
    let pointer = LastCheckpoint(
      version: snapshot.version, size: Int64(actions.count), sizeInBytes: Int64(bytes.count),
      numOfAddFiles: Int64(snapshot.numFiles))
    try store.writeLastCheckpoint(Array(pointer.json.compact.utf8))
    return pointer
  }

  /// The reconciled actions of `snapshot`, in checkpoint order.
  static func actions(of snapshot: Snapshot) -> [DeltaAction] {
    var actions: [DeltaAction] = [.protocol(snapshot.protocolAction), .metaData(snapshot.metadata)]
    actions += snapshot.appTransactions.map { .txn($0) }
    actions += snapshot.files.map { .add($0) }
    actions += snapshot.tombstones.map { .remove($0) }
    return actions
  }

  /// Records handed to the Parquet writer at once (bounds the shredded copy held in memory).
  static let recordsPerWrite = 8192

  /// The checkpoint Parquet bytes for `actions` (actions checkpoints do not hold are skipped).
  static func encode(_ actions: [DeltaAction], createdBy: String = "Sluice") throws(ParquetError) -> [UInt8] {
    let writer = try ParquetNestedWriter(
      fields: CheckpointSchema.fields,
      options: ParquetWriterOptions(compression: .zstd(level: 3), createdBy: createdBy))
    var records: [[String: NestedValue]] = []
    records.reserveCapacity(min(actions.count, recordsPerWrite))
    for action in actions {
      guard let record = CheckpointSchema.record(action) else { continue }
      records.append(record)
      if records.count == recordsPerWrite {
        try writer.write(records)
        records.removeAll(keepingCapacity: true)
      }
    }
    if !records.isEmpty { try writer.write(records) }
    return try writer.finish().bytes
  }
}
