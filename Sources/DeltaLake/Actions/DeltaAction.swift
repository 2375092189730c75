public import SluiceCore

/// One line of a Delta commit file: a JSON object with exactly one key naming the action.
///
/// Actions this build does not interpret (`cdc`, `domainMetadata`, `checkpointMetadata`,
/// `sidecar`, future ones) are kept as ``other(key:value:)`` and ignored by snapshot replay, as
/// the protocol requires.
public enum DeltaAction: Sendable, Hashable {
  case `protocol`(ProtocolAction)
  case metaData(MetadataAction)
  case add(AddAction)
  case remove(RemoveAction)
  case txn(TransactionAction)
  case commitInfo(CommitInfo)
  case other(key: String, value: JSONValue)

  /// The action key (`add`, `metaData`, ...).
  public var key: String {
    switch self {
    case .protocol: "protocol"
    case .metaData: "metaData"
    case .add: "add"
    case .remove: "remove"
    case .txn: "txn"
    case .commitInfo: "commitInfo"
    case .other(let key, _): key
    }
  }

  /// `{"<key>":{...}}`.
  public var json: JSONValue {
    let body: JSONValue =
      switch self {
      case .protocol(let p): p.json
      case .metaData(let m): m.json
      case .add(let a): a.json
      case .remove(let r): r.json
      case .txn(let t): t.json
      case .commitInfo(let c): c.json
      case .other(_, let value): value
      }
    return .object([(key, body)])
  }

  /// The compact JSON line (no trailing newline).
  public var jsonLine: String { json.compact }

  /// Decodes one parsed commit line.
  static func decode(_ line: JSONValue) throws(ActionDecodingError) -> DeltaAction {
    guard let members = line.objectMembers else { throw ActionDecodingError("the line is not a JSON object") }
    guard let (key, body) = members.first(where: { if case .null = $0.1 { false } else { true } }) else {
      throw ActionDecodingError("the line holds no action")
    }
    switch key {
    case "protocol": return .protocol(try ProtocolAction.decode(body))
    case "metaData": return .metaData(try MetadataAction.decode(body))
    case "add": return .add(try AddAction.decode(body))
    case "remove": return .remove(try RemoveAction.decode(body))
    case "txn": return .txn(try TransactionAction.decode(body))
    case "commitInfo": return .commitInfo(try CommitInfo.decode(body))
    default: return .other(key: key, value: body)
    }
  }
}
