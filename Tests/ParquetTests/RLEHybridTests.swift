import XCTest

@testable import Parquet

/// RLE / bit-packing hybrid: reference vectors, round trips for every width, decoder errors.
final class RLEHybridTests: XCTestCase {
  private func encode(_ values: [UInt32], width: Int) -> [UInt8] {
    var output: [UInt8] = []
    RLEHybridEncoder.encode(values, bitWidth: width, into: &output)
    return output
  }

  private func decode(_ bytes: [UInt8], width: Int, count: Int) throws -> [UInt32] {
    var values: [UInt32] = []
    try bytes.withParquetBytes { raw throws(ParquetError) in
      try RLEHybridDecoder.decode(raw, bitWidth: width, count: count, into: &values, what: "test")
    }
    return values
  }

  func testReferenceVectors() throws {
    XCTAssertEqual(encode(Array(repeating: 1, count: 8), width: 1), [0x10, 0x01])
    var block: [UInt8] = []
    RLEHybridEncoder.encodeLengthPrefixed(Array(repeating: 1, count: 8), bitWidth: 1, into: &block)
    XCTAssertEqual(block, [0x02, 0x00, 0x00, 0x00, 0x10, 0x01])
    XCTAssertEqual(encode([1, 0, 1, 1, 0, 0, 0, 1], width: 1), [0x03, 0x8D])
    XCTAssertEqual(encode(Array(0..<8), width: 3), [0x03, 0x88, 0xC6, 0xFA])
    XCTAssertEqual(try decode([0x03, 0x88, 0xC6, 0xFA], width: 3, count: 8), Array(0..<8))
    // Width 0: every value is 0, one RLE run without value bytes (a final run may be short).
    XCTAssertEqual(encode(Array(repeating: 0, count: 5), width: 0), [0x0A])
    XCTAssertEqual(try decode([0x0A], width: 0, count: 5), Array(repeating: 0, count: 5))
    // A partial final group is padded; the reader stops at the count.
    XCTAssertEqual(encode([1, 2, 3], width: 2), [0x03, 0x39, 0x00])
    XCTAssertEqual(try decode([0x03, 0x39, 0x00], width: 2, count: 3), [1, 2, 3])
  }

  func testRoundTripsForEveryWidth() throws {
    var state: UInt64 = 12345
    func random() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 17
    }
    for width in 0...32 {
      let mask: UInt64 = width == 0 ? 0 : (width == 32 ? 0xFFFF_FFFF : (1 << UInt64(width)) - 1)
      var values: [UInt32] = []
      // Mix of literals, runs just below and above 8, long runs and the extremes.
      for segment in 0..<60 {
        let value = UInt32(random() & mask)
        let length = [1, 3, 7, 8, 9, 15, 16, 100][segment % 8]
        if segment % 3 == 0 {
          values += Array(repeating: value, count: length)
        } else {
          for _ in 0..<length { values.append(UInt32(random() & mask)) }
        }
      }
      values += [UInt32(mask), 0, UInt32(mask)]
      let encoded = encode(values, width: width)
      XCTAssertEqual(try decode(encoded, width: width, count: values.count), values, "width \(width)")
    }
  }

  func testLongRunsUseRLE() {
    let values: [UInt32] = Array(repeating: 5, count: 10_000) + [1, 2, 3] + Array(repeating: 7, count: 1000)
    let encoded = encode(values, width: 3)
    XCTAssertLessThan(encoded.count, 16, "runs must be RLE-encoded: \(encoded)")
  }

  func testLevelsAsUInt8() throws {
    let levels: [UInt8] = [0, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 0, 3]
    var encoded: [UInt8] = []
    RLEHybridEncoder.encode(levels, bitWidth: 2, into: &encoded)
    var decoded: [UInt8] = []
    try encoded.withParquetBytes { raw throws(ParquetError) in
      try RLEHybridDecoder.decode(raw, bitWidth: 2, count: levels.count, into: &decoded, what: "levels")
    }
    XCTAssertEqual(decoded, levels)
  }

  func testDecoderErrors() {
    XCTAssertThrowsError(try decode([], width: 1, count: 1)) { error in
      XCTAssertEqual((error as? ParquetError)?.code, .truncated)
    }
    XCTAssertThrowsError(try decode([0x05, 0xFF], width: 8, count: 16)) { error in  // 2 groups, 1 byte
      XCTAssertEqual((error as? ParquetError)?.code, .truncated)
    }
    XCTAssertThrowsError(try decode([0x00], width: 1, count: 1)) { error in  // RLE run of length 0
      XCTAssertEqual((error as? ParquetError)?.code, .corrupt)
    }
    XCTAssertThrowsError(try decode([0x02, 0x05], width: 2, count: 1)) { error in  // value 5 > 2 bits
      XCTAssertEqual((error as? ParquetError)?.code, .corrupt)
    }
    XCTAssertThrowsError(try decode([0x02, 0x01], width: 33, count: 1)) { error in
      XCTAssertEqual((error as? ParquetError)?.code, .corrupt)
    }
  }
}
