import Foundation
import XCTest

@testable import SluiceLog

final class SegmentAndIndexTests: XCTestCase {
  /// 4 KiB segments, an index entry about every 256 bytes, 300 records of ~60-70 bytes.
  private func makeLog(records: Int = 300) throws -> (TemporaryLog, LogStore) {
    let log = TemporaryLog(for: self)
    let store = try log.store(.init(segmentBytes: 4096, indexIntervalBytes: 256))
    try store.createTopic("t", partitions: 1)
    let writer = try store.openWriter(topic: "t")
    for i in 0..<records {
      try writer.append(value: testValue(i), key: bytes("k\(i)"), partition: 0, timestampMs: Int64(i))
    }
    try writer.close()
    return (log, store)
  }

  func testSegmentsRollAtSegmentBytesAndNamesAreBaseOffsets() throws {
    let (log, store) = try makeLog()
    let files = try log.segmentFiles("t", 0)
    XCTAssertGreaterThan(files.count, 4)
    XCTAssertEqual((files[0] as NSString).lastPathComponent, "00000000000000000000.log")
    var previousBase: Int64 = -1
    for file in files {
      XCTAssertLessThanOrEqual(try log.size(file), 4096)
      let name = (file as NSString).lastPathComponent
      XCTAssertEqual(name.count, 24)
      let base = try XCTUnwrap(Int64(name.prefix(20)))
      XCTAssertGreaterThan(base, previousBase)
      previousBase = base
      XCTAssertTrue(
        FileManager.default.fileExists(atPath: file.replacingOccurrences(of: ".log", with: ".index")))
    }
    let first = try Data(contentsOf: URL(fileURLWithPath: files[1]))
    XCTAssertEqual(String(decoding: first.prefix(8), as: UTF8.self), "SLUICLOG")
    let description = try store.describe(topic: "t").partitions[0]
    XCTAssertEqual(description.segmentCount, files.count)
    XCTAssertEqual(description.latestOffset, 300)
    XCTAssertEqual(description.sizeBytes, try files.reduce(0) { $0 + (try log.size($1)) })
  }

  func testReadsSpanSegmentsFromEveryStartOffset() throws {
    let (_, store) = try makeLog()
    let all = try store.read(topic: "t", partition: 0, from: 0, maxRecords: 10_000)
    XCTAssertEqual(all.offsets, (0..<300).map { Int64($0) })
    for i in 0..<300 {
      XCTAssertEqual(all.valueArray(i), testValue(i))
      XCTAssertEqual(all.keyArray(i), bytes("k\(i)"))
    }
    for start in 0..<300 {
      let some = try store.read(topic: "t", partition: 0, from: Int64(start), maxRecords: 70)
      XCTAssertEqual(some.offsets, (start..<min(start + 70, 300)).map { Int64($0) }, "from \(start)")
      XCTAssertEqual(some.valueArray(0), testValue(start))
    }
  }

