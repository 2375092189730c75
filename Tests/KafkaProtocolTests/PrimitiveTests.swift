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
}
