import SluiceCore
import XCTest

@testable import SluiceLog

final class LogSourceTests: XCTestCase {
  /// Topic "a" (3 partitions: 10, 20, 0 records) and topic "b" (1 partition: 5 records).
  private func makeStore() throws -> LogStore {
    let store = try TemporaryLog(for: self).store(.init(segmentBytes: 2048, indexIntervalBytes: 200))
    try store.createTopic("a", partitions: 3)
    try store.createTopic("b", partitions: 1)
    try append(store, "a", partition: 0, count: 10)
    try append(store, "a", partition: 1, count: 20)
    try append(store, "b", partition: 0, count: 5)
    return store
  }

  private func append(_ store: LogStore, _ topic: String, partition: Int32, count: Int) throws {
    let writer = try store.openWriter(topic: topic)
    let start = try writer.nextOffset(partition: partition)
    for i in 0..<count {
      let n = Int(start) + i
      try writer.append(
        value: bytes("\(topic)-\(partition)-\(n)"), key: bytes("k\(n)"), partition: partition,
        timestampMs: Int64(n))
    }
    try writer.close()
  }

  private func position(_ text: String) throws -> LogPosition { try LogPosition(text: text) }

  func testIdentityIsSortedTopics() throws {
    let store = try makeStore()
    XCTAssertEqual(
      LogSource(store: store, topics: ["b", "a", "b"], startingOffsets: .earliest).identity, "log:a,b")
  }

