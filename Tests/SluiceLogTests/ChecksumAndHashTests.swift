import XCTest

@testable import SluiceLog

final class CRC32CTests: XCTestCase {
  func testKnownVectors() {
    XCTAssertEqual(CRC32C.checksum(bytes("123456789")), 0xE306_9283)
    XCTAssertEqual(CRC32C.checksum([UInt8]()), 0)
    // RFC 3720, appendix B.4.
    XCTAssertEqual(CRC32C.checksum([UInt8](repeating: 0, count: 32)), 0x8A91_36AA)
    XCTAssertEqual(CRC32C.checksum([UInt8](repeating: 0xFF, count: 32)), 0x62A8_AB43)
    XCTAssertEqual(CRC32C.checksum((0..<32).map { UInt8($0) }), 0x46DD_794E)
    XCTAssertEqual(CRC32C.checksum((0..<32).map { UInt8(31 - $0) }), 0x113F_DB5C)
  }

  func testSlicedLoopAgreesWithBytewiseDefinitionForEveryLengthAndAlignment() {
    let data = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }
    func bitwise(_ bytes: ArraySlice<UInt8>) -> UInt32 {
      var crc: UInt32 = 0xFFFF_FFFF
      for b in bytes {
        crc ^= UInt32(b)
        for _ in 0..<8 { crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
      }
      return ~crc
    }
    for start in 0..<9 {
      for end in stride(from: start, through: data.count, by: 5) {
        let slice = data[start..<end]
        let fast = slice.withUnsafeBytes { CRC32C.checksum($0) }
        XCTAssertEqual(fast, bitwise(slice), "bytes \(start)..<\(end)")
      }
    }
  }

  func testActiveImplementationAgreesWithTheTableOne() {
    var generator = SystemRandomNumberGenerator()
    for length in [0, 1, 7, 8, 9, 15, 16, 17, 63, 650, 4099] {
      let data = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
      data.withUnsafeBytes { raw in
        XCTAssertEqual(CRC32C.update(0, raw), CRC32C.tableUpdate(0, raw), "length \(length)")
        XCTAssertEqual(CRC32C.update(0x1234_5678, raw), CRC32C.tableUpdate(0x1234_5678, raw))
      }
    }
  }

  func testUpdateContinuesAChecksum() {
    let data = bytes("the quick brown fox jumps over the lazy dog")
    let whole = CRC32C.checksum(data)
    let split = data.withUnsafeBytes { raw in
      CRC32C.update(
        CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[..<13])),
        UnsafeRawBufferPointer(rebasing: raw[13...]))
    }
    XCTAssertEqual(split, whole)
  }
}

final class Murmur2Tests: XCTestCase {
  /// Kafka's own vectors (clients/.../common/utils/UtilsTest.testMurmur2).
  func testKafkaVectors() {
    let cases: [(String, Int32)] = [
      ("21", -973_932_308),
      ("foobar", -790_332_482),
      ("a-little-bit-long-string", -985_981_536),
      ("a-little-bit-longer-string", -1_486_304_829),
      ("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", -58_897_971),
      ("abc", 479_470_107),
      ("", 275_646_681),
    ]
    for (key, expected) in cases {
      XCTAssertEqual(Murmur2.hash(bytes(key)), expected, key)
    }
  }

  func testPartitionIsToPositiveModuloPartitions() {
    // toPositive(-973932308) = 1173551340; % 10 = 0, % 7 = 1173551340 % 7.
    XCTAssertEqual(Murmur2.toPositive(-973_932_308), 1_173_551_340)
    XCTAssertEqual(Murmur2.partition(for: bytes("21"), partitions: 10), 0)
    XCTAssertEqual(Murmur2.partition(for: bytes("21"), partitions: 7), Int32(1_173_551_340 % 7))
    XCTAssertEqual(Murmur2.toPositive(Int32.min), 0)
    XCTAssertEqual(Murmur2.partition(for: bytes("abc"), partitions: 1), 0)
  }
}
