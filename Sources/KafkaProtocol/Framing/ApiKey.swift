/// Kafka API keys this codec knows by name (ApiVersions responses may list others; they are kept
/// as raw numbers in ``ApiVersionRange``).
public enum ApiKey: Int16, Sendable, Hashable, CaseIterable, CustomStringConvertible {
  case produce = 0
  case fetch = 1
  case listOffsets = 2
  case metadata = 3
  case offsetCommit = 8
  case offsetFetch = 9
  case findCoordinator = 10
  case joinGroup = 11
  case heartbeat = 12
  case leaveGroup = 13
  case syncGroup = 14
  case saslHandshake = 17
  case apiVersions = 18
  case createTopics = 19
  case deleteTopics = 20
  case initProducerID = 22
  case saslAuthenticate = 36
  case createPartitions = 37

  public var description: String {
    switch self {
    case .produce: "Produce"
    case .fetch: "Fetch"
    case .listOffsets: "ListOffsets"
    case .metadata: "Metadata"
    case .offsetCommit: "OffsetCommit"
    case .offsetFetch: "OffsetFetch"
    case .findCoordinator: "FindCoordinator"
    case .joinGroup: "JoinGroup"
    case .heartbeat: "Heartbeat"
    case .leaveGroup: "LeaveGroup"
    case .syncGroup: "SyncGroup"
    case .saslHandshake: "SaslHandshake"
    case .apiVersions: "ApiVersions"
    case .createTopics: "CreateTopics"
    case .deleteTopics: "DeleteTopics"
    case .initProducerID: "InitProducerId"
    case .saslAuthenticate: "SaslAuthenticate"
    case .createPartitions: "CreatePartitions"
    }
  }
}

/// The versions a broker supports for one API (an entry of the ApiVersions response).
public struct ApiVersionRange: Sendable, Hashable {
  /// The raw API key (may be one this codec has no name for).
  public var apiKey: Int16
  public var minVersion: Int16
  public var maxVersion: Int16

  public init(apiKey: Int16, minVersion: Int16, maxVersion: Int16) {
    self.apiKey = apiKey
    self.minVersion = minVersion
    self.maxVersion = maxVersion
  }

  public init(_ key: ApiKey, _ versions: ClosedRange<Int16>) {
    self.init(apiKey: key.rawValue, minVersion: versions.lowerBound, maxVersion: versions.upperBound)
  }

  /// The named key, when this codec knows it.
  public var key: ApiKey? { ApiKey(rawValue: apiKey) }
}

/// The highest version both sides support: `min(ours.upper, broker.max)` when that is within both
/// ranges, else `nil` (no common version).
public func negotiate(ours: ClosedRange<Int16>, broker: ApiVersionRange) -> Int16? {
  let best = min(ours.upperBound, broker.maxVersion)
  guard best >= ours.lowerBound, best >= broker.minVersion else { return nil }
  return best
}
