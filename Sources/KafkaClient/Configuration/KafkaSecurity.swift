/// How the client secures its connections: Kafka's `security.protocol` (PLAINTEXT, SSL,
/// SASL_PLAINTEXT, SASL_SSL) with the TLS and SASL settings they need.
public struct KafkaSecurity: Sendable, Hashable {
  public enum SASLMechanism: String, Sendable, Hashable, CaseIterable {
    case plain = "PLAIN"
    case scramSHA256 = "SCRAM-SHA-256"
    case scramSHA512 = "SCRAM-SHA-512"
  }

  public struct SASL: Sendable, Hashable {
    public var mechanism: SASLMechanism
    public var username: String
    public var password: String

    public init(mechanism: SASLMechanism, username: String, password: String) {
      self.mechanism = mechanism
      self.username = username
      self.password = password
    }
  }

  public struct TLS: Sendable, Hashable {
    /// PEM file of the certificate authorities to trust; `nil` = the system's trust store.
    public var caFile: String?
    /// Skip certificate verification (tests only: anyone can impersonate the broker).
    public var insecureSkipVerify: Bool

    public init(caFile: String? = nil, insecureSkipVerify: Bool = false) {
      self.caFile = caFile
      self.insecureSkipVerify = insecureSkipVerify
    }
  }

  /// `nil` = plaintext TCP.
  public var tls: TLS?
  /// `nil` = no authentication.
  public var sasl: SASL?

  public init(tls: TLS? = nil, sasl: SASL? = nil) {
    self.tls = tls
    self.sasl = sasl
  }

  public static let plaintext = KafkaSecurity()

  /// Kafka's name for this combination.
  public var protocolName: String {
    switch (tls != nil, sasl != nil) {
    case (false, false): "PLAINTEXT"
    case (true, false): "SSL"
    case (false, true): "SASL_PLAINTEXT"
    case (true, true): "SASL_SSL"
    }
  }
}
