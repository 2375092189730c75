import XCTest

@testable import KafkaProtocol

final class PrimitiveTests: XCTestCase {
  func testVarintsRoundTrip() throws {
    var writer = KafkaWriter()
    let ints: [Int32] = [0, 1, -1, 63, -64, 64, 300, -300, .max, .min]
    let longs: [Int64] = [0, 1, -1, 1 << 40, -(1 << 40), .max, .min]
    for v in ints { writer.writeVarint(v) }
    for v in longs { writer.writeVarlong(v) }
    writer.writeUnsignedVarint(.max)
    var reader = KafkaReader(writer.bytes)
    for v in ints { XCTAssertEqual(try reader.readVarint("int"), v) }
    for v in longs { XCTAssertEqual(try reader.readVarlong("long"), v) }
    XCTAssertEqual(try reader.readUnsignedVarint("uvarint"), .max)
    XCTAssertTrue(reader.isAtEnd)
  }

  func testZigzagMatchesTheProtobufEncoding() {
    var writer = KafkaWriter()
    writer.writeVarint(-1)
    writer.writeVarint(1)
    writer.writeVarint(-64)
    writer.writeVarint(64)
    XCTAssertEqual(writer.bytes, [0x01, 0x02, 0x7F, 0x80, 0x01])
  }

  func testStringsBytesAndArraysInBothEncodings() throws {
    for compact in [false, true] {
      var writer = KafkaWriter()
      writer.writeString("héllo", compact: compact)
      writer.writeNullableString(nil, compact: compact)
      writer.writeNullableString("", compact: compact)
      writer.writeBytes([1, 2, 3], compact: compact)
      writer.writeNullableBytes(nil, compact: compact)
      writer.writeArray([7, 8, 9] as [Int32], compact: compact) { $0.writeInt32($1) }
      writer.writeNullableArray(nil as [Int32]?, compact: compact) { $0.writeInt32($1) }
      writer.writeUUID(KafkaUUID(high: 1, low: 2))
      var reader = KafkaReader(writer.bytes)
      XCTAssertEqual(try reader.readString("s", compact: compact), "héllo")
      XCTAssertNil(try reader.readNullableString("n", compact: compact))
      XCTAssertEqual(try reader.readNullableString("e", compact: compact), "")
      XCTAssertEqual(Array(try reader.readBytes("b", compact: compact)), [1, 2, 3])
      XCTAssertNil(try reader.readNullableBytes("nb", compact: compact))
      XCTAssertEqual(try reader.readArray("a", compact: compact) { try $0.readInt32("x") }, [7, 8, 9])
      XCTAssertNil(try reader.readNullableArray("na", compact: compact) { try $0.readInt32("x") })
      XCTAssertEqual(try reader.readUUID("uuid"), KafkaUUID(high: 1, low: 2))
      XCTAssertTrue(reader.isAtEnd)
    }
  }

  func testCompactStringIsLengthPlusOne() {
    var writer = KafkaWriter()
    writer.writeString("ab", compact: true)
    writer.writeNullableString(nil, compact: true)
    XCTAssertEqual(writer.bytes, [3, 0x61, 0x62, 0])
  }

  func testUnknownTaggedFieldsAreSkipped() throws {
    var writer = KafkaWriter()
    writer.writeTaggedFields([(tag: 5, value: [1, 2, 3]), (tag: 0, value: [9]), (tag: 300, value: [])])
    writer.writeInt32(77)
    var reader = KafkaReader(writer.bytes)
    var seen: [UInt32] = []
    try reader.readTaggedFields("tags") { tag, value in
      seen.append(tag)
      if tag == 0 { XCTAssertEqual(try value.readInt8("tag 0"), 9) }
    }
    XCTAssertEqual(seen, [0, 5, 300], "tags are written ascending")
    XCTAssertEqual(try reader.readInt32("after tags"), 77)
  }

  func testTruncationNamesTheFieldAndPosition() {
    var reader = KafkaReader([0, 0, 0, 1, 0, 5, 0x61])
    XCTAssertNoThrow(try reader.readInt32("count"))
    XCTAssertThrowsError(try reader.readString("topic name")) { error in
      let error = error as? KafkaProtocolError
      XCTAssertEqual(error?.code, .truncated)
      XCTAssertEqual(
        error?.message, "truncated Kafka data: reading topic name at byte 6 needs 5 bytes, only 1 left")
    }
  }

  func testOversizedArrayCountIsRejectedBeforeAllocating() {
    var reader = KafkaReader([0x7F, 0xFF, 0xFF, 0xFF, 1, 2])
    XCTAssertThrowsError(try reader.readArray("partitions") { try $0.readInt8("x") }) { error in
      XCTAssertEqual((error as? KafkaProtocolError)?.code, .truncated)
    }
  }

  func testOverlongVarintIsMalformed() {
    var reader = KafkaReader([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01])
    XCTAssertThrowsError(try reader.readUnsignedVarint("count")) { error in
      XCTAssertEqual((error as? KafkaProtocolError)?.code, .malformed)
    }
  }

  func testInvalidUTF8IsMalformed() {
    var reader = KafkaReader([0, 2, 0xC3, 0x28])
    XCTAssertThrowsError(try reader.readString("topic")) { error in
      XCTAssertEqual((error as? KafkaProtocolError)?.code, .malformed)
    }
  }
}
