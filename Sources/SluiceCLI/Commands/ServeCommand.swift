import ArgumentParser
import Logging
import SluiceGateway
import SluiceLog

struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Run the HTTP ingestion gateway in front of the embedded log.",
    discussion: """
      Producers send records over HTTP in the shapes they already use; each acknowledged record \
      is in the log (and fsynced per --fsync) before the 200. Rejected requests (4xx) append \
      nothing. Binds 127.0.0.1 unless --host says otherwise. SIGTERM/SIGINT stop it cleanly.

      Endpoints:
        Kafka REST Proxy v2     POST /topics/{topic}  (application/vnd.kafka.json.v2+json)
                                GET /topics, GET /topics/{topic}
        API-Gateway Kinesis     PUT /streams/{stream}/record, PUT /streams/{stream}/records
                                GET /streams, GET|POST|DELETE /streams/{stream}
        Kinesis JSON 1.1        POST /  with X-Amz-Target: Kinesis_20131202.<Operation>
                                (boto3 / AWS SDKs with endpoint_url)
        Operations              GET /health, GET /metrics (Prometheus text)

      Examples:
        sluice serve --log data/log --port 8080
        curl -X POST localhost:8080/topics/pinterest.pin \\
          -H 'Content-Type: application/vnd.kafka.json.v2+json' -d '{"records":[{"value":{"index":1}}]}'
        sluice serve --create-topics off --fsync interval:100
      """)

  @Option(name: .long, help: "Root folder of the embedded log.")
  var log = "data/log"

  @Option(name: .long, help: "Address to bind (default 127.0.0.1: this machine only).")
  var host = "127.0.0.1"

  @Option(name: .long, help: "Port to bind (0: any free port; the one chosen is printed).")
  var port = 8080

  @Option(
    name: .long, help: "AWS SigV4 keys file (YAML map access key id → secret); requests must then be signed.")
  var auth: String?

  @Option(name: .long, help: "Largest request body in bytes (413 above).")
  var maxRequestBytes = GatewayConfiguration.defaultMaxRequestBytes

  @Option(name: .long, help: "Largest record (key + value, or Kinesis data + partition key) in bytes.")
  var maxRecordBytes = GatewayConfiguration.defaultMaxRecordBytes

  @Option(
    name: .long,
    help: "Producing to a missing topic/stream through the REST shapes: auto (create it) or off (404).")
  var createTopics = "auto"

  @Option(
    name: .long, help: "Partitions of auto-created topics and shards of CreateStream without ShardCount.")
  var partitions = 1

  @Option(
    name: .long,
    help: "When acknowledged records are fsynced: always (before every answer), interval:<ms>, never.")
  var fsync = "always"

  @Option(name: .long, help: "Log level on stderr: trace, debug, info, notice, warning, error.")
  var logLevel = "notice"

  func validate() throws {
    guard ["auto", "off"].contains(createTopics) else {
      throw ValidationError("--create-topics must be auto or off, got \(createTopics)")
    }
    guard (1...100_000).contains(partitions) else { throw ValidationError("--partitions must be 1…100000") }
    _ = try fsyncPolicy()
    guard Logger.Level(rawValue: logLevel) != nil else {
      throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error")
    }
  }

  func fsyncPolicy() throws -> FsyncPolicy {
    switch fsync {
    case "always": return .always
    case "never": return .never
    case let text where text.hasPrefix("interval:"):
      guard let ms = Int(text.dropFirst("interval:".count)), ms >= 0 else {
        throw ValidationError("--fsync interval:<ms> needs a number of milliseconds, got \(text)")
      }
      return .interval(milliseconds: ms)
    default:
      throw ValidationError("--fsync must be always, never or interval:<ms>, got \(fsync)")
    }
  }

  func run() async throws {
    let level = Logger.Level(rawValue: logLevel) ?? .notice
    LoggingSystem.bootstrap { label in
      var handler = StreamLogHandler.standardError(label: label)
      handler.logLevel = level
      return handler
    }
    let configuration = GatewayConfiguration(
      host: host, port: port, maxRequestBytes: maxRequestBytes, maxRecordBytes: maxRecordBytes,
      topicCreation: createTopics == "auto" ? .automatic(partitions: partitions) : .off,
      defaultShardCount: partitions)
    let server = try CLIFailure.reporting {
      let store = try LogStore(root: log, configuration: LogConfiguration(fsync: try fsyncPolicy()))
      let authenticator = try auth.map { try ServeAuthentication.authenticator(keysFile: $0) }
      return try GatewayServer(
        log: GatewayLog(store: store, clock: GatewayServer.nowMilliseconds), configuration: configuration,
        authenticator: authenticator, logger: Logger(label: "sluice.serve"))
    }
    let authNote = auth == nil ? "auth off" : "SigV4 auth on (\(auth!))"
    let logRoot = log
    let fsync = self.fsync
    do {
      try await server.run { host, port in
        Terminal.out(
          "sluice serve listening on http://\(host):\(port)  (log \(logRoot), fsync \(fsync), \(authNote))")
        Terminal.out(GatewayServer.endpointSummary)
      }
    } catch {
      throw CLIFailure(error)
    }
    Terminal.out("sluice serve stopped: \(server.metrics.totalRecords) records appended")
  }
}
