public import SluiceCore

/// One row of `DESCRIBE HISTORY`: a table version and its `commitInfo`.
public struct HistoryEntry: Sendable, Hashable {
  public var version: Int64
  /// `commitInfo.timestamp`, or the commit file's modification time when the commit has none.
  public var timestamp: Int64
  /// `nil` when the commit carries no `commitInfo` (allowed by the protocol).
  public var commitInfo: CommitInfo?

  public init(version: Int64, timestamp: Int64, commitInfo: CommitInfo?) {
    self.version = version
    self.timestamp = timestamp
    self.commitInfo = commitInfo
  }

  public var operation: String? { commitInfo?.operation }

  /// The `commitInfo` fields plus `version` (timestamp filled in), like delta-rs's `history()`.
  public var json: JSONValue {
    var members: [(String, JSONValue)] = [("version", .int(version)), ("timestamp", .int(timestamp))]
    for (key, value) in commitInfo?.json.objectMembers ?? [] where key != "timestamp" {
      members.append((key, value))
    }
    return .object(members)
  }
}
