public import KafkaProtocol
public import Logging

/// The real ``KafkaTransport``: one ``KafkaConnection`` per broker, opened on first use, reused for
/// every request (pipelined), replaced after it fails.
public actor NIOKafkaTransport: KafkaTransport {
  private let configuration: KafkaClientConfiguration
  private let logger: Logger
  private var connections: [BrokerAddress: Task<KafkaConnection, any Error>] = [:]

  public init(configuration: KafkaClientConfiguration, logger: Logger = Logger(label: "sluice.kafka")) {
    self.configuration = configuration
    self.logger = logger
  }

  public func send<R: KafkaRequest>(_ request: R, to broker: BrokerAddress) async throws -> R.Response {
    let connection = try await connection(to: broker)
    do {
      return try await connection.send(request)
    } catch let error as KafkaClientError where error.isRetriable || error.code == .protocolError {
      await drop(broker, connection)
      throw error
    }
  }

  public func shutdown() async {
    let all = connections
    connections = [:]
    for task in all.values {
      (try? await task.value)?.close()
    }
  }

  private func connection(to broker: BrokerAddress) async throws -> KafkaConnection {
    if let task = connections[broker] {
      if let connection = try? await task.value, connection.isActive { return connection }
      if let connection = try? await task.value {
        await drop(broker, connection)
      } else {
        connections[broker] = nil
      }
    }
    let configuration = self.configuration
    let logger = self.logger
    let task = Task {
      try await KafkaConnection.connect(to: broker, configuration: configuration, logger: logger)
    }
    connections[broker] = task
    do {
      return try await task.value
    } catch {
      connections[broker] = nil
      throw error
    }
  }

  /// Closes `connection` and forgets it, unless a newer connection to `broker` replaced it.
  private func drop(_ broker: BrokerAddress, _ connection: KafkaConnection) async {
    connection.close()
    if let task = connections[broker], let current = try? await task.value, current !== connection { return }
    connections[broker] = nil
  }
}
