import SluiceCore
import XCTest

@testable import SluiceLog

final class AppendReadTests: XCTestCase {
  func testRoundTripWithKeysNullKeysEmptyValuesAndTimestamps() throws {
    let log = TemporaryLog(for: self)
    let store = try log.store()
    try store.createTopic("t", partitions: 2)
    let writer = try store.openWriter(topic: "t")
    XCTAssertTrue(writer.recovery.isEmpty)
    var expected: [Int32: [(key: [UInt8]?, value: [UInt8], ts: Int64)]] = [0: [], 1: []]
    for i in 0..<100 {
      let partition = Int32(i % 2)
      let key: [UInt8]? = i % 3 == 0 ? nil : (i % 3 == 1 ? [] : bytes("key-\(i)"))
      let value = i % 10 == 9 ? [] : testValue(i)
      let ts = 1_700_000_000_000 + Int64(i) * 17 - (i == 50 ? 5_000_000 : 0)
      let result = try writer.append(value: value, key: key, partition: partition, timestampMs: ts)
      XCTAssertEqual(result.partition, partition)
      XCTAssertEqual(result.offset, Int64(expected[partition]!.count))
      expected[partition]!.append((key, value, ts))
    }
    try writer.flush()
    for partition: Int32 in [0, 1] {
      let records = try store.read(topic: "t", partition: partition, from: 0, maxRecords: 1000)
      let want = expected[partition]!
      XCTAssertEqual(records.count, want.count)
      XCTAssertEqual(records.offsets, (0..<Int64(want.count)).map { $0 })
      XCTAssertEqual(records.topics, ["t"])
      XCTAssertEqual(Set(records.partitions), [partition])
      for (i, record) in want.enumerated() {
        XCTAssertEqual(records.valueArray(i), record.value)
        XCTAssertEqual(records.keyArray(i), record.key)
        XCTAssertEqual(records.timestamps[i], record.ts)
      }
    }
    let description = try store.describe(topic: "t")
    XCTAssertEqual(description.partitions.map(\.earliestOffset), [0, 0])
    XCTAssertEqual(description.partitions.map(\.latestOffset), [50, 50])
    XCTAssertEqual(description.partitions.map(\.segmentCount), [1, 1])
    XCTAssertGreaterThan(description.partitions[0].sizeBytes, 24 + 50 * 32)
    XCTAssertEqual(description.recordCount, 100)
    try writer.close()
  }

  func testRecordsAreInvisibleUntilFlushedAndAutoFlushHappens() throws {
    let log = TemporaryLog(for: self)
    let store = try log.store(.init(writeBufferBytes: 10_000))
    try store.createTopic("t", partitions: 1)
    let writer = try store.openWriter(topic: "t")
    try writer.append(value: testValue(0), timestampMs: 1)
    XCTAssertEqual(try store.describe(topic: "t").partitions[0].latestOffset, 0)
    XCTAssertEqual(try store.read(topic: "t", partition: 0, from: 0, maxRecords: 10).count, 0)
    for i in 1..<400 { try writer.append(value: testValue(i), timestampMs: 1) }
    let visible = try store.describe(topic: "t").partitions[0].latestOffset
    XCTAssertGreaterThan(visible, 100, "more than writeBufferBytes were buffered, so some were flushed")
    XCTAssertLessThan(visible, 400)
    try writer.flush()
    XCTAssertEqual(try store.describe(topic: "t").partitions[0].latestOffset, 400)
    try writer.close()
    XCTAssertEqual(try writer.nextOffset(partition: 0), 400)
    assertLogError(.writerClosed, ["closed"]) { try writer.append(value: [1], timestampMs: 0) }
  }

  func testPartitioningByKeyHashRoundRobinAndExplicitPartition() throws {
    let store = try TemporaryLog(for: self).store()
    try store.createTopic("t", partitions: 5)
    let writer = try store.openWriter(topic: "t")
    for key in ["21", "foobar", "abc", "user-17", ""] {
      let placed = try writer.append(value: [1], key: bytes(key), timestampMs: 0)
      XCTAssertEqual(placed.partition, Murmur2.partition(for: bytes(key), partitions: 5), key)
    }
    let roundRobin = try (0..<10).map { _ in try writer.append(value: [2], timestampMs: 0).partition }
    XCTAssertEqual(roundRobin, [0, 1, 2, 3, 4, 0, 1, 2, 3, 4])
    XCTAssertEqual(try writer.append(value: [3], key: bytes("21"), partition: 4, timestampMs: 0).partition, 4)
    assertLogError(.invalidArgument, ["partition 5 does not exist in topic t", "0...4"]) {
      try writer.append(value: [3], partition: 5, timestampMs: 0)
    }
    assertLogError(.invalidArgument, ["partition -1"]) {
      try writer.append(value: [3], partition: -1, timestampMs: 0)
    }
    try writer.close()
  }

