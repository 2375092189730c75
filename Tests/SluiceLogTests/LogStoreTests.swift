import XCTest

@testable import SluiceLog

final class LogStoreTests: XCTestCase {
  func testCreateTopicWritesLayoutAndIsIdempotent() throws {
    let log = TemporaryLog(for: self)
    let store = try log.store(.init(segmentBytes: 64 * 1024, indexIntervalBytes: 512))
    let created = try store.createTopic("pinterest.pin", partitions: 3)
    XCTAssertEqual(created.name, "pinterest.pin")
    XCTAssertEqual(created.partitionCount, 3)
    XCTAssertEqual(created.partitions.map(\.partition), [0, 1, 2])
    XCTAssertEqual(created.partitions.map(\.latestOffset), [0, 0, 0])
    XCTAssertEqual(created.metadata.segmentBytes, 64 * 1024)
    XCTAssertEqual(created.metadata.indexIntervalBytes, 512)
    XCTAssertTrue(FileManager.default.fileExists(atPath: log.root + "/pinterest.pin/topic.json"))
    XCTAssertTrue(FileManager.default.fileExists(atPath: log.partitionDirectory("pinterest.pin", 2)))
    let again = try store.createTopic("pinterest.pin", partitions: 3)
    XCTAssertEqual(again.metadata, created.metadata)
    assertLogError(.topicExists, ["pinterest.pin", "3 partitions", "not 4"]) {
      try store.createTopic("pinterest.pin", partitions: 4)
    }
    try store.createTopic("a_b-c", partitions: 1)
    XCTAssertEqual(try store.topicNames(), ["a_b-c", "pinterest.pin"])
  }

  func testTopicJSONHasVersionPartitionsAndConfig() throws {
    let log = TemporaryLog(for: self)
    let store = try log.store()
    try store.createTopic("t", partitions: 2)
    let text = try String(contentsOfFile: log.root + "/t/topic.json", encoding: .utf8)
    let metadata = try TopicMetadata(json: try .parse(text), path: "topic.json")
    XCTAssertEqual(metadata.version, 1)
    XCTAssertEqual(metadata.partitions, 2)
    XCTAssertEqual(metadata.segmentBytes, LogConfiguration.defaultSegmentBytes)
    XCTAssertGreaterThan(metadata.createdMs, 1_600_000_000_000)
  }

  func testDamagedOrNewerTopicFileIsRefusedClearly() throws {
    let log = TemporaryLog(for: self)
    let store = try log.store()
    try store.createTopic("t", partitions: 1)
    let path = log.root + "/t/topic.json"
    try #"{"version":2,"partitions":1,"createdMs":0,"config":{"segmentBytes":4096,"indexIntervalBytes":1}}"#
      .write(toFile: path, atomically: true, encoding: .utf8)
    assertLogError(.unsupportedFormat, ["version 2"]) { try store.describe(topic: "t") }
    try #"{"version":1,"partitions":"x"}"#.write(toFile: path, atomically: true, encoding: .utf8)
    assertLogError(.corruptLog, ["\"partitions\" must be an integer"]) { try store.describe(topic: "t") }
    try "{nope".write(toFile: path, atomically: true, encoding: .utf8)
    assertLogError(.corruptLog, ["not valid JSON"]) { try store.openWriter(topic: "t") }
  }

  func testTopicNamesFollowKafkaRules() throws {
    let store = try TemporaryLog(for: self).store()
    for bad in ["", ".", "..", "a/b", "with space", "ünï", String(repeating: "x", count: 250)] {
      assertLogError(.invalidTopicName, []) { try store.createTopic(bad, partitions: 1) }
    }
    XCTAssertNoThrow(try store.createTopic(String(repeating: "x", count: 249), partitions: 1))
    assertLogError(.invalidArgument, ["1 to 100000 partitions"]) { try store.createTopic("t", partitions: 0) }
  }

  func testMissingTopicSaysHowToCreateIt() throws {
    let store = try TemporaryLog(for: self).store()
    XCTAssertEqual(try store.topicNames(), [])
    assertLogError(.topicNotFound, ["topic nope does not exist", "sluice log create nope"]) {
      try store.describe(topic: "nope")
    }
    assertLogError(.topicNotFound, ["sluice log create"]) { try store.openWriter(topic: "nope") }
    assertLogError(.topicNotFound, ["sluice log create"]) {
      try store.read(topic: "nope", partition: 0, from: 0, maxRecords: 1)
    }
  }

  func testConfigurationIsValidated() {
    assertLogError(.invalidArgument, ["segmentBytes"]) {
      try LogStore(root: "/tmp/x", configuration: .init(segmentBytes: 10))
    }
    assertLogError(.invalidArgument, ["fsync interval"]) {
      try LogStore(root: "/tmp/x", configuration: .init(fsync: .interval(milliseconds: -1)))
    }
  }

  func testIncreasePartitionsGrowsOnlyAndNeedsTheWriterLock() throws {
    let store = try TemporaryLog(for: self).store()
    try store.createTopic("t", partitions: 2)
    let grown = try store.increasePartitions(topic: "t", to: 3)
    XCTAssertEqual(grown.partitionCount, 3)
    XCTAssertEqual(grown.partitions.count, 3)
    assertLogError(.invalidArgument, ["can only grow"]) { try store.increasePartitions(topic: "t", to: 1) }
    let writer = try store.openWriter(topic: "t")
    XCTAssertEqual(writer.partitionCount, 3)
    assertLogError(.writerLocked, ["topic t is being written by another process"]) {
      try store.increasePartitions(topic: "t", to: 4)
    }
    try writer.close()
  }
}
