public import KafkaProtocol
public import Logging
import NIOConcurrencyHelpers
public import NIOCore
import NIOPosix
import NIOSSL

/// One TCP (or TLS) connection to one broker.
///
/// Contract: `connect` opens the socket, negotiates API versions (ApiVersions v3, falling back to
/// the v0 answer of older brokers) and authenticates (SASL) before returning. `send` picks for
/// each API the highest version both sides support, sends the request and returns the decoded
/// response. Requests are pipelined: any number may be in flight; responses are matched by
/// correlation id. A request without a response within ``KafkaClientConfiguration/requestTimeout``
/// fails with `requestTimedOut` and closes the connection; a closed connection fails every request
/// in flight with `disconnected`. Both are retriable (``KafkaClientError/isRetriable``).
public final class KafkaConnection: Sendable {
  public let address: BrokerAddress
  /// The broker's supported version range per API key.
  public let brokerVersions: [Int16: ApiVersionRange]
  private let channel: any Channel
  private let clientID: String
  private let requestTimeout: TimeAmount
  private let correlation = NIOLockedValueBox<Int32>(0)

  private init(
    address: BrokerAddress, channel: any Channel, clientID: String, requestTimeout: TimeAmount,
    brokerVersions: [Int16: ApiVersionRange]
  ) {
    self.address = address
    self.channel = channel
    self.clientID = clientID
    self.requestTimeout = requestTimeout
    self.brokerVersions = brokerVersions
  }

  /// Whether the socket is still open.
  public var isActive: Bool { channel.isActive }

