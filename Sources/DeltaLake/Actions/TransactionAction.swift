public import SluiceCore

/// The `txn` (SetTransaction) action: the latest `version` an application (`appId`) committed.
///
/// Sluice's sink uses `appId` = query id and `version` = batch id, so a re-run batch whose
/// `txn` is already in the table is recognised and not written twice.
public struct TransactionAction: Sendable, Hashable {
  public var appId: String
  public var version: Int64
  /// Milliseconds since the epoch.
  public var lastUpdated: Int64?

  public init(appId: String, version: Int64, lastUpdated: Int64? = nil) {
    self.appId = appId
    self.version = version
    self.lastUpdated = lastUpdated
  }

  public var json: JSONValue {
    var members: [(String, JSONValue)] = [("appId", .string(appId)), ("version", .int(version))]
    if let lastUpdated { members.append(("lastUpdated", .int(lastUpdated))) }
    return .object(members)
  }

  static func decode(_ value: JSONValue) throws(ActionDecodingError) -> TransactionAction {
    let fields = try ActionFields(value, action: "txn")
    return TransactionAction(
      appId: try fields.string("appId"), version: try fields.int("version"),
      lastUpdated: try fields.optionalInt("lastUpdated"))
  }
}
