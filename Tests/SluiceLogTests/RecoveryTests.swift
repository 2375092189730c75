import Foundation
import XCTest

@testable import SluiceLog

final class RecoveryTests: XCTestCase {
  /// 20 records of partition 0, each with a 2-byte key and a 40+ byte value; returns the
  /// segment path and the byte position of each record.
  private func makeLog(segmentBytes: Int = LogConfiguration.defaultSegmentBytes) throws
    -> (TemporaryLog, LogStore, segment: String, positions: [Int64])
  {
    let log = TemporaryLog(for: self)
    let store = try log.store(.init(segmentBytes: segmentBytes, indexIntervalBytes: 100))
    try store.createTopic("t", partitions: 1)
    let writer = try store.openWriter(topic: "t")
    var positions: [Int64] = []
    var position: Int64 = 24
    for i in 0..<20 {
      let value = testValue(i)
      try writer.append(value: value, key: [UInt8(i), 0], timestampMs: Int64(i))
      positions.append(position)
      position += Int64(32 + 2 + value.count)
    }
    try writer.close()
    let segment = try XCTUnwrap(try log.segmentFiles("t", 0).last)
    if segmentBytes == LogConfiguration.defaultSegmentBytes {
      XCTAssertEqual(try log.size(segment), position)
    }
    return (log, store, segment, positions)
  }

  private func readAll(_ store: LogStore) throws -> [Int64] {
    try store.read(topic: "t", partition: 0, from: 0, maxRecords: 1000).offsets
  }

  func testRecordCutOffMidwayIsNeverServedAndIsTruncatedOnWriterOpen() throws {
    let (log, store, segment, positions) = try makeLog()
    let size = try log.size(segment)
    try log.truncate(segment, to: size - 10)
    XCTAssertEqual(try readAll(store), (0..<19).map { Int64($0) }, "the partial record is not served")
    XCTAssertEqual(try store.describe(topic: "t").partitions[0].latestOffset, 19)
    let writer = try store.openWriter(topic: "t")
    XCTAssertEqual(writer.recovery.count, 1)
    let recovery = try XCTUnwrap(writer.recovery.first)
    XCTAssertEqual(recovery.partition, 0)
    XCTAssertEqual(recovery.file, segment)
    XCTAssertEqual(recovery.position, positions[19])
    XCTAssertEqual(recovery.bytesTruncated, size - 10 - positions[19])
    XCTAssertEqual(writer.recoveredTornBytes, recovery.bytesTruncated)
    XCTAssertTrue(recovery.reason.contains("cut off"), recovery.reason)
    XCTAssertTrue(recovery.description.contains("truncated a torn tail"), recovery.description)
    XCTAssertEqual(try log.size(segment), positions[19])
    XCTAssertEqual(try writer.append(value: bytes("after"), timestampMs: 0).offset, 19)
    try writer.close()
    let records = try store.read(topic: "t", partition: 0, from: 0, maxRecords: 100)
    XCTAssertEqual(records.offsets, (0..<20).map { Int64($0) })
    XCTAssertEqual(records.valueArray(19), bytes("after"))
    XCTAssertTrue(try store.openWriter(topic: "t").recovery.isEmpty, "clean after recovery")
  }

  func testBadCRCOfTheLastRecordIsATornTail() throws {
    let (log, store, segment, positions) = try makeLog()
    let size = try log.size(segment)
    try log.flipByte(segment, at: size - 1)
    XCTAssertEqual(try readAll(store), (0..<19).map { Int64($0) })
    let writer = try store.openWriter(topic: "t")
    let recovery = try XCTUnwrap(writer.recovery.first)
    XCTAssertEqual(recovery.position, positions[19])
    XCTAssertEqual(recovery.bytesTruncated, size - positions[19])
    XCTAssertTrue(recovery.reason.contains("CRC-32C mismatch"), recovery.reason)
    try writer.close()
    XCTAssertEqual(try readAll(store).count, 19)
  }

  func testGarbageAfterTheLastRecordAndAHeaderlessSegmentAreTornTails() throws {
    let (log, store, segment, _) = try makeLog()
    let size = try log.size(segment)
    let handle = try XCTUnwrap(FileHandle(forWritingAtPath: segment))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(repeating: 0, count: 100))
    try handle.close()
    XCTAssertEqual(try readAll(store).count, 20)
    let writer = try store.openWriter(topic: "t")
    XCTAssertEqual(writer.recovery.first?.bytesTruncated, 100)
    XCTAssertEqual(try log.size(segment), size)
    try writer.close()

