/// How `sluice serve` behaves: where it listens, request limits, topic creation, and whether
/// requests must be signed.
public struct GatewayConfiguration: Sendable {
  /// Kinesis' default per-record limit (data + partition key): 1 MiB.
  public static let defaultMaxRecordBytes = 1024 * 1024
  /// Room for a full 10 MiB PutRecords request base64-encoded, plus JSON around it.
  public static let defaultMaxRequestBytes = 16 * 1024 * 1024
  /// Kinesis' PutRecords limit.
  public static let maxRecordsPerRequest = 500

  /// Address to bind; 127.0.0.1 unless told otherwise.
  public var host: String
  /// Port to bind; 0 lets the operating system choose (the server prints the one it got).
  public var port: Int
  /// Largest request body accepted (413 above).
  public var maxRequestBytes: Int
  /// Largest key + value (Kinesis: data + partition key) of one record.
  public var maxRecordBytes: Int
  /// Whether producing to a missing topic/stream through the REST shapes creates it. The native
  /// Kinesis API never creates streams implicitly (as AWS).
  public var topicCreation: TopicCreation
  /// Shards of a CreateStream without `ShardCount`.
  public var defaultShardCount: Int
  /// Region and account used in stream ARNs.
  public var region: String
  public var accountID: String

  public init(
    host: String = "127.0.0.1", port: Int = 8080,
    maxRequestBytes: Int = GatewayConfiguration.defaultMaxRequestBytes,
    maxRecordBytes: Int = GatewayConfiguration.defaultMaxRecordBytes,
    topicCreation: TopicCreation = .automatic(partitions: 1), defaultShardCount: Int = 1,
    region: String = "us-east-1", accountID: String = "000000000000"
  ) {
    self.host = host
    self.port = port
    self.maxRequestBytes = maxRequestBytes
    self.maxRecordBytes = maxRecordBytes
    self.topicCreation = topicCreation
    self.defaultShardCount = defaultShardCount
    self.region = region
    self.accountID = accountID
  }

  /// Throws `invalidArgument` naming the first setting out of range.
  public func validate() throws(GatewayError) {
    guard (0...65535).contains(port) else {
      throw GatewayError(.invalidArgument, "--port must be 0…65535, got \(port)")
    }
    guard maxRecordBytes >= 1 else {
      throw GatewayError(.invalidArgument, "--max-record-bytes must be at least 1, got \(maxRecordBytes)")
    }
    guard maxRequestBytes >= 64 else {
      throw GatewayError(.invalidArgument, "--max-request-bytes must be at least 64, got \(maxRequestBytes)")
    }
    if case .automatic(let partitions) = topicCreation, !(1...100_000).contains(partitions) {
      throw GatewayError(.invalidArgument, "--partitions must be 1…100000, got \(partitions)")
    }
    guard (1...100_000).contains(defaultShardCount) else {
      throw GatewayError(
        .invalidArgument, "the default shard count must be 1…100000, got \(defaultShardCount)")
    }
  }

  func streamARN(_ stream: String) -> String { "arn:aws:kinesis:\(region):\(accountID):stream/\(stream)" }
}
