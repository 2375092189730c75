public import SluiceCore

/// The state of a Delta table at one version: protocol, metadata, live files, tombstones and
/// the latest `txn` version per application.
///
/// Built by replaying a checkpoint (if any) and the JSON commits after it (see
/// ``SnapshotLoader``); advanced in place by ``applying(version:actions:commitTimestamp:)`` so a
/// long-running writer never replays the whole log again.
public struct Snapshot: Sendable {
  /// The table version this snapshot reflects.
  public private(set) var version: Int64
  public private(set) var protocolAction: ProtocolAction
  public private(set) var metadata: MetadataAction
  /// The table schema (from ``metadata``).
  public private(set) var schema: Schema
  /// Commit timestamp (ms) of ``version``, when known (commitInfo timestamp, else file time).
  public private(set) var commitTimestamp: Int64?
  var fileSet: FileSet
  var removes: [String: RemoveAction]
  var transactions: [String: TransactionAction]

  init(
    version: Int64, protocolAction: ProtocolAction, metadata: MetadataAction, schema: Schema,
    commitTimestamp: Int64?, fileSet: FileSet, removes: [String: RemoveAction],
    transactions: [String: TransactionAction]
  ) {
    self.version = version
    self.protocolAction = protocolAction
    self.metadata = metadata
    self.schema = schema
    self.commitTimestamp = commitTimestamp
    self.fileSet = fileSet
    self.removes = removes
    self.transactions = transactions
  }

  /// The live data files, in the order they were added.
  public var files: [AddAction] { fileSet.files }
  public var numFiles: Int { fileSet.count }
  /// Sum of the live files' sizes in bytes.
  public var sizeInBytes: Int64 { fileSet.totalSize }
  /// Tombstones (removed files not yet vacuumed), sorted by path.
  public var tombstones: [RemoveAction] { removes.values.sorted { $0.path < $1.path } }
  public var partitionColumns: [String] { metadata.partitionColumns }

  /// All `txn` actions (latest per app id), sorted by app id.
  public var appTransactions: [TransactionAction] { transactions.values.sorted { $0.appId < $1.appId } }

  /// The latest committed version of `appId`, or `nil` when it never committed (Spark's −1).
  public func transactionVersion(appId: String) -> Int64? {
    transactions[appId]?.version
  }

  /// Total rows from the files' statistics; `nil` when a file has no `numRecords`.
  public var numRecords: Int64? {
    var total: Int64 = 0
    for file in fileSet.files {
      guard let records = file.statistics?.numRecords else { return nil }
      total += records
    }
    return total
  }

  /// The snapshot after commit `version` with `actions` (which must be `self.version + 1`).
  public func applying(version: Int64, actions: [DeltaAction], commitTimestamp: Int64? = nil)
    throws(DeltaError)
    -> Snapshot
  {
    var next = self
    try next.apply(version: version, actions: actions, commitTimestamp: commitTimestamp)
    return next
  }

  mutating func apply(version: Int64, actions: [DeltaAction], commitTimestamp: Int64?) throws(DeltaError) {
    guard version == self.version + 1 else {
      throw DeltaError(
        .corruptLog,
        "cannot apply commit \(version) to the snapshot at version \(self.version): versions must follow")
    }
    var replay = LogReplay(snapshot: self)
    replay.apply(actions)
    self = try replay.snapshot(
      version: version, commitTimestamp: commitTimestamp ?? Self.timestamp(in: actions))
  }

  static func timestamp(in actions: [DeltaAction]) -> Int64? {
    for case .commitInfo(let info) in actions { return info.timestamp }
    return nil
  }
}
