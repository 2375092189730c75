import XCTest

@testable import SluiceCompression

/// Our compressors' output decodes with our decompressors, for empty, tiny, compressible,
/// incompressible and multi-block inputs.
final class RoundTripTests: XCTestCase {
  let inputs: [(String, [UInt8])] = [
    ("empty", []),
    ("one byte", [42]),
    ("short", Array("hello hello hello".utf8)),
    ("run", [UInt8](repeating: 7, count: 10_000)),
    ("text", compressibleBytes(200_000)),
    ("noise", deterministicBytes(70_000)),
    ("mixed", compressibleBytes(30_000) + deterministicBytes(5_000) + compressibleBytes(90_000)),
  ]

  func roundTrip(
    _ compress: ([UInt8]) throws -> [UInt8], _ decompress: (UnsafeRawBufferPointer) throws -> [UInt8],
    _ codec: String
  ) throws {
    for (name, input) in inputs {
      let compressed = try compress(input)
      let output = try compressed.withUnsafeBytes { try decompress($0) }
      XCTAssertEqual(output, input, "\(codec) \(name)")
      if name == "text" { XCTAssertLessThan(compressed.count, input.count / 3, "\(codec) compresses text") }
    }
  }

  func testSnappyRaw() throws {
    try roundTrip({ Snappy.compressRaw($0) }, { try Snappy.decompressRaw($0) }, "snappy raw")
  }

  func testSnappyXerial() throws {
    try roundTrip({ Snappy.compressXerial($0) }, { try Snappy.decompressXerial($0) }, "snappy xerial")
  }

  func testLZ4Frame() throws {
    try roundTrip({ LZ4.compressFrame($0) }, { try LZ4.decompressFrame($0) }, "lz4 frame")
    try roundTrip(
      { LZ4.compressFrame($0, blockChecksums: true, contentSize: true) }, { try LZ4.decompressFrame($0) },
      "lz4 frame with checksums and size")
  }

  func testLZ4Block() throws {
    try roundTrip(
      { LZ4.compressBlock($0) },
      { input in
        var output: [UInt8] = []
        try LZ4.decompressBlock(input, into: &output, maxOutput: 1 << 20)
        return output
      }, "lz4 block")
  }

  func testZstd() throws {
    try roundTrip({ try Zstd.compress($0) }, { try Zstd.decompress($0) }, "zstd")
  }

  func testGzip() throws {
    try roundTrip({ try Gzip.compress($0) }, { try Gzip.decompress($0) }, "gzip")
  }

  func testXXHash32KnownValues() {
    // Reference values of XXH32 with seed 0.
    XCTAssertEqual(XXHash32.hash([]), 0x02CC_5D05)
    XCTAssertEqual(XXHash32.hash(Array("a".utf8)), 0x550D_7456)
    XCTAssertEqual(XXHash32.hash(Array("abc".utf8)), 0x32D1_53FF)
    XCTAssertEqual(
      XXHash32.hash(Array("Nobody inspects the spammish repetition".utf8)), 0xE229_3B2F)
  }
}
