import Foundation
import XCTest

@testable import SluiceLog

/// Pins the on-disk bytes (see `LogLayout`): a change here is a format change and needs a new
/// format version. The expected bytes were computed independently of this code.
final class SegmentFormatGoldenTests: XCTestCase {
  func testSegmentAndIndexBytes() throws {
    let log = TemporaryLog(for: self)
    let store = try log.store()
    try store.createTopic("golden", partitions: 1)
    let writer = try store.openWriter(topic: "golden")
    try writer.append(value: bytes("v1"), key: bytes("k"), timestampMs: 1000)
    try writer.append(value: [], key: nil, timestampMs: 2000)
    try writer.close()
    let directory = log.partitionDirectory("golden", 0)
    let segment = try Data(contentsOf: URL(fileURLWithPath: directory + "/00000000000000000000.log"))
    let expected =
      "534c5549434c4f4701000000000000000000000000000000"  // "SLUICLOG", version 1, reserved, base 0
      + "1b000000" + "2e1991ae"  // length 27, CRC-32C
      // offset 0, ts 1000, key "k", value "v1"
      + "0000000000000000" + "e803000000000000" + "01000000" + "02000000" + "6b" + "7631"
      + "18000000" + "5829a881"  // length 24, CRC-32C
      // offset 1, ts 2000, null key, empty value
      + "0100000000000000" + "d007000000000000" + "ffffffff" + "00000000"
    XCTAssertEqual(segment.map { String(format: "%02x", $0) }.joined(), expected)
    let index = try Data(contentsOf: URL(fileURLWithPath: directory + "/00000000000000000000.index"))
    XCTAssertEqual(
      index.map { String(format: "%02x", $0) }.joined(), "534c554943454958" + "01000000" + "00000000")
  }

  func testSegmentWithAnotherVersionIsRefused() throws {
    let log = TemporaryLog(for: self)
    let store = try log.store()
    try store.createTopic("t", partitions: 1)
    try store.openWriter(topic: "t").close()
    let path = log.partitionDirectory("t", 0) + "/00000000000000000000.log"
    try log.flipByte(path, at: 8, mask: 0x03)  // version 1 → 2
    assertLogError(.unsupportedFormat, ["segment format version 2"]) {
      try store.read(topic: "t", partition: 0, from: 0, maxRecords: 1)
    }
    try log.flipByte(path, at: 0, mask: 0x20)  // magic
    assertLogError(.corruptLog, ["not a Sluice log segment"]) { try store.openWriter(topic: "t") }
  }
}
