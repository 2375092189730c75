/// A Kafka protocol error code (`int16`): name, whether retrying can help, and for the common
/// ones an explanation for users. Unknown codes keep their number (`UNKNOWN_ERROR_<n>`).
public struct KafkaErrorCode: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
  public let rawValue: Int16

  public init(rawValue: Int16) { self.rawValue = rawValue }
  public init(_ rawValue: Int16) { self.rawValue = rawValue }

  /// `true` for every code except NONE (0).
  public var isError: Bool { rawValue != 0 }

  /// The protocol name (`NOT_LEADER_OR_FOLLOWER`), or `UNKNOWN_ERROR_<n>`.
  public var name: String {
    let i = Int(rawValue) + 1
    if i >= 0 && i < Self.table.count && !Self.table[i].name.isEmpty { return Self.table[i].name }
    return "UNKNOWN_ERROR_\(rawValue)"
  }

  /// Whether the broker marks the condition retriable (a retry, possibly after a metadata
  /// refresh, can succeed).
  public var isRetriable: Bool {
    let i = Int(rawValue) + 1
    return i >= 0 && i < Self.table.count && Self.table[i].retriable
  }

  /// Whether this codec knows the code (unknown ones come from newer brokers).
  public var isKnown: Bool {
    let i = Int(rawValue) + 1
    return i >= 0 && i < Self.table.count && !Self.table[i].name.isEmpty
  }

  /// What happened and what the user can do, for the codes users meet; `nil` otherwise.
  public var explanation: String? { Self.explanations[rawValue] }

  /// `NOT_LEADER_OR_FOLLOWER (6)`.
  public var description: String { "\(name) (\(rawValue))" }

  public static let none = KafkaErrorCode(0)
  public static let unknownServerError = KafkaErrorCode(-1)
  public static let offsetOutOfRange = KafkaErrorCode(1)
  public static let corruptMessage = KafkaErrorCode(2)
  public static let unknownTopicOrPartition = KafkaErrorCode(3)
  public static let leaderNotAvailable = KafkaErrorCode(5)
  public static let notLeaderOrFollower = KafkaErrorCode(6)
  public static let requestTimedOut = KafkaErrorCode(7)
  public static let networkException = KafkaErrorCode(13)
  public static let coordinatorLoadInProgress = KafkaErrorCode(14)
  public static let coordinatorNotAvailable = KafkaErrorCode(15)
  public static let notCoordinator = KafkaErrorCode(16)
  public static let topicAuthorizationFailed = KafkaErrorCode(29)
  public static let groupAuthorizationFailed = KafkaErrorCode(30)
  public static let clusterAuthorizationFailed = KafkaErrorCode(31)
  public static let unsupportedSaslMechanism = KafkaErrorCode(33)
  public static let illegalSaslState = KafkaErrorCode(34)
  public static let unsupportedVersion = KafkaErrorCode(35)
  public static let topicAlreadyExists = KafkaErrorCode(36)
  public static let invalidPartitions = KafkaErrorCode(37)
  public static let invalidRequest = KafkaErrorCode(42)
  public static let kafkaStorageError = KafkaErrorCode(56)
  public static let saslAuthenticationFailed = KafkaErrorCode(58)
  public static let fetchSessionIDNotFound = KafkaErrorCode(70)
  public static let invalidFetchSessionEpoch = KafkaErrorCode(71)
  public static let fencedLeaderEpoch = KafkaErrorCode(74)
  public static let unknownLeaderEpoch = KafkaErrorCode(75)
  public static let unsupportedCompressionType = KafkaErrorCode(76)
  public static let offsetNotAvailable = KafkaErrorCode(78)
  public static let unknownTopicID = KafkaErrorCode(100)
  public static let offsetMovedToTieredStorage = KafkaErrorCode(109)
}
