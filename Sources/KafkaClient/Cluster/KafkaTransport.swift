public import KafkaProtocol

/// Sends Kafka requests to brokers by address and returns their decoded responses.
///
/// Contract: connection failures and timeouts throw retriable ``KafkaClientError``s
/// (`brokerUnreachable`, `disconnected`, `requestTimedOut`) and drop the broken connection, so the
/// next `send` to that broker reconnects. ``NIOKafkaTransport`` is the real one;
/// ``InMemoryKafkaBrokers`` the in-memory twin.
public protocol KafkaTransport: Sendable {
  func send<R: KafkaRequest>(_ request: R, to broker: BrokerAddress) async throws -> R.Response
  /// Closes every connection.
  func shutdown() async
}
