import SluiceCore

/// Action reconciliation (Delta "Action Reconciliation"): later actions win — the latest
/// `protocol` and `metaData`, the latest `txn` per app id, and per path the latest of
/// `add`/`remove`. `commitInfo` and unknown actions are not state.
struct LogReplay {
  var protocolAction: ProtocolAction?
  var metadata: MetadataAction?
  var schema: Schema?
  var fileSet = FileSet()
  var removes: [String: RemoveAction] = [:]
  var transactions: [String: TransactionAction] = [:]

  init() {}

  init(snapshot: Snapshot) {
    protocolAction = snapshot.protocolAction
    metadata = snapshot.metadata
    schema = snapshot.schema
    fileSet = snapshot.fileSet
    removes = snapshot.removes
    transactions = snapshot.transactions
  }

  mutating func apply(_ actions: [DeltaAction]) {
    for action in actions {
      switch action {
      case .protocol(let p): protocolAction = p
      case .metaData(let m):
        if m.schemaString != metadata?.schemaString { schema = nil }
        metadata = m
      case .add(let add):
        removes[add.path] = nil
        fileSet.add(add)
      case .remove(let remove):
        fileSet.remove(path: remove.path)
        removes[remove.path] = remove
      case .txn(let txn): transactions[txn.appId] = txn
      case .commitInfo, .other: break
      }
    }
  }

  /// The reconciled state as a snapshot; a log without `protocol` or `metaData` is corrupt.
  func snapshot(version: Int64, commitTimestamp: Int64?) throws(DeltaError) -> Snapshot {
    guard let protocolAction else {
      throw DeltaError(.corruptLog, "the table log up to version \(version) has no protocol action")
    }
    guard let metadata else {
      throw DeltaError(.corruptLog, "the table log up to version \(version) has no metaData action")
    }
    let schema: Schema
    if let known = self.schema {
      schema = known
    } else {
      schema = try metadata.schema()
    }
    return Snapshot(
      version: version, protocolAction: protocolAction, metadata: metadata, schema: schema,
      commitTimestamp: commitTimestamp, fileSet: fileSet, removes: removes, transactions: transactions)
  }
}
