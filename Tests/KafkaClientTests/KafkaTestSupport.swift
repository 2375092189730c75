import KafkaProtocol
import SluiceCore
import XCTest

@testable import KafkaClient

/// A twin cluster, a real ``KafkaCluster`` over it, and a source on top.
struct TwinFixture {
  let brokers: InMemoryKafkaBrokers
  let cluster: KafkaCluster

  init(brokers nodes: [Int32] = [1], maxAttempts: Int = 6) {
    brokers = InMemoryKafkaBrokers(brokers: nodes)
    let configuration = KafkaClientConfiguration(
      bootstrapServers: brokers.bootstrapServers,
      retry: RetryPolicy(
        maxAttempts: maxAttempts, initialBackoff: .milliseconds(1), maxBackoff: .milliseconds(4)))
    cluster = KafkaCluster(configuration: configuration, transport: brokers)
  }

  func source(_ options: KafkaSourceOptions) throws -> KafkaSource {
    try KafkaSource(api: cluster, options: options)
  }

  func source(
    topics: [String], starting: KafkaSourceOptions.StartingOffsets = .earliest, failOnDataLoss: Bool = true
  )
    throws -> KafkaSource
  {
    try source(
      KafkaSourceOptions(
        subscription: .topics(topics), startingOffsets: starting, failOnDataLoss: failOnDataLoss))
  }

  /// Produces `count` records `"<topic>-<partition>-<i>"` in batches of `batch`.
  func fill(_ topic: String, partition: Int32, count: Int, batch: Int = 10, from first: Int = 0) throws {
    var i = first
    while i < first + count {
      let n = min(batch, first + count - i)
      try brokers.produce(
        topic, partition: partition, values: (i..<(i + n)).map { "\(topic)-\(partition)-\($0)" })
      i += n
    }
  }
}

func offsets(_ text: String) throws -> SerializedOffset { try SerializedOffset(text: text) }

func values(_ records: RawRecords) -> [String] {
  (0..<records.count).map { String(decoding: records.value($0), as: UTF8.self) }
}

func assertThrowsClientError(
  _ code: KafkaClientError.Code, containing fragments: [String] = [], file: StaticString = #filePath,
  line: UInt = #line, _ body: () async throws -> Void
) async {
  do {
    try await body()
    XCTFail("expected a \(code) error", file: file, line: line)
  } catch let error as KafkaClientError {
    XCTAssertEqual(error.code, code, error.message, file: file, line: line)
    for fragment in fragments {
      XCTAssertTrue(
        error.message.contains(fragment), "'\(fragment)' not in: \(error.message)", file: file, line: line)
    }
  } catch {
    XCTFail("unexpected error \(error)", file: file, line: line)
  }
}
