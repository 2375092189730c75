import Foundation
public import KafkaClient
import SluiceCore
import SluiceRuntime

/// `source: {kind: kafka, ...}` — Kafka topics read with Sluice's own Kafka client.
public struct KafkaSourceSpec: Sendable, Hashable {
  public enum Password: Sendable, Hashable {
    case literal(String)
    /// Read from this environment variable when the job starts.
    case environment(String)
  }

  public struct Security: Sendable, Hashable {
    /// PLAINTEXT | SSL | SASL_PLAINTEXT | SASL_SSL.
    public var protocolName: String
    public var mechanism: KafkaSecurity.SASLMechanism?
    public var username: String?
    public var password: Password?
    public var caFile: String?
    public var insecureSkipVerify: Bool
  }

  public var bootstrapServers: [BrokerAddress]
  public var subscription: KafkaSourceOptions.Subscription
  public var startingOffsets: KafkaSourceOptions.StartingOffsets
  /// The per-batch record cap (also reachable as `maxRecordsPerBatch`).
  public var maxOffsetsPerTrigger: Int?
  public var failOnDataLoss: Bool
  public var commitOffsetsToGroup: String?
  public var security: Security
  public var requestTimeout: Duration
}

extension JobSpec {
  static let kafkaSourceKeys = [
    "bootstrapServers", "topics", "topic", "topicPattern", "startingOffsets", "maxOffsetsPerTrigger",
    "failOnDataLoss", "commitOffsetsToGroup", "security", "requestTimeout",
  ]

  static func parseKafkaSource(_ node: ConfigNode) throws(JobError) -> SourceSpec {
    try node.expectKeys(commonSourceKeys + kafkaSourceKeys)
    let serversNode = try node.required(
      "bootstrapServers", hint: "the brokers to contact first, e.g. `bootstrapServers: \"localhost:9092\"`")
    var servers: [BrokerAddress] = []
    do {
      for text in try serversNode.strings() { servers += try BrokerAddress.parseList(text) }
    } catch let error as KafkaClientError {
      throw serversNode.error(error.message)
    } catch {
      throw serversNode.error("\(error)")
    }
    var topics: [String] = []
    if let topicNode = try node.optional("topics") { topics += try topicNode.strings() }
    if let topicNode = try node.optional("topic") { topics += try topicNode.strings() }
    let pattern = try node.optional("topicPattern")?.string()
    let subscription: KafkaSourceOptions.Subscription
    switch (topics.isEmpty, pattern) {
    case (false, nil): subscription = .topics(topics)
    case (true, let pattern?):
      do {
        _ = try Regex(pattern)
      } catch {
        throw try node.required("topicPattern", hint: "").error(
          "'\(pattern)' is not a valid regular expression: \(error)")
      }
      subscription = .pattern(pattern)
    case (false, _?):
      throw node.error("give either `topics:` or `topicPattern:`, not both")
    case (true, nil):
      throw node.error("a kafka source needs `topics:` (a list of topic names) or `topicPattern:` (a regex)")
    }
    let starting = try parseKafkaStartingOffsets(try node.optional("startingOffsets"))
    let maxOffsets = try node.optional("maxOffsetsPerTrigger")?.int(min: 1)
    if let bytes = try node.optional("maxBytesPerBatch") {
      throw bytes.error("a kafka source caps batches by records only; use maxOffsetsPerTrigger")
    }
    let failOnDataLoss = try node.optional("failOnDataLoss")?.bool() ?? true
    let group = try node.optional("commitOffsetsToGroup")?.string()
    if let group, group.isEmpty { throw node.error("commitOffsetsToGroup must not be empty") }
    let security = try parseKafkaSecurity(try node.optional("security"))
    var timeout = Duration.seconds(30)
    if let timeoutNode = try node.optional("requestTimeout") {
      let text = try timeoutNode.string()
      guard let parsed = Trigger.parseInterval(text), parsed > .zero else {
        throw timeoutNode.error("'\(text)' is not a duration; use e.g. 30s or 500ms")
      }
      timeout = parsed
    }
    return .kafka(
      KafkaSourceSpec(
        bootstrapServers: servers, subscription: subscription, startingOffsets: starting,
        maxOffsetsPerTrigger: maxOffsets, failOnDataLoss: failOnDataLoss, commitOffsetsToGroup: group,
        security: security, requestTimeout: timeout))
  }