  /// Opens, negotiates versions and authenticates.
  public static func connect(
    to address: BrokerAddress, configuration: KafkaClientConfiguration,
    group: (any EventLoopGroup)? = nil,
    logger: Logger = Logger(label: "sluice.kafka")
  ) async throws -> KafkaConnection {
    let sslContext = try configuration.security.tls.map { try Self.sslContext($0) }
    let hostname = Self.isIPAddress(address.host) ? nil : address.host
    let broker = address.description
    let bootstrap = ClientBootstrap(group: group ?? MultiThreadedEventLoopGroup.singleton)
      .connectTimeout(configuration.connectTimeout.timeAmount)
      .channelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
      .channelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          if let sslContext {
            try channel.pipeline.syncOperations.addHandler(
              try NIOSSLClientHandler(context: sslContext, serverHostname: hostname))
          }
          try channel.pipeline.syncOperations.addHandler(KafkaChannelHandler(broker: broker))
        }
      }
    let channel: any Channel
    do {
      channel = try await bootstrap.connect(host: address.host, port: address.port).get()
    } catch {
      throw KafkaClientError(
        .brokerUnreachable,
        "cannot connect to Kafka broker \(broker): \(error); check bootstrapServers and that the broker is "
          + "running and reachable")
    }
    var connection = KafkaConnection(
      address: address, channel: channel, clientID: configuration.clientID,
      requestTimeout: configuration.requestTimeout.timeAmount, brokerVersions: [:])
    do {
      let versions = try await connection.negotiateVersions()
      connection = KafkaConnection(
        address: address, channel: channel, clientID: configuration.clientID,
        requestTimeout: configuration.requestTimeout.timeAmount, brokerVersions: versions)
      connection.logChosenVersions(logger)
      if let sasl = configuration.security.sasl {
        try await SASLAuthenticator(connection: connection, sasl: sasl).authenticate()
        logger.debug("authenticated to Kafka broker \(broker) with SASL \(sasl.mechanism.rawValue)")
      }
    } catch {
      connection.close()
      throw Self.describeHandshakeFailure(error, broker: broker, tls: sslContext != nil)
    }
    return connection
  }

  /// Sends `request` with the negotiated version and returns the broker's response.
  public func send<R: KafkaRequest>(_ request: R) async throws -> R.Response {
    try await send(request, version: try version(for: R.self))
  }

  /// The version `send` uses for `R` on this connection.
  public func version<R: KafkaRequest>(for type: R.Type) throws(KafkaClientError) -> Int16 {
    guard let range = brokerVersions[R.apiKey.rawValue] else {
      throw KafkaClientError(
        .unsupportedVersion,
        "Kafka broker \(address) does not support the \(R.apiKey) API, which this client needs")
    }
    guard let version = negotiate(ours: R.versions, broker: range) else {
      throw KafkaClientError(
        .unsupportedVersion,
        "Kafka broker \(address) supports \(R.apiKey) versions \(range.minVersion)–\(range.maxVersion); this "
          + "client speaks \(R.versions.lowerBound)–\(R.versions.upperBound)")
    }
    return version
  }

  /// Sends `request` with an explicit `version`.
  public func send<R: KafkaRequest>(_ request: R, version: Int16) async throws -> R.Response {
    let id = correlation.withLockedValue { value -> Int32 in
      value = value == Int32.max ? 0 : value + 1
      return value
    }
    let frame: [UInt8]
    do {
      frame = try request.encodeFrame(version: version, correlationID: id, clientID: clientID)
    } catch {
      throw KafkaClientError(.protocolError, "cannot encode \(R.apiKey) v\(version): \(error)")
    }
    let what = "\(R.apiKey) v\(version)"
    let promise: EventLoopPromise<[UInt8]>? =
      request.expectsResponse ? channel.eventLoop.makePromise(of: [UInt8].self) : nil
    let outbound = OutboundKafkaRequest(
      frame: frame, correlationID: id, promise: promise, timeout: requestTimeout, what: what)
    let written = channel.eventLoop.makePromise(of: Void.self)
    channel.writeAndFlush(outbound, promise: written)
    guard let promise else {
      try await written.futureResult.get()
      throw KafkaClientError(.protocolError, "\(what) expects no response; use a request that has one")
    }
    let response: [UInt8]
    do {
      response = try await promise.futureResult.get()
    } catch let error as KafkaClientError {
      throw error
    } catch {
      throw KafkaClientError(.disconnected, "\(what) to Kafka broker \(address) failed: \(error)")
    }
    do {
      return try R.decodeResponseFrame(response, version: version).response
    } catch {
      throw KafkaClientError(
        .protocolError, "cannot decode the \(what) response of Kafka broker \(address): \(error)")
    }
  }

  /// Closes the socket (requests in flight fail with `disconnected`).
  public func close() {
    channel.close(promise: nil)
  }

  // MARK: - Connect steps

  private func negotiateVersions() async throws -> [Int16: ApiVersionRange] {
    let response = try await send(ApiVersionsRequest(), version: 3)
    guard response.errorCode == .none || response.errorCode == .unsupportedVersion else {
      throw KafkaClientError.broker(response.errorCode, "negotiating API versions with \(address)")
    }
    // UNSUPPORTED_VERSION answers still carry the broker's ranges (in the v0 layout).
    var versions: [Int16: ApiVersionRange] = [:]
    for range in response.apiKeys { versions[range.apiKey] = range }
    return versions
  }

  private func logChosenVersions(_ logger: Logger) {
    let apis: [(any KafkaRequest.Type)] = [
      MetadataRequest.self, ListOffsetsRequest.self, FetchRequest.self, OffsetCommitRequest.self,
      OffsetFetchRequest.self, FindCoordinatorRequest.self, SaslHandshakeRequest.self,
      SaslAuthenticateRequest.self,
    ]
    let chosen = apis.map { api -> String in
      let key = api.apiKey
      guard let range = brokerVersions[key.rawValue] else { return "\(key) unsupported" }
      let version = negotiate(ours: api.versions, broker: range).map { "v\($0)" } ?? "none in common"
      return "\(key) \(version) (broker \(range.minVersion)–\(range.maxVersion))"
    }
    logger.debug("Kafka broker \(address): API versions \(chosen.joined(separator: ", "))")
  }

  private static func describeHandshakeFailure(_ error: any Error, broker: String, tls: Bool) -> any Error {
    guard let clientError = error as? KafkaClientError else { return error }
    guard clientError.code == .disconnected || clientError.code == .protocolError else { return clientError }
    let hint =
      tls
      ? "check that the broker listens with TLS on this port and that caFile trusts its certificate"
      : "if the broker expects TLS or SASL, set security.protocol accordingly"
    return KafkaClientError(
      clientError.code,
      "connecting to Kafka broker \(broker) failed during the handshake: \(clientError.message) (\(hint))")
  }

  private static func sslContext(_ tls: KafkaSecurity.TLS) throws -> NIOSSLContext {
    var configuration = TLSConfiguration.makeClientConfiguration()
    if let caFile = tls.caFile {
      configuration.trustRoots = .file(caFile)
    }
    if tls.insecureSkipVerify {
      configuration.certificateVerification = .none
    }
    do {
      return try NIOSSLContext(configuration: configuration)
    } catch {
      throw KafkaClientError(
        .invalidConfiguration, "cannot set up TLS (caFile \(tls.caFile ?? "system trust store")): \(error)")
    }
  }

  static func isIPAddress(_ host: String) -> Bool {
    host.contains(":")
      || host.split(separator: ".").count == 4 && host.allSatisfy { $0.isNumber || $0 == "." }
  }
}

extension Duration {
  var timeAmount: TimeAmount {
    let (seconds, attoseconds) = components
    return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
  }
}