    // A new last segment whose header never reached the disk.
    let empty = log.partitionDirectory("t", 0) + "/00000000000000000020.log"
    XCTAssertTrue(FileManager.default.createFile(atPath: empty, contents: Data([1, 2, 3])))
    XCTAssertEqual(try readAll(store).count, 20)
    XCTAssertEqual(try store.describe(topic: "t").partitions[0].latestOffset, 20)
    let reopened = try store.openWriter(topic: "t")
    XCTAssertEqual(reopened.recovery.first?.bytesTruncated, 3)
    XCTAssertEqual(try reopened.append(value: [5], timestampMs: 0).offset, 20)
    try reopened.close()
    XCTAssertEqual(try readAll(store).count, 21)
  }

  func testDamageInTheMiddleIsAPreciseErrorForReaderAndWriter() throws {
    let (log, store, segment, positions) = try makeLog()
    try log.flipByte(segment, at: positions[5] + 40)
    assertLogError(
      .corruptLog, [segment, "byte \(positions[5])", "CRC-32C mismatch", "valid record follows"]
    ) {
      try store.read(topic: "t", partition: 0, from: 0, maxRecords: 100)
    }
    XCTAssertEqual(
      try store.read(topic: "t", partition: 0, from: 0, maxRecords: 5).count, 5,
      "records before it still read")
    // The writer checks the last segment from its last index entry on (damage before that is
    // the readers' to report); without an index it scans the whole segment and refuses too.
    try FileManager.default.removeItem(atPath: segment.replacingOccurrences(of: ".log", with: ".index"))
    assertLogError(.corruptLog, ["byte \(positions[5])", "not a torn tail"]) {
      try store.openWriter(topic: "t")
    }
    // The failed open released the lock.
    assertLogError(.corruptLog, ["byte \(positions[5])"]) { try store.openWriter(topic: "t") }
    XCTAssertEqual(
      try log.size(segment), positions.last! + Int64(34 + testValue(19).count), "nothing truncated")
  }

  func testDamagedLengthFieldInTheMiddleIsAnErrorToo() throws {
    let (log, store, segment, positions) = try makeLog()
    // Record 3's length field says one byte more: its CRC fails, and a valid record follows
    // where the damaged one really ends... or not; either way the result must not be silent.
    try log.flipByte(segment, at: positions[3] + 4, mask: 0x01)
    assertLogError(.corruptLog, ["byte \(positions[3])"]) {
      try store.read(topic: "t", partition: 0, from: 0, maxRecords: 100)
    }
  }

  func testDamageAtTheEndOfASealedSegmentIsAnError() throws {
    let (log, store, _, _) = try makeLog(segmentBytes: 1024)
    let files = try log.segmentFiles("t", 0)
    XCTAssertGreaterThan(files.count, 1)
    let sealed = files[0]
    try log.flipByte(sealed, at: try log.size(sealed) - 1)
    assertLogError(.corruptLog, [sealed, "not the last segment"]) {
      try store.read(topic: "t", partition: 0, from: 0, maxRecords: 100)
    }
  }

  func testReaderConcurrentWithWriterSeesOnlyCompleteContiguousRecords() throws {
    let log = TemporaryLog(for: self)
    let store = try log.store(
      .init(segmentBytes: 64 * 1024, indexIntervalBytes: 1024, writeBufferBytes: 3000))
    try store.createTopic("t", partitions: 1)
    let total = 5000
    let writerThread = Thread {
      do {
        let writer = try store.openWriter(topic: "t")
        for i in 0..<total {
          try writer.append(value: testValue(i, length: 100), timestampMs: Int64(i))
          if i % 37 == 0 { try writer.flush() }
        }
        try writer.close()
      } catch {
        XCTFail("writer failed: \(error)")
      }
    }
    writerThread.start()
    var next: Int64 = 0
    let deadline = Date().addingTimeInterval(60)
    while next < Int64(total) && Date() < deadline {
      let records = try store.read(topic: "t", partition: 0, from: next, maxRecords: 700)
      for i in 0..<records.count {
        XCTAssertEqual(records.offsets[i], next)
        XCTAssertEqual(records.valueArray(i), testValue(Int(next), length: 100))
        next += 1
      }
    }
    XCTAssertEqual(next, Int64(total))
  }
}
