import XCTest

@testable import Parquet

/// The raw Snappy decompressor: hand-made and pyarrow-made vectors, malformed input.
final class SnappyTests: XCTestCase {
  private func decompress(_ bytes: [UInt8], size: Int) throws -> [UInt8] {
    try bytes.withParquetBytes { raw throws(ParquetError) in
      try SnappyDecompressor.decompress(raw, expectedSize: size, what: "test")
    }
  }

  private func hex(_ text: String) -> [UInt8] {
    var bytes: [UInt8] = []
    var index = text.startIndex
    while index < text.endIndex {
      let next = text.index(index, offsetBy: 2)
      bytes.append(UInt8(text[index..<next], radix: 16)!)
      index = next
    }
    return bytes
  }

  func testKnownVectors() throws {
    XCTAssertEqual(try decompress([0x00], size: 0), [])
    XCTAssertEqual(try decompress([0x01, 0x00, 0x61], size: 1), Array("a".utf8))
    // Literal "abc" then a 1-byte-offset copy (offset 3, length 9) that overlaps itself.
    XCTAssertEqual(
      try decompress([0x0C, 0x08, 0x61, 0x62, 0x63, 0x15, 0x03], size: 12), Array("abcabcabcabc".utf8))
    // pyarrow: "hello hello hello hello hello world" (2-byte-offset copy).
    let hello = hex("231468656c6c6f205e060010776f726c64")
    XCTAssertEqual(try decompress(hello, size: 35), Array("hello hello hello hello hello world".utf8))
    // 4-byte-offset copy and a literal with a 1-byte length (60 → 61..256 bytes).
    var long: [UInt8] = [0x48, 0xF0, 0x3F] + Array(repeating: 0x7A, count: 64)
    long += [0x1F, 0x40, 0x00, 0x00, 0x00]  // copy length 8, offset 64
    XCTAssertEqual(try decompress(long, size: 72), Array(repeating: 0x7A, count: 72))
  }

  func testVectorsCompressedByPyarrow() throws {
    let script = """
      import pyarrow as pa, json, random
      random.seed(7)
      words = [b"alpha", b"beta", b"gamma", b"delta", b"\\x00\\xff", b"pin"]
      out = []
      for n in [1, 10, 100, 1000, 70000, 200000]:
          data = b" ".join(random.choice(words) for _ in range(n))[:n * 3]
          if n == 70000:
              data = bytes(random.getrandbits(8) for _ in range(n))
          out.append([data.hex(), pa.compress(data, codec="snappy", asbytes=True).hex()])
      print(json.dumps({"vectors": out}))
      """
    let json = try XCTUnwrap(InteropPython.json(script, []))
    let vectors = try XCTUnwrap(json["vectors"] as? [[String]])
    XCTAssertEqual(vectors.count, 6)
    for pair in vectors {
      let original = hex(pair[0])
      XCTAssertEqual(try decompress(hex(pair[1]), size: original.count), original, "\(original.count) bytes")
    }
  }

  func testMalformedInputs() {
    let cases: [([UInt8], Int, String)] = [
      ([0x05, 0x10, 0x61], 5, "literal cut off"),
      ([0x04, 0x01, 0x00, 0x05, 0x01], 4, "copy before any output"),
      ([0x03, 0x00, 0x61, 0x09, 0x05], 3, "offset beyond output"),
      ([0x02, 0x04, 0x61, 0x62], 3, "declared length differs"),
      ([0x03, 0x04, 0x61, 0x62], 3, "ends early"),
      ([0x80], 0, "no length"),
    ]
    for (bytes, size, label) in cases {
      XCTAssertThrowsError(try decompress(bytes, size: size), label) { error in
        XCTAssertEqual((error as? ParquetError)?.code, .corrupt, label)
      }
    }
  }
}
