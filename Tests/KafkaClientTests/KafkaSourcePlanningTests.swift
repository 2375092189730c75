import KafkaProtocol
import SluiceCore
import XCTest

@testable import KafkaClient

/// Offset planning of ``KafkaSource`` against the in-memory twin under a real ``KafkaCluster``.
final class KafkaSourcePlanningTests: XCTestCase {
  func testInitialOffsetsEarliestLatestSpecificAndTimestamp() async throws {
    let twin = TwinFixture()
    twin.brokers.createTopic("t", partitions: 2)
    try twin.fill("t", partition: 0, count: 30)
    try twin.fill("t", partition: 1, count: 5)
    twin.brokers.deleteRecords("t", partition: 0, before: 10)
    var text = try await twin.source(topics: ["t"]).initialOffset().text
    XCTAssertEqual(text, #"{"t":{"0":10,"1":0}}"#)
    text = try await twin.source(topics: ["t"], starting: .latest).initialOffset().text
    XCTAssertEqual(text, #"{"t":{"0":30,"1":5}}"#)
    let given = try KafkaOffsets(json: try .parse(#"{"t":{"0":12,"1":-1}}"#))
    text = try await twin.source(topics: ["t"], starting: .specific(given)).initialOffset().text
    XCTAssertEqual(text, #"{"t":{"0":12,"1":5}}"#)
    // Timestamps of partition 0 are 1_700_000_000_000 + i within each batch of 10.
    text = try await twin.source(topics: ["t"], starting: .timestamp(1_700_000_000_003)).initialOffset().text
    XCTAssertEqual(text, #"{"t":{"0":13,"1":3}}"#)
    text = try await twin.source(topics: ["t"], starting: .timestamp(1_800_000_000_000)).initialOffset().text
    XCTAssertEqual(text, #"{"t":{"0":30,"1":5}}"#, "no record that recent: latest")
    let outside = try KafkaOffsets(json: try .parse(#"{"t":{"0":3}}"#))
    await assertThrowsClientError(.invalidConfiguration, containing: ["offset 3", "10..<30"]) {
      _ = try await twin.source(topics: ["t"], starting: .specific(outside)).initialOffset()
    }
  }

  func testMaxOffsetsPerTriggerIsSplitFairlyAndNothingNewReturnsStart() async throws {
    let twin = TwinFixture()
    twin.brokers.createTopic("t", partitions: 3)
    try twin.fill("t", partition: 0, count: 100)
    try twin.fill("t", partition: 1, count: 300)
    let source = try twin.source(topics: ["t"])
    let start = try await source.initialOffset()
    let end = try await source.latestOffset(after: start, limit: ReadLimit(maxRecords: 40))
    XCTAssertEqual(end.text, #"{"t":{"0":10,"1":30,"2":0}}"#)
    let all = try await source.latestOffset(after: end, limit: .unlimited)
    XCTAssertEqual(all.text, #"{"t":{"0":100,"1":300,"2":0}}"#)
    let same = try await source.latestOffset(after: all, limit: ReadLimit(maxRecords: 40))
    XCTAssertEqual(same, all, "nothing new: start itself")
    let lag = try await source.lag(after: end)
    XCTAssertEqual(lag, 360)
  }

  func testTansuListOffsetsQuirkUsesTheFetchHighWatermark() async throws {
    let twin = TwinFixture()
    twin.brokers.createTopic("t", partitions: 2)
    try twin.fill("t", partition: 0, count: 25, batch: 10)
    twin.brokers.setListOffsetsLatestQuirk(true)
    twin.brokers.setOmitsEmptyFetchPartitions(true)
    let listed = try await twin.cluster.listOffsets([TopicPartition("t", 0): ListOffsetsRequest.latest])
    XCTAssertEqual(listed[TopicPartition("t", 0)], 21, "the quirk: last batch base + 1")
    let source = try twin.source(topics: ["t"], starting: .latest)
    let start = try await source.initialOffset()
    XCTAssertEqual(start.text, #"{"t":{"0":25,"1":0}}"#)
    let from = try offsets(#"{"t":{"0":0,"1":0}}"#)
    let end = try await source.latestOffset(after: from, limit: .unlimited)
    XCTAssertEqual(end.text, #"{"t":{"0":25,"1":0}}"#)
    let records = try await source.read(from: from, to: end)
    XCTAssertEqual(records.count, 25)
  }

  func testNewPartitionsAndPatternTopicsArePickedUpFromZero() async throws {
    let twin = TwinFixture(brokers: [1, 2])
    twin.brokers.createTopic("events.a", partitions: 1)
    twin.brokers.createTopic("other", partitions: 1)
    try twin.fill("events.a", partition: 0, count: 5)
    try twin.fill("other", partition: 0, count: 5)
    let source = try twin.source(KafkaSourceOptions(subscription: .pattern(#"events\..*"#)))
    XCTAssertEqual(source.identity, #"kafka:pattern:events\..*"#)
    let start = try await source.initialOffset()
    XCTAssertEqual(start.text, #"{"events.a":{"0":0}}"#)
    twin.brokers.addPartitions("events.a", total: 2)
    twin.brokers.createTopic("events.b", partitions: 1)
    twin.brokers.createTopic("events.empty", partitions: 1)
    try twin.fill("events.a", partition: 1, count: 3)
    try twin.fill("events.b", partition: 0, count: 4)
    let end = try await source.latestOffset(after: start, limit: .unlimited)
    XCTAssertEqual(end.text, #"{"events.a":{"0":5,"1":3},"events.b":{"0":4}}"#)
    let records = try await source.read(from: start, to: end)
    XCTAssertEqual(
      values(records),
      (0..<5).map { "events.a-0-\($0)" } + (0..<3).map { "events.a-1-\($0)" }
        + (0..<4).map { "events.b-0-\($0)" })
  }

  func testUnknownTopicIsAClearError() async throws {
    let twin = TwinFixture()
    twin.brokers.createTopic("t", partitions: 1)
    await assertThrowsClientError(.unknownTopic, containing: ["'missing' does not exist"]) {
      _ = try await twin.source(topics: ["t", "missing"]).initialOffset()
    }
    XCTAssertThrowsError(try twin.source(KafkaSourceOptions(subscription: .pattern("(unclosed")))) {
      XCTAssertTrue(($0 as? KafkaClientError)?.message.contains("not a valid regular expression") == true)
    }
  }

  func testDataLossFailsPreciselyOrContinuesFromEarliest() async throws {
    let twin = TwinFixture()
    twin.brokers.createTopic("t", partitions: 1)
    try twin.fill("t", partition: 0, count: 50)
    let strict = try twin.source(topics: ["t"])
    let start = try offsets(#"{"t":{"0":5}}"#)
    let end = try offsets(#"{"t":{"0":45}}"#)
    twin.brokers.deleteRecords("t", partition: 0, before: 20)
    // Planning notices positions below the log start …
    await assertThrowsClientError(
      .dataLoss, containing: ["records 5..<20", "topic t partition 0", "20..<50"]
    ) {
      _ = try await strict.latestOffset(after: start, limit: .unlimited)
    }
    // … and so does a re-run of a batch planned before retention.
    await assertThrowsClientError(
      .dataLoss, containing: ["records 5..<20", "topic t partition 0", "expected offset 5", "20..<50"]
    ) {
      _ = try await strict.read(from: start, to: end)
    }
    let lenient = try twin.source(topics: ["t"], failOnDataLoss: false)
    let records = try await lenient.read(from: start, to: end)
    XCTAssertEqual(values(records), (20..<45).map { "t-0-\($0)" })
    let planned = try await lenient.latestOffset(after: start, limit: ReadLimit(maxRecords: 10))
    XCTAssertEqual(planned.text, #"{"t":{"0":30}}"#, "continues from the earliest available offset")
  }

  func testCommitStoresEndOffsetsForTheGroup() async throws {
    let twin = TwinFixture()
    twin.brokers.createTopic("t", partitions: 2)
    try twin.fill("t", partition: 0, count: 7)
    let source = try twin.source(
      KafkaSourceOptions(subscription: .topics(["t"]), commitOffsetsToGroup: "sluice-pin"))
    try await source.commit(try offsets(#"{"t":{"0":7,"1":0}}"#))
    XCTAssertEqual(
      twin.brokers.committedOffsets(group: "sluice-pin"),
      [TopicPartition("t", 0): 7, TopicPartition("t", 1): 0])
    let fetched = try await twin.cluster.fetchCommittedOffsets(
      group: "sluice-pin", partitions: [TopicPartition("t", 0), TopicPartition("t", 1)])
    XCTAssertEqual(fetched[TopicPartition("t", 0)], 7)
  }
}
