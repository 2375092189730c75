import XCTest

@testable import KafkaClient

final class ConfigurationTests: XCTestCase {
  func testBrokerAddressParsing() throws {
    XCTAssertEqual(try BrokerAddress(parsing: "localhost:9093"), BrokerAddress(host: "localhost", port: 9093))
    XCTAssertEqual(try BrokerAddress(parsing: " kafka-1 "), BrokerAddress(host: "kafka-1", port: 9092))
    XCTAssertEqual(try BrokerAddress(parsing: "[::1]:19092"), BrokerAddress(host: "::1", port: 19092))
    XCTAssertEqual(
      try BrokerAddress.parseList("a:1, b:2,"),
      [BrokerAddress(host: "a", port: 1), BrokerAddress(host: "b", port: 2)])
    XCTAssertThrowsError(try BrokerAddress(parsing: "host:notaport")) {
      XCTAssertTrue(($0 as? KafkaClientError)?.message.contains("not a port") == true)
    }
    XCTAssertThrowsError(try BrokerAddress.parseList(" , "))
  }

  func testBackoffDoublesUpToTheMaximum() {
    let policy = RetryPolicy(
      maxAttempts: 5, initialBackoff: .milliseconds(100), maxBackoff: .milliseconds(500))
    XCTAssertEqual(
      (1...5).map { policy.backoff(afterAttempt: $0) },
      [
        .milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(500), .milliseconds(500),
      ])
    let jittered = policy.jitteredBackoff(afterAttempt: 2)
    XCTAssertTrue(jittered >= .milliseconds(160) && jittered <= .milliseconds(240), "\(jittered)")
  }

  func testOffsetBudgetSplitsProportionallyAndExactly() {
    XCTAssertEqual(OffsetBudget.split(100, among: [10, 20]), [10, 20])
    XCTAssertEqual(OffsetBudget.split(10, among: [100, 100]), [5, 5])
    XCTAssertEqual(OffsetBudget.split(10, among: [30, 0, 70]), [3, 0, 7])
    let shares = OffsetBudget.split(7, among: [5, 5, 5])
    XCTAssertEqual(shares.reduce(0, +), 7)
    XCTAssertEqual(shares, [3, 2, 2], "remainders go to the earlier partitions on ties")
    XCTAssertEqual(OffsetBudget.split(1, among: [1, 1000]).reduce(0, +), 1)
  }

  func testKafkaOffsetsRoundTripSparksFormat() throws {
    let offsets = try KafkaOffsets(json: try .parse(#"{"b":{"10":5,"2":7},"a":{"0":0}}"#))
    XCTAssertEqual(offsets.json.canonical, #"{"a":{"0":0},"b":{"10":5,"2":7}}"#)
    XCTAssertEqual(offsets[TopicPartition("b", 10)], 5)
    XCTAssertThrowsError(try KafkaOffsets(json: try .parse(#"{"a":{"x":1}}"#))) {
      XCTAssertTrue(($0 as? KafkaClientError)?.message.contains("not a partition number") == true)
    }
    XCTAssertThrowsError(try KafkaOffsets(json: try .parse(#"{"a":{"0":-7}}"#)))
    XCTAssertThrowsError(try KafkaOffsets(json: try .parse(#"[1]"#)))
  }
}