  func testReadLimitsAndOffsetsOutOfRange() throws {
    let store = try TemporaryLog(for: self).store()
    try store.createTopic("t", partitions: 1)
    let writer = try store.openWriter(topic: "t")
    for i in 0..<50 {
      try writer.append(value: [UInt8](repeating: UInt8(i), count: 100), key: [9], timestampMs: 0)
    }
    try writer.close()
    let five = try store.read(topic: "t", partition: 0, from: 10, maxRecords: 5)
    XCTAssertEqual(five.offsets, [10, 11, 12, 13, 14])
    // 101 bytes (key + value) per record: 350 bytes allow 3.
    let byBytes = try store.read(topic: "t", partition: 0, from: 0, maxRecords: 100, maxBytes: 350)
    XCTAssertEqual(byBytes.offsets, [0, 1, 2])
    let atLeastOne = try store.read(topic: "t", partition: 0, from: 7, maxRecords: 100, maxBytes: 1)
    XCTAssertEqual(atLeastOne.offsets, [7])
    XCTAssertEqual(try store.read(topic: "t", partition: 0, from: 50, maxRecords: 10).count, 0)
    XCTAssertEqual(try store.read(topic: "t", partition: 0, from: 3, maxRecords: 0).count, 0)
    assertLogError(.offsetOutOfRange, ["offset 51", "beyond the log end 50"]) {
      try store.read(topic: "t", partition: 0, from: 51, maxRecords: 10)
    }
    assertLogError(.invalidArgument, ["partition 1 does not exist"]) {
      try store.read(topic: "t", partition: 1, from: 0, maxRecords: 10)
    }
    var into = RawRecords()
    into.append(value: [1], topic: "other", partition: 0, offset: 0)
    let n = try store.read(topic: "t", partition: 0, from: 48, maxRecords: 10, into: &into)
    XCTAssertEqual(n, 2)
    XCTAssertEqual(into.count, 3)
    XCTAssertEqual(into.topic(2), "t")
    XCTAssertEqual(into.valueArray(2), [UInt8](repeating: 49, count: 100))
  }

  func testReopenContinuesOffsetsAfterRestart() throws {
    let log = TemporaryLog(for: self)
    do {
      let store = try log.store()
      try store.createTopic("t", partitions: 2)
      let writer = try store.openWriter(topic: "t")
      for i in 0..<30 {
        try writer.append(value: testValue(i), partition: Int32(i % 2), timestampMs: Int64(i))
      }
      try writer.close()
    }
    let store = try log.store()
    let writer = try store.openWriter(topic: "t")
    XCTAssertTrue(writer.recovery.isEmpty)
    XCTAssertEqual(try writer.nextOffset(partition: 0), 15)
    XCTAssertEqual(try writer.append(value: testValue(99), partition: 0, timestampMs: 99).offset, 15)
    try writer.close()
    let records = try store.read(topic: "t", partition: 0, from: 0, maxRecords: 100)
    XCTAssertEqual(records.offsets, (0...15).map { Int64($0) })
    XCTAssertEqual(records.valueArray(15), testValue(99))
    XCTAssertEqual(records.timestamps[14], 28)
  }

  func testFsyncPoliciesWriteTheSameData() throws {
    for policy: FsyncPolicy in [.never, .always, .interval(milliseconds: 0), .interval(milliseconds: 60_000)]
    {
      let store = try TemporaryLog(for: self).store(.init(segmentBytes: 4096, fsync: policy))
      try store.createTopic("t", partitions: 1)
      let writer = try store.openWriter(topic: "t")
      for i in 0..<200 {
        try writer.append(value: testValue(i), timestampMs: 0)
        if i % 50 == 0 { try writer.flush() }
      }
      try writer.close()
      let records = try store.read(topic: "t", partition: 0, from: 0, maxRecords: 1000)
      XCTAssertEqual(records.count, 200, "\(policy)")
      XCTAssertEqual(records.valueArray(199), testValue(199))
    }
  }
}