  func testIndexHasIncreasingEntriesPointingAtTheirRecords() throws {
    let (log, _) = try makeLog()
    let segment = try log.segmentFiles("t", 0)[0]
    let indexPath = segment.replacingOccurrences(of: ".log", with: ".index")
    let indexBytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: indexPath)))
    let index = SparseIndex.parse(indexBytes, segmentLimit: try log.size(segment))
    XCTAssertFalse(index.isDamaged)
    XCTAssertGreaterThan(index.entries.count, 8, "4 KiB of records with an entry every 256 bytes")
    let data = [UInt8](try Data(contentsOf: URL(fileURLWithPath: segment)))
    for entry in index.entries {
      let at = Int(entry.position) + 8
      let offset = data[at..<at + 8].withUnsafeBytes { Int64(littleEndian: $0.loadUnaligned(as: Int64.self)) }
      XCTAssertEqual(offset, entry.relativeOffset, "the entry points at the record with its offset")
    }
    XCTAssertEqual(index.floorEntry(relativeOffset: -1), nil)
    XCTAssertEqual(index.floorEntry(relativeOffset: index.entries[2].relativeOffset), index.entries[2])
    XCTAssertEqual(index.floorEntry(relativeOffset: index.entries[2].relativeOffset + 1), index.entries[2])
  }

  func testMissingOrWrongIndexFallsBackToScanningAndWriterRebuildsIt() throws {
    let (log, store) = try makeLog()
    let segments = try log.segmentFiles("t", 0)
    let lastIndex = segments.last!.replacingOccurrences(of: ".log", with: ".index")
    let firstIndex = segments[0].replacingOccurrences(of: ".log", with: ".index")
    let original = try Data(contentsOf: URL(fileURLWithPath: lastIndex))
    try FileManager.default.removeItem(atPath: firstIndex)
    // An entry that points into the middle of a record (position + 3) is a wrong hint.
    XCTAssertGreaterThanOrEqual(original.count, 48, "the last segment has index entries")
    var bad = original
    if bad.count >= 32 {
      let position = bad[24..<32].withUnsafeBytes { Int64(littleEndian: $0.loadUnaligned(as: Int64.self)) }
      withUnsafeBytes(of: (position + 3).littleEndian) { bad.replaceSubrange(24..<32, with: $0) }
    }
    try bad.write(to: URL(fileURLWithPath: lastIndex))
    for start in stride(from: 0, to: 300, by: 7) {
      let some = try store.read(topic: "t", partition: 0, from: Int64(start), maxRecords: 3)
      XCTAssertEqual(some.offsets.first, Int64(start))
    }
    XCTAssertEqual(try store.describe(topic: "t").partitions[0].latestOffset, 300)
    let writer = try store.openWriter(topic: "t")
    XCTAssertTrue(writer.recovery.isEmpty)
    try writer.close()
    XCTAssertEqual(
      try Data(contentsOf: URL(fileURLWithPath: lastIndex)), original, "the writer rebuilt the index")
  }

  func testOversizedRecordGetsASegmentOfItsOwn() throws {
    let log = TemporaryLog(for: self)
    let store = try log.store(.init(segmentBytes: 4096))
    try store.createTopic("t", partitions: 1)
    let writer = try store.openWriter(topic: "t")
    try writer.append(value: [1, 2, 3], timestampMs: 0)
    try writer.append(value: [UInt8](repeating: 7, count: 10_000), timestampMs: 0)
    try writer.append(value: [4], timestampMs: 0)
    try writer.close()
    XCTAssertEqual(try log.segmentFiles("t", 0).count, 3)
    let records = try store.read(topic: "t", partition: 0, from: 0, maxRecords: 10)
    XCTAssertEqual(records.offsets, [0, 1, 2])
    XCTAssertEqual(records.valueArray(1).count, 10_000)
  }

  func testRetentionDeletesWholeOldSegmentsAndMovesEarliestUp() throws {
    let (log, store) = try makeLog()
    let before = try log.segmentFiles("t", 0)
    let secondBase = try XCTUnwrap(Int64((before[1] as NSString).lastPathComponent.prefix(20)))
    let thirdBase = try XCTUnwrap(Int64((before[2] as NSString).lastPathComponent.prefix(20)))
    let writer = try store.openWriter(topic: "t")
    XCTAssertEqual(try writer.deleteSegments(partition: 0, before: thirdBase - 1), 1)
    XCTAssertEqual(try writer.deleteSegments(partition: 0, before: 1_000_000), before.count - 2)
    try writer.close()
    XCTAssertEqual(try log.segmentFiles("t", 0).count, 1, "the active segment stays")
    let remainingBase = try XCTUnwrap(
      Int64((try log.segmentFiles("t", 0)[0] as NSString).lastPathComponent.prefix(20)))
    let partition = try store.describe(topic: "t").partitions[0]
    XCTAssertEqual(partition.earliestOffset, remainingBase)
    XCTAssertEqual(partition.latestOffset, 300)
    XCTAssertGreaterThan(remainingBase, secondBase)
    assertLogError(.offsetOutOfRange, ["before the earliest available offset \(remainingBase)"]) {
      try store.read(topic: "t", partition: 0, from: 0, maxRecords: 1)
    }
    XCTAssertEqual(
      try store.read(topic: "t", partition: 0, from: remainingBase, maxRecords: 1).offsets, [remainingBase])
  }

  func testMissingMiddleSegmentIsAGapError() throws {
    let (log, store) = try makeLog()
    let files = try log.segmentFiles("t", 0)
    try FileManager.default.removeItem(atPath: files[2])
    assertLogError(.corruptLog, [(files[1] as NSString).lastPathComponent, "records are missing"]) {
      try store.read(topic: "t", partition: 0, from: 0, maxRecords: 1000)
    }
  }
}
