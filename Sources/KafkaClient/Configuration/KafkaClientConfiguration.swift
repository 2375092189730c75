/// Everything a ``KafkaCluster`` needs to reach and talk to brokers.
public struct KafkaClientConfiguration: Sendable, Hashable {
  /// Brokers to ask for metadata first; the cluster then uses the brokers metadata lists.
  public var bootstrapServers: [BrokerAddress]
  /// Sent in every request header (shows in broker logs and quotas).
  public var clientID: String
  /// How long a request may wait for its response before the connection is closed and the
  /// request retried (Kafka's `request.timeout.ms`).
  public var requestTimeout: Duration
  /// How long opening a TCP connection (and the TLS handshake) may take.
  public var connectTimeout: Duration
  public var retry: RetryPolicy
  public var security: KafkaSecurity
  /// Fetch: the most bytes per partition and per response (a batch larger than this is still
  /// returned whole, as brokers do since KIP-74).
  public var fetchPartitionMaxBytes: Int32
  public var fetchMaxBytes: Int32

  public init(
    bootstrapServers: [BrokerAddress], clientID: String = "sluice", requestTimeout: Duration = .seconds(30),
    connectTimeout: Duration = .seconds(10), retry: RetryPolicy = RetryPolicy(),
    security: KafkaSecurity = .plaintext, fetchPartitionMaxBytes: Int32 = 8 << 20,
    fetchMaxBytes: Int32 = 64 << 20
  ) {
    self.bootstrapServers = bootstrapServers
    self.clientID = clientID
    self.requestTimeout = requestTimeout
    self.connectTimeout = connectTimeout
    self.retry = retry
    self.security = security
    self.fetchPartitionMaxBytes = fetchPartitionMaxBytes
    self.fetchMaxBytes = fetchMaxBytes
  }
}
