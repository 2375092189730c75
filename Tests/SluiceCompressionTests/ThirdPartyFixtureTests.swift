import XCTest

@testable import SluiceCompression

/// Streams produced by python-snappy, kafka-python's xerial framing, python-lz4, zstandard and
/// Python's gzip decode to the original payload.
final class ThirdPartyFixtureTests: XCTestCase {
  func decode(_ name: String, _ decoder: (UnsafeRawBufferPointer) throws -> [UInt8]) throws -> [UInt8] {
    try FixtureFile.bytes(name).withUnsafeBytes { try decoder($0) }
  }

  func testSnappyRawAndXerial() throws {
    let payload = try FixtureFile.bytes("payload.bin")
    XCTAssertEqual(try decode("payload.snappy-raw.bin") { try Snappy.decompressRaw($0) }, payload)
    XCTAssertEqual(try decode("payload.snappy-xerial.bin") { try Snappy.decompressXerial($0) }, payload)
    // Xerial decoding falls back to raw snappy when the magic is absent (librdkafka's framing).
    XCTAssertEqual(try decode("payload.snappy-raw.bin") { try Snappy.decompressXerial($0) }, payload)
  }

  func testLZ4FrameVariants() throws {
    let payload = try FixtureFile.bytes("payload.bin")
    for name in [
      "payload.lz4-independent.bin", "payload.lz4-linked-checksums-size.bin",
      "payload.lz4-256k-nochecksum.bin",
    ] {
      XCTAssertEqual(try decode(name) { try LZ4.decompressFrame($0) }, payload, name)
    }
    XCTAssertEqual(
      try decode("noise.lz4.bin") { try LZ4.decompressFrame($0) }, try FixtureFile.bytes("noise.bin"))
  }

  func testZstdWithoutContentSizeAndConcatenatedFrames() throws {
    let payload = try FixtureFile.bytes("payload.bin")
    XCTAssertEqual(try decode("payload.zstd-nosize.bin") { try Zstd.decompress($0) }, payload)
    XCTAssertEqual(try decode("payload.zstd-two-frames.bin") { try Zstd.decompress($0) }, payload)
  }

  func testGzipConcatenatedMembers() throws {
    let payload = try FixtureFile.bytes("payload.bin")
    XCTAssertEqual(try decode("payload.gzip-two-members.bin") { try Gzip.decompress($0) }, payload)
  }

  func testLimitStopsOversizedOutput() throws {
    for (name, decoder) in [
      (
        "payload.lz4-independent.bin",
        { (b: UnsafeRawBufferPointer) in try LZ4.decompressFrame(b, limit: 1000) }
      ),
      ("payload.snappy-xerial.bin", { try Snappy.decompressXerial($0, limit: 1000) }),
      ("payload.zstd-nosize.bin", { try Zstd.decompress($0, limit: 1000) }),
      ("payload.gzip-two-members.bin", { try Gzip.decompress($0, limit: 1000) }),
    ] as [(String, (UnsafeRawBufferPointer) throws -> [UInt8])] {
      XCTAssertThrowsError(try decode(name, decoder), name) { error in
        XCTAssertEqual((error as? CompressionError)?.code, .tooLarge, "\(name): \(error)")
      }
    }
  }
}