  /// earliest | latest | `{"topic":{"0":42}}` | `timestamp:<ms>` (or `{timestamp: <ms>}`).
  static func parseKafkaStartingOffsets(_ node: ConfigNode?) throws(JobError)
    -> KafkaSourceOptions.StartingOffsets
  {
    guard let node else { return .earliest }
    if node.isMapping, try node.keys() == ["timestamp"] {
      let ms = try node.required("timestamp", hint: "milliseconds since the epoch").int(min: 0)
      return .timestamp(Int64(ms))
    }
    if node.isScalar {
      let text = try node.string()
      if text.lowercased().hasPrefix("timestamp:") {
        guard let ms = Int64(text.dropFirst("timestamp:".count).trimmingCharacters(in: .whitespaces)), ms >= 0
        else {
          throw node.error(
            "'\(text)' is not allowed; use timestamp:<milliseconds since the epoch>, e.g. timestamp:1700000000000"
          )
        }
        return .timestamp(ms)
      }
    }
    switch try parseStartingOffsets(node) {
    case .earliest: return .earliest
    case .latest: return .latest
    case .specific(let offset):
      do {
        return .specific(try KafkaOffsets(offset))
      } catch {
        throw node.error("\(error)")
      }
    }
  }

  static func parseKafkaSecurity(_ node: ConfigNode?) throws(JobError) -> KafkaSourceSpec.Security {
    guard let node else {
      return KafkaSourceSpec.Security(
        protocolName: "PLAINTEXT", mechanism: nil, username: nil, password: nil, caFile: nil,
        insecureSkipVerify: false)
    }
    try node.expectKeys([
      "protocol", "mechanism", "username", "password", "passwordEnv", "caFile", "insecureSkipVerify",
    ])
    let protocolName =
      try node.optional("protocol")?.choice(["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"]) ?? "PLAINTEXT"
    let usesSASL = protocolName.hasPrefix("SASL")
    var mechanism: KafkaSecurity.SASLMechanism?
    var username: String?
    var password: KafkaSourceSpec.Password?
    if let mechanismNode = try node.optional("mechanism") {
      let name = try mechanismNode.choice(KafkaSecurity.SASLMechanism.allCases.map(\.rawValue))
      mechanism = KafkaSecurity.SASLMechanism(rawValue: name)
    }
    username = try node.optional("username")?.string()
    let literal = try node.optional("password")?.string()
    let variable = try node.optional("passwordEnv")?.string()
    switch (literal, variable) {
    case (let text?, nil): password = .literal(text)
    case (nil, let name?): password = .environment(name)
    case (_?, _?): throw node.error("give either `password:` or `passwordEnv:`, not both")
    case (nil, nil): password = nil
    }
    if usesSASL {
      guard mechanism != nil else {
        throw node.error(
          "protocol \(protocolName) needs `mechanism:` (PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512)")
      }
      guard username != nil, password != nil else {
        throw node.error("protocol \(protocolName) needs `username:` and `password:` (or `passwordEnv:`)")
      }
    } else if mechanism != nil || username != nil || password != nil {
      throw node.error(
        "mechanism, username and password need protocol SASL_PLAINTEXT or SASL_SSL (got \(protocolName))")
    }
    let caFile = try node.optional("caFile")?.string()
    let insecure = try node.optional("insecureSkipVerify")?.bool() ?? false
    if !protocolName.hasSuffix("SSL") && (caFile != nil || insecure) {
      throw node.error("caFile and insecureSkipVerify need protocol SSL or SASL_SSL (got \(protocolName))")
    }
    try node.rejectUnknownKeys()
    return KafkaSourceSpec.Security(
      protocolName: protocolName, mechanism: mechanism, username: username, password: password,
      caFile: caFile,
      insecureSkipVerify: insecure)
  }
}

extension KafkaSourceSpec {
  /// The client configuration (resolves `passwordEnv`).
  func clientConfiguration() throws -> KafkaClientConfiguration {
    var security = KafkaSecurity()
    if self.security.protocolName.hasSuffix("SSL") {
      security.tls = KafkaSecurity.TLS(
        caFile: self.security.caFile, insecureSkipVerify: self.security.insecureSkipVerify)
    }
    if let mechanism = self.security.mechanism, let username = self.security.username {
      let secret: String
      switch self.security.password {
      case .literal(let text)?: secret = text
      case .environment(let name)?:
        guard let value = ProcessInfo.processInfo.environment[name] else {
          throw KafkaClientError(
            .invalidConfiguration,
            "the Kafka password is read from environment variable \(name) (security.passwordEnv), which is not set"
          )
        }
        secret = value
      case nil: secret = ""
      }
      security.sasl = KafkaSecurity.SASL(mechanism: mechanism, username: username, password: secret)
    }
    return KafkaClientConfiguration(
      bootstrapServers: bootstrapServers, requestTimeout: requestTimeout, security: security)
  }

  /// The source over a fresh cluster client (connects on first use).
  func makeSource() throws -> any Source {
    let cluster = KafkaCluster(configuration: try clientConfiguration())
    return try KafkaSource(
      api: cluster,
      options: KafkaSourceOptions(
        subscription: subscription, startingOffsets: startingOffsets, failOnDataLoss: failOnDataLoss,
        commitOffsetsToGroup: commitOffsetsToGroup))
  }
}
