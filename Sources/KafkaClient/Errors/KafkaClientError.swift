public import KafkaProtocol

/// Errors of the Kafka client and the Kafka source: what failed, where (broker, topic, partition)
/// and what the user can do.
public struct KafkaClientError: Error, Sendable, Hashable, CustomStringConvertible {
  public struct Code: Sendable, Hashable, CustomStringConvertible {
    let name: String
    public var description: String { name }
    /// The job or client configuration is invalid (bad address, bad regex, missing password…).
    public static let invalidConfiguration = Code(name: "invalidConfiguration")
    /// No TCP (or TLS) connection could be made to a broker.
    public static let brokerUnreachable = Code(name: "brokerUnreachable")
    /// The connection closed while requests were in flight.
    public static let disconnected = Code(name: "disconnected")
    /// A broker did not answer within the request timeout.
    public static let requestTimedOut = Code(name: "requestTimedOut")
    /// The TLS handshake failed (untrusted or mismatching certificate, broker not speaking TLS).
    public static let tlsFailed = Code(name: "tlsFailed")
    /// SASL authentication failed (wrong credentials, mechanism not enabled, bad server proof).
    public static let authenticationFailed = Code(name: "authenticationFailed")
    /// The credentials are not authorized for a topic, group or the cluster.
    public static let authorizationFailed = Code(name: "authorizationFailed")
    /// A topic does not exist.
    public static let unknownTopic = Code(name: "unknownTopic")
    /// The broker answered with an error code this client does not retry.
    public static let brokerError = Code(name: "brokerError")
    /// The broker supports no version of an API this client needs.
    public static let unsupportedVersion = Code(name: "unsupportedVersion")
    /// The broker's bytes could not be decoded (corrupt batch, malformed response).
    public static let protocolError = Code(name: "protocolError")
    /// Retriable failures went on past the retry budget.
    public static let retriesExhausted = Code(name: "retriesExhausted")
    /// Records a batch needs are no longer in Kafka (retention, topic recreated).
    public static let dataLoss = Code(name: "dataLoss")
    /// An offset document (checkpoint or `startingOffsets`) is malformed.
    public static let invalidOffsets = Code(name: "invalidOffsets")
  }

  public let code: Code
  public let message: String
  /// The broker's error code, when the failure is one.
  public let kafkaErrorCode: KafkaErrorCode?

  public init(_ code: Code, _ message: String, kafkaErrorCode: KafkaErrorCode? = nil) {
    self.code = code
    self.message = message
    self.kafkaErrorCode = kafkaErrorCode
  }

  public var description: String { message }

  /// Whether retrying (after a metadata refresh and a backoff) can help.
  public var isRetriable: Bool {
    switch code {
    case .brokerUnreachable, .disconnected, .requestTimedOut: return true
    case .brokerError: return kafkaErrorCode?.isRetriable ?? false
    default: return false
    }
  }

  /// The error for a broker error code met while doing `what` (e.g. `fetching topic t partition 0
  /// from broker 1 (host:port)`), with the code's explanation.
  static func broker(_ code: KafkaErrorCode, _ what: String, message: String? = nil) -> KafkaClientError {
    var text = "Kafka broker answered \(code) while \(what)"
    if let message, !message.isEmpty { text += ": \(message)" }
    if let explanation = code.explanation { text += " — \(explanation)" }
    switch code {
    case .topicAuthorizationFailed, .groupAuthorizationFailed, .clusterAuthorizationFailed:
      return KafkaClientError(.authorizationFailed, text, kafkaErrorCode: code)
    case .saslAuthenticationFailed, .unsupportedSaslMechanism, .illegalSaslState:
      return KafkaClientError(.authenticationFailed, text, kafkaErrorCode: code)
    default:
      return KafkaClientError(.brokerError, text, kafkaErrorCode: code)
    }
  }
}