  func testInitialOffsetEarliestLatestAndSpecific() async throws {
    let store = try makeStore()
    let earliest = LogSource(store: store, topics: ["a", "b"], startingOffsets: .earliest)
    let earliestOffset = try await earliest.initialOffset()
    XCTAssertEqual(earliestOffset.text, #"{"a":{"0":0,"1":0,"2":0},"b":{"0":0}}"#)
    let latest = LogSource(store: store, topics: ["a", "b"], startingOffsets: .latest)
    let latestOffset = try await latest.initialOffset()
    XCTAssertEqual(latestOffset.text, #"{"a":{"0":10,"1":20,"2":0},"b":{"0":5}}"#)
    let specific = LogSource(
      store: store, topics: ["a", "b"], startingOffsets: .specific(try position(#"{"a":{"0":4,"1":-1}}"#)))
    XCTAssertEqual(try specific.initialPosition(), try position(#"{"a":{"0":4,"1":20,"2":0},"b":{"0":0}}"#))
    let outOfRange = LogSource(
      store: store, topics: ["a"], startingOffsets: .specific(try position(#"{"a":{"0":11}}"#)))
    assertLogError(.offsetOutOfRange, ["offset 11 of topic a partition 0", "0..<10"]) {
      try outOfRange.initialPosition()
    }
    let foreign = LogSource(
      store: store, topics: ["a"], startingOffsets: .specific(try position(#"{"c":{"0":1}}"#)))
    assertLogError(.invalidArgument, ["names topic c"]) { try foreign.initialPosition() }
    let missing = LogSource(store: store, topics: ["a", "nope"], startingOffsets: .earliest)
    assertLogError(.topicNotFound, ["topic nope does not exist", "sluice log create nope"]) {
      try missing.initialPosition()
    }
  }

  func testLatestOffsetUncappedCappedAndUnchangedWhenNothingIsNew() async throws {
    let store = try makeStore()
    let source = LogSource(store: store, topics: ["a", "b"])
    let start = try source.initialPosition()
    let all = try source.latestPosition(after: start, limit: .unlimited)
    XCTAssertEqual(all, try position(#"{"a":{"0":10,"1":20,"2":0},"b":{"0":5}}"#))
    XCTAssertEqual(try source.latestPosition(after: all, limit: .unlimited), all, "nothing new: start itself")
    let unchanged = try await source.latestOffset(after: all.serialized, limit: .init(maxRecords: 5))
    XCTAssertEqual(unchanged, all.serialized)

    let capped = try source.latestPosition(after: start, limit: .init(maxRecords: 7))
    let counts = [capped["a", 0]!, capped["a", 1]!, capped["a", 2]!, capped["b", 0]!]
    XCTAssertEqual(counts.reduce(0, +), 7)
    XCTAssertEqual(counts[2], 0)
    XCTAssertTrue(counts[0] >= 1 && counts[1] >= 1 && counts[3] >= 1, "\(counts)")
    XCTAssertGreaterThan(counts[1], counts[3], "partitions with more records get more")
    XCTAssertEqual(
      try source.latestPosition(after: start, limit: .init(maxRecords: 7)), capped, "deterministic")
    // Draining in capped batches reaches the end without exceeding any partition.
    var current = start
    var batches = 0
    while true {
      let next = try source.latestPosition(after: current, limit: .init(maxRecords: 4))
      if next == current { break }
      let size = try source.records(from: current, to: next).count
      XCTAssertLessThanOrEqual(size, 4)
      XCTAssertGreaterThan(size, 0)
      current = next
      batches += 1
    }
    XCTAssertEqual(current, all)
    XCTAssertEqual(batches, 9, "35 records in batches of at most 4")
  }

  func testMaxBytesCapsRoughly() throws {
    let store = try makeStore()
    let source = LogSource(store: store, topics: ["a"])
    let start = try source.initialPosition()
    // Records here take ~45 bytes on disk; 200 bytes allow about 4.
    let end = try source.latestPosition(after: start, limit: .init(maxBytes: 200))
    let count = try source.records(from: start, to: end).count
    XCTAssertGreaterThanOrEqual(count, 2)
    XCTAssertLessThanOrEqual(count, 6)
    let tiny = try source.latestPosition(after: start, limit: .init(maxBytes: 1))
    XCTAssertEqual(try source.records(from: start, to: tiny).count, 1, "a batch always makes progress")
  }

  func testReadReturnsExactlyTheRangeDeterministically() async throws {
    let store = try makeStore()
    let source = LogSource(store: store, topics: ["a", "b"])
    let start = try position(#"{"a":{"0":3,"1":15,"2":0},"b":{"0":1}}"#)
    let end = try position(#"{"a":{"0":6,"1":20,"2":0},"b":{"0":2}}"#)
    let records = try await source.read(from: start.serialized, to: end.serialized)
    XCTAssertEqual(records.count, 3 + 5 + 1)
    XCTAssertEqual(records.topics, ["a", "b"])
    XCTAssertEqual(records.offsets, [3, 4, 5, 15, 16, 17, 18, 19, 1])
    XCTAssertEqual(records.partitions, [0, 0, 0, 1, 1, 1, 1, 1, 0])
    XCTAssertEqual(records.valueArray(0), bytes("a-0-3"))
    XCTAssertEqual(records.keyArray(3), bytes("k15"))
    XCTAssertEqual(records.positionDescription(8), "topic b partition 0 offset 1")
    let again = try await source.read(from: start.serialized, to: end.serialized)
    XCTAssertEqual(again.values, records.values)
    XCTAssertEqual(again.keys, records.keys)
    XCTAssertEqual(again.offsets, records.offsets)
    XCTAssertEqual(again.timestamps, records.timestamps)
    XCTAssertEqual(try source.records(from: end, to: end).count, 0)
    assertLogError(.invalidPosition, ["end must not be before the start"]) {
      try source.records(from: end, to: start)
    }
    let beyond = try position(#"{"a":{"0":12}}"#)
    assertLogError(.dataLoss, ["records 10..<12 of topic a partition 0 are not in the log"]) {
      try source.records(from: try self.position(#"{"a":{"0":0}}"#), to: beyond)
    }
  }

  func testNewPartitionsAndTopicsStartAtEarliest() throws {
    let store = try makeStore()
    let source = LogSource(store: store, topics: ["a", "b"])
    let start = try position(#"{"a":{"0":10,"1":20}}"#)
    // a/2 is empty: it stays out of the position; b is new with 5 records.
    let end = try source.latestPosition(after: start, limit: .unlimited)
    XCTAssertEqual(end, try position(#"{"a":{"0":10,"1":20},"b":{"0":5}}"#))
    XCTAssertEqual(try source.records(from: start, to: end).offsets, [0, 1, 2, 3, 4])
    XCTAssertEqual(try source.lag(after: start), 5)
    try store.increasePartitions(topic: "a", to: 4)
    try append(store, "a", partition: 3, count: 2)
    try append(store, "a", partition: 2, count: 1)
    let later = try source.latestPosition(after: end, limit: .unlimited)
    XCTAssertEqual(later, try position(#"{"a":{"0":10,"1":20,"2":1,"3":2},"b":{"0":5}}"#))
    let records = try source.records(from: end, to: later)
    XCTAssertEqual(records.partitions, [2, 3, 3])
    XCTAssertEqual(records.valueArray(1), bytes("a-3-0"))
  }

  func testLagAndLostRecordsAreReported() async throws {
    let store = try makeStore()
    let source = LogSource(store: store, topics: ["a", "b"])
    let start = try source.initialPosition()
    let lag = try await source.lag(after: start.serialized)
    XCTAssertEqual(lag, 35)
    XCTAssertEqual(try source.lag(after: try position(#"{"a":{"0":10,"1":19,"2":0},"b":{"0":5}}"#)), 1)
    let ahead = try position(#"{"a":{"0":11,"1":0,"2":0},"b":{"0":0}}"#)
    assertLogError(.dataLoss, ["position 11 of topic a partition 0 is beyond the log end 10"]) {
      try source.latestPosition(after: ahead, limit: .unlimited)
    }
    assertLogError(.invalidPosition, ["placeholder"]) {
      try source.latestPosition(after: try self.position(#"{"a":{"0":-2}}"#), limit: .unlimited)
    }
  }
}
