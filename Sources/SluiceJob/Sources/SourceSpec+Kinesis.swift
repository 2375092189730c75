public import KinesisClient
import SluiceAWS
import SluiceCore
public import SluiceKinesis

/// `source: {kind: kinesis, ...}` — a Kinesis data stream (AWS, or any endpoint that speaks its
/// API: LocalStack, moto, `sluice serve`).
public struct KinesisSourceSpec: Sendable, Hashable {
  /// `streamName` or `streamARN`.
  public var stream: StreamAddress
  public var startingPosition: KinesisSourceOptions.StartingPosition
  public var maxRecordsPerShardPerTrigger: Int
  /// Explicit region (else AWS_REGION, AWS_DEFAULT_REGION, the profile's region; `us-east-1` with an endpoint).
  public var region: String?
  /// Endpoint override URL, e.g. `http://127.0.0.1:5000`.
  public var endpoint: String?
  /// Named profile of the shared credentials/config files.
  public var profile: String?
}

extension JobSpec {
  static let kinesisSourceKeys = [
    "streamName", "streamARN", "startingPosition", "startingTimestamp", "maxRecordsPerShardPerTrigger",
    "region",
    "endpoint", "profile",
  ]

  static func parseKinesisSource(_ node: ConfigNode) throws(JobError) -> SourceSpec {
    try node.expectKeys(commonSourceKeys + kinesisSourceKeys)
    let name = try node.optional("streamName")?.string()
    let arn = try node.optional("streamARN")?.string()
    let stream: StreamAddress
    switch (name, arn) {
    case (let name?, nil):
      guard !name.isEmpty, name.count <= 128, name.utf8.allSatisfy({ isNameByte($0) }) else {
        throw node.error("streamName '\(name)' may only contain letters, digits, '.', '_' and '-' (1–128)")
      }
      stream = .name(name)
    case (nil, let arn?):
      guard arn.hasPrefix("arn:"), arn.contains(":stream/") else {
        throw node.error(
          "streamARN '\(arn)' is not a Kinesis stream ARN (arn:aws:kinesis:<region>:<account>:stream/<name>)")
      }
      stream = .arn(arn)
    case (nil, nil):
      throw node.error("a kinesis source needs `streamName:` (or `streamARN:`)")
    default:
      throw node.error("give either `streamName:` or `streamARN:`, not both")
    }
    let positionNode = try node.optional("startingPosition")
    let position = try positionNode?.choice(["TRIM_HORIZON", "LATEST", "AT_TIMESTAMP"]) ?? "TRIM_HORIZON"
    let timestampNode = try node.optional("startingTimestamp")
    let starting: KinesisSourceOptions.StartingPosition
    switch position {
    case "LATEST": starting = .latest
    case "AT_TIMESTAMP":
      guard let timestampNode else {
        throw node.error(
          "startingPosition AT_TIMESTAMP needs `startingTimestamp:` (ISO-8601 like 2024-05-01T00:00:00Z, or epoch ms)"
        )
      }
      starting = .atTimestamp(try parseStartingTimestamp(timestampNode))
    default: starting = .trimHorizon
    }
    if timestampNode != nil, position != "AT_TIMESTAMP" {
      throw timestampNode!.error("startingTimestamp is only used with `startingPosition: AT_TIMESTAMP`")
    }
    let perShard = try node.optional("maxRecordsPerShardPerTrigger")?.int(min: 1) ?? 10_000
    let region = try node.optional("region")?.string()
    let endpoint = try node.optional("endpoint")?.string()
    if let endpoint, let endpointNode = try node.optional("endpoint") {
      do {
        _ = try KinesisEndpoint(url: endpoint)
      } catch {
        throw endpointNode.error("\(error)")
      }
    }
    let profile = try node.optional("profile")?.string()
    return .kinesis(
      KinesisSourceSpec(
        stream: stream, startingPosition: starting, maxRecordsPerShardPerTrigger: perShard, region: region,
        endpoint: endpoint, profile: profile))
  }

  /// Epoch milliseconds, or an ISO-8601 timestamp (naive = UTC).
  static func parseStartingTimestamp(_ node: ConfigNode) throws(JobError) -> Int64 {
    let text = try node.string()
    if let ms = Int64(text) { return ms }
    guard let micros = Timestamp.parseMicros(text) else {
      throw node.error("startingTimestamp '\(text)' is neither epoch milliseconds nor an ISO-8601 timestamp")
    }
    return micros / 1000
  }
}

extension KinesisSourceSpec {
  /// Resolves credentials and region and builds the source (no request is made yet).
  func makeSource() throws -> any Source {
    let chain = AWSCredentialChain(profile: profile)
    let credentials = try chain.credentials()
    let resolvedRegion: String
    if let found = try chain.region(explicit: region) {
      resolvedRegion = found
    } else if endpoint != nil {
      resolvedRegion = "us-east-1"
    } else {
      resolvedRegion = try chain.requireRegion(explicit: region)
    }
    let client = try KinesisHTTPClient(region: resolvedRegion, credentials: credentials, endpoint: endpoint)
    return try KinesisSource(
      api: RetryingKinesis(client),
      options: KinesisSourceOptions(
        stream: stream, startingPosition: startingPosition,
        maxRecordsPerShardPerTrigger: maxRecordsPerShardPerTrigger))
  }
}
