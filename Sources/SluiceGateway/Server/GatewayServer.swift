public import Hummingbird
public import Logging
import SluiceLog

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `sluice serve`: the HTTP ingestion gateway in front of the embedded log. Builds the
/// Hummingbird application with every endpoint (see ``GatewayRoutes``) and runs it until SIGTERM
/// or SIGINT, then closes the topic writers (flushed and fsynced per the log's policy).
///
/// A request is acknowledged (200) only after its records are appended and flushed; a rejected
/// request (any 4xx) appends nothing.
public struct GatewayServer: Sendable {
  public let log: GatewayLog
  public let configuration: GatewayConfiguration
  public let metrics: GatewayMetrics
  let authenticator: (any RequestAuthenticator)?
  let logger: Logger

  public init(
    log: GatewayLog, configuration: GatewayConfiguration, authenticator: (any RequestAuthenticator)? = nil,
    metrics: GatewayMetrics = GatewayMetrics(), logger: Logger = Logger(label: "sluice.serve")
  ) throws(GatewayError) {
    try configuration.validate()
    self.log = log
    self.configuration = configuration
    self.authenticator = authenticator
    self.metrics = metrics
    self.logger = logger
  }

  /// One line naming the endpoints.
  public static var endpointSummary: String { GatewayRoutes.summary }

  /// The router with every endpoint.
  public func makeRouter() -> Router<BasicRequestContext> {
    let streams = KinesisStreams(log: log, configuration: configuration, clock: Self.nowMilliseconds)
    let routes = GatewayRoutes(
      kafka: KafkaRESTAPI(log: log, configuration: configuration),
      apiGateway: APIGatewayKinesisAPI(streams: streams, configuration: configuration),
      native: NativeKinesisAPI(streams: streams, configuration: configuration), metrics: metrics,
      bodyReader: RequestBodyReader(limit: configuration.maxRequestBytes), authenticator: authenticator)
    let router = Router(context: BasicRequestContext.self)
    routes.register(on: router)
    return router
  }

  /// The application; `onListening` gets the bound host and port once the server accepts
  /// connections (the port the system chose when ``GatewayConfiguration/port`` is 0).
  public func makeApplication(onListening: @escaping @Sendable (String, Int) -> Void = { _, _ in })
    -> some ApplicationProtocol
  {
    let host = configuration.host
    return Application(
      router: makeRouter(),
      configuration: ApplicationConfiguration(
        address: .hostname(host, port: configuration.port), serverName: "sluice"),
      onServerRunning: { channel in onListening(host, channel.localAddress?.port ?? 0) },
      logger: logger)
  }

  /// Serves until SIGTERM or SIGINT, then closes the log's writers.
  public func run(onListening: @escaping @Sendable (String, Int) -> Void) async throws {
    do {
      try await makeApplication(onListening: onListening).runService()
    } catch {
      await log.closeAll()
      throw error
    }
    await log.closeAll()
  }

  /// Wall-clock milliseconds since the epoch (record arrival times).
  @Sendable public static func nowMilliseconds() -> Int64 {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
  }
}
