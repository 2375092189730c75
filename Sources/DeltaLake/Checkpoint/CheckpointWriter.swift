/// Writes a classic single-file checkpoint of a snapshot (`<version>.checkpoint.parquet`: its
/// protocol, metadata, app transactions, live files and tombstones, one action per row) and
/// then points `_last_checkpoint` at it. Written only after the commit of that version exists;
/// overwriting an existing checkpoint of the same version is harmless (same content).
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
    let bytes = Self.encode(actions, createdBy: createdBy)
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

  /// The checkpoint Parquet bytes for `actions`.
  static func encode(_ actions: [DeltaAction], createdBy: String = "Sluice") -> [UInt8] {
    var writer = CheckpointParquetWriter(root: CheckpointSchema.root)
    for action in actions {
      if let row = CheckpointSchema.row(action) { writer.append(row) }
    }
    return writer.finish(createdBy: createdBy)
  }
}
