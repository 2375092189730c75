import KafkaProtocol
import SluiceCore
import XCTest

@testable import KafkaClient

/// ``KafkaSource/read(from:to:)`` and the cluster's retries, against the in-memory twin.
final class KafkaSourceReadingTests: XCTestCase {
  func testReadsExactlyTheRangeOverSeveralFetchRoundsTheSameEveryTime() async throws {
    let twin = TwinFixture(brokers: [1, 2])
    twin.brokers.createTopic("t", partitions: 2)
    try twin.fill("t", partition: 0, count: 95, batch: 10)
    try twin.fill("t", partition: 1, count: 40, batch: 7)
    twin.brokers.setBatchesPerFetch(2)
    let source = try twin.source(topics: ["t"])
    // Starts and ends inside batches: the first batch returned begins before 13, the last past 77.
    let start = try offsets(#"{"t":{"0":13,"1":3}}"#)
    let end = try offsets(#"{"t":{"0":77,"1":40}}"#)
    let first = try await source.read(from: start, to: end)
    XCTAssertEqual(values(first), (13..<77).map { "t-0-\($0)" } + (3..<40).map { "t-1-\($0)" })
    XCTAssertEqual(Array(first.offsets.prefix(2)), [13, 14])
    XCTAssertGreaterThan(twin.brokers.requestCount(.fetch), 4, "several rounds")
    let second = try await source.read(from: start, to: end)
    XCTAssertEqual(values(second), values(first))
    XCTAssertEqual(second.offsets, first.offsets)
    XCTAssertEqual(second.partitions, first.partitions)
  }

  func testKeysHeadersAndTimestampsReachTheRecords() async throws {
    let twin = TwinFixture()
    twin.brokers.createTopic("t", partitions: 1)
    try twin.brokers.produce(
      "t", partition: 0, values: ["{\"a\":1}", "{\"a\":2}"], keys: ["k1", nil],
      headers: [RecordHeader(key: "source", value: Array("pinterest".utf8))], timestamp: 1_600_000_000_000,
      compression: .zstd)
    let records = try await twin.source(topics: ["t"]).read(
      from: try offsets(#"{"t":{"0":0}}"#), to: try offsets(#"{"t":{"0":2}}"#))
    XCTAssertEqual(records.count, 2)
    XCTAssertEqual(records.key(0).map { String(decoding: $0, as: UTF8.self) }, "k1")
    XCTAssertNil(records.key(1))
    XCTAssertEqual(records.timestamps, [1_600_000_000_000, 1_600_000_000_001])
    XCTAssertEqual(records.headers(1), [RecordHeader(key: "source", value: Array("pinterest".utf8))])
    XCTAssertEqual(records.positionDescription(1), "topic t partition 0 offset 1")
  }

  func testLeaderChangeIsFollowedAfterNotLeaderErrors() async throws {
    let twin = TwinFixture(brokers: [1, 2])
    twin.brokers.createTopic("t", partitions: 1)
    try twin.fill("t", partition: 0, count: 20)
    let source = try twin.source(topics: ["t"])
    let start = try await source.initialOffset()
    twin.brokers.moveLeader("t", partition: 0, to: 2)  // the cached leader (1) now answers NOT_LEADER
    let end = try await source.latestOffset(after: start, limit: .unlimited)
    XCTAssertEqual(end.text, #"{"t":{"0":20}}"#)
    twin.brokers.moveLeader("t", partition: 0, to: 1)
    twin.brokers.injectFault(.fetch, error: .notLeaderOrFollower, count: 2)
    let records = try await source.read(from: start, to: end)
    XCTAssertEqual(records.count, 20)
    XCTAssertGreaterThanOrEqual(
      twin.brokers.requestCount(.metadata), 3, "metadata refreshed to find the leader")
  }

  func testDisconnectsAndUnavailableBrokersAreRetriedWithBackoff() async throws {
    let twin = TwinFixture(brokers: [1, 2])
    twin.brokers.createTopic("t", partitions: 2)
    try twin.fill("t", partition: 0, count: 10)
    try twin.fill("t", partition: 1, count: 10)
    let source = try twin.source(topics: ["t"])
    let start = try await source.initialOffset()
    twin.brokers.injectFault(.fetch, error: nil, count: 2)
    twin.brokers.injectFault(.listOffsets, error: .leaderNotAvailable, count: 1)
    let end = try await source.latestOffset(after: start, limit: .unlimited)
    let records = try await source.read(from: start, to: end)
    XCTAssertEqual(records.count, 20)
  }

  func testBrokerDownGivesUpWithAClearError() async throws {
    let twin = TwinFixture(brokers: [1], maxAttempts: 3)
    twin.brokers.createTopic("t", partitions: 1)
    twin.brokers.setBroker(1, down: true)
    await assertThrowsClientError(.brokerUnreachable, containing: ["after 3 attempts", "broker-1:9092"]) {
      _ = try await twin.source(topics: ["t"]).initialOffset()
    }
  }

  func testNonRetriableBrokerErrorsAreNotRetried() async throws {
    let twin = TwinFixture()
    twin.brokers.createTopic("t", partitions: 1)
    try twin.fill("t", partition: 0, count: 3)
    let source = try twin.source(topics: ["t"])
    twin.brokers.injectFault(.fetch, error: .topicAuthorizationFailed, count: 1)
    await assertThrowsClientError(
      .authorizationFailed, containing: ["TOPIC_AUTHORIZATION_FAILED", "topic t partition 0"]
    ) {
      _ = try await source.read(from: try offsets(#"{"t":{"0":0}}"#), to: try offsets(#"{"t":{"0":3}}"#))
    }
    XCTAssertEqual(twin.brokers.requestCount(.fetch), 1)
  }

  func testDeletedTopicIsDataLoss() async throws {
    let twin = TwinFixture()
    twin.brokers.createTopic("t", partitions: 1)
    try twin.fill("t", partition: 0, count: 3)
    let source = try twin.source(topics: ["t"])
    let start = try await source.initialOffset()
    twin.brokers.deleteTopic("t")
    await assertThrowsClientError(.dataLoss, containing: ["topic t was deleted", "failOnDataLoss"]) {
      _ = try await source.latestOffset(after: start, limit: .unlimited)
    }
    await assertThrowsClientError(.unknownTopic, containing: ["'t' does not exist"]) {
      _ = try await source.read(from: start, to: try offsets(#"{"t":{"0":3}}"#))
    }
  }
}
