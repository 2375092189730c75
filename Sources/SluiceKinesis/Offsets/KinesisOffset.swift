import KinesisClient
public import SluiceCore

/// The Kinesis source's offset: per shard, how far it is consumed, whether it is finished, and its
/// parents.
///
/// ```json
/// {"shards":{
///    "shardId-000000000000":{"closed":true,"seq":"49590338271490256608559692538361571095921575989136588898"},
///    "shardId-000000000001":{"seq":"17"},
///    "shardId-000000000002":{"parents":["shardId-000000000000"],"start":"TRIM_HORIZON"},
///    "shardId-000000000003":{"start":"AT_TIMESTAMP","timestamp":1700000000000},
///    "shardId-000000000004":{"at":"4959…","start":"AT_SEQUENCE_NUMBER"}},
///  "stream":"pinterest-pin"}
/// ```
///
/// - `seq`: the last consumed sequence number (decimal string, compared as a big integer); reading
///   resumes `AFTER_SEQUENCE_NUMBER` it. Without `seq`, `start` says where the shard begins:
///   `TRIM_HORIZON`, `LATEST`, `AT_TIMESTAMP` (+ `timestamp` ms) or `AT_SEQUENCE_NUMBER` (+ `at`).
/// - `closed: true`: the shard is closed and fully consumed (omitted when false).
/// - `parents`: the shard's parents (omitted when none); it is read only once each parent is
///   `closed` or no longer in the offset.
public struct KinesisOffset: Offset {
  public var stream: String
  public var shards: [String: ShardState]

  public init(stream: String, shards: [String: ShardState]) {
    self.stream = stream
    self.shards = shards
  }

  public init(json: JSONValue) throws {
    guard let stream = json["stream"]?.stringValue, let members = json["shards"]?.objectMembers else {
      throw Self.invalid(json, "expected {\"stream\":…,\"shards\":{…}}")
    }
    var shards: [String: ShardState] = [:]
    for (id, value) in members {
      guard value.objectMembers != nil else { throw Self.invalid(json, "shard \(id) is not an object") }
      let position: ShardPosition
      if let sequence = value["seq"]?.stringValue {
        guard SequenceNumber.isValid(sequence) else {
          throw Self.invalid(json, "shard \(id): seq '\(sequence)' is not a decimal")
        }
        position = .after(sequence)
      } else {
        switch value["start"]?.stringValue {
        case "TRIM_HORIZON": position = .trimHorizon
        case "LATEST": position = .latest
        case "AT_TIMESTAMP":
          guard let ms = value["timestamp"]?.intValue else {
            throw Self.invalid(json, "shard \(id): AT_TIMESTAMP needs timestamp")
          }
          position = .atTimestamp(ms)
        case "AT_SEQUENCE_NUMBER":
          guard let at = value["at"]?.stringValue, SequenceNumber.isValid(at) else {
            throw Self.invalid(json, "shard \(id): AT_SEQUENCE_NUMBER needs at")
          }
          position = .at(at)
        default:
          throw Self.invalid(json, "shard \(id) has neither seq nor a known start")
        }
      }
      let parents = (value["parents"]?.arrayValue ?? []).compactMap(\.stringValue)
      shards[id] = ShardState(
        position: position, closed: value["closed"]?.boolValue ?? false, parents: parents)
    }
    self.init(stream: stream, shards: shards)
  }

  public var json: JSONValue {
    var members: [(String, JSONValue)] = []
    for id in shards.keys.sorted() {
      let state = shards[id]!
      var fields: [(String, JSONValue)] = []
      switch state.position {
      case .after(let sequence): fields.append(("seq", .string(sequence)))
      case .at(let sequence): fields += [("at", .string(sequence)), ("start", .string("AT_SEQUENCE_NUMBER"))]
      case .trimHorizon: fields.append(("start", .string("TRIM_HORIZON")))
      case .latest: fields.append(("start", .string("LATEST")))
      case .atTimestamp(let ms): fields += [("start", .string("AT_TIMESTAMP")), ("timestamp", .int(ms))]
      }
      if state.closed { fields.append(("closed", .bool(true))) }
      if !state.parents.isEmpty { fields.append(("parents", .array(state.parents.map { .string($0) }))) }
      members.append((id, .object(fields)))
    }
    return .object([("shards", .object(members)), ("stream", .string(stream))])
  }

  /// Shards that may be read now: not finished, and every parent finished or unknown; sorted by id.
  public var readableShards: [String] {
    shards.keys.sorted().filter { id in
      let state = shards[id]!
      return !state.closed && state.parents.allSatisfy { shards[$0]?.closed ?? true }
    }
  }

  private static func invalid(_ json: JSONValue, _ detail: String) -> KinesisSourceError {
    KinesisSourceError(
      .invalidOffset,
      "not a Kinesis source offset (\(detail)): \(json.compact.prefix(300)); was the checkpoint written by another source?"
    )
  }
}
