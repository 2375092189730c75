import XCTest

@testable import SluiceCompression

/// Truncated and corrupted streams fail with a coded error naming the format (never a crash,
/// never silently wrong output).
final class CorruptInputTests: XCTestCase {
  typealias Decoder = (UnsafeRawBufferPointer) throws -> [UInt8]

  let decoders: [(String, String, Decoder)] = [
    ("payload.snappy-raw.bin", "snappy", { try Snappy.decompressRaw($0) }),
    ("payload.snappy-xerial.bin", "snappy (xerial framing)", { try Snappy.decompressXerial($0) }),
    ("payload.lz4-linked-checksums-size.bin", "lz4 frame", { try LZ4.decompressFrame($0) }),
    ("payload.lz4-independent.bin", "lz4 frame", { try LZ4.decompressFrame($0) }),
    ("payload.zstd-nosize.bin", "zstd", { try Zstd.decompress($0) }),
    ("payload.gzip-two-members.bin", "gzip", { try Gzip.decompress($0) }),
  ]

  func testEveryTruncationFailsClearly() throws {
    for (name, format, decode) in decoders {
      let stream = try FixtureFile.bytes(name)
      let payload = try FixtureFile.bytes("payload.bin")
      // Every cut in the first 80 bytes (headers), then 40 cuts spread over the rest.
      let cuts =
        Array(0..<min(80, stream.count)) + Array(stride(from: 80, to: stream.count, by: stream.count / 40))
      for cut in cuts {
        do {
          let output = try Array(stream[0..<cut]).withUnsafeBytes { try decode($0) }
          // A cut exactly between gzip members / zstd frames is a valid, shorter stream.
          XCTAssertTrue(payload.starts(with: output) && output.count < payload.count, "\(name) cut at \(cut)")
        } catch let error as CompressionError {
          // No bytes at all cannot be told apart from an empty raw snappy block.
          if cut > 0 { XCTAssertEqual(error.format, format, "\(name) cut at \(cut)") }
          XCTAssertTrue([.truncated, .corrupt].contains(error.code), "\(name) cut at \(cut): \(error)")
        }
      }
    }
  }

  func testFlippedBytesAreDetectedOrHarmless() throws {
    // Checksummed formats must detect every flip; the others must not crash.
    for (name, format, decode) in decoders {
      let stream = try FixtureFile.bytes(name)
      let payload = try FixtureFile.bytes("payload.bin")
      let checksummed = format == "lz4 frame" || format == "gzip"
      for position in stride(from: 0, to: stream.count, by: max(1, stream.count / 20)) {
        var damaged = stream
        damaged[position] ^= 0x5A
        do {
          let output = try damaged.withUnsafeBytes { try decode($0) }
          if checksummed { XCTAssertEqual(output, payload, "\(name): flip at \(position) went unnoticed") }
        } catch is CompressionError {
        }
      }
    }
  }

  func testLZ4HeaderChecksumMismatchNamesTheByte() throws {
    var frame = try FixtureFile.bytes("payload.lz4-independent.bin")
    // Magic (4), FLG, BD, content size (8, when FLG bit 3 is set), then the header checksum.
    let checksumAt = 6 + (frame[4] & 0x08 != 0 ? 8 : 0)
    frame[checksumAt] ^= 0xFF
    XCTAssertThrowsError(try frame.withUnsafeBytes { try LZ4.decompressFrame($0) }) { error in
      let error = error as? CompressionError
      XCTAssertEqual(error?.code, .corrupt)
      XCTAssertEqual(error?.byteOffset, checksumAt)
      XCTAssertTrue(error?.description.contains("header checksum") ?? false, "\(String(describing: error))")
    }
  }

  func testSnappyCopyBeforeStartIsCorrupt() {
    // Declared 8 bytes; a 1-byte-offset copy of length 4 at offset 1 with nothing decoded yet.
    let block: [UInt8] = [8, 0b000_000_01, 1]
    XCTAssertThrowsError(try block.withUnsafeBytes { try Snappy.decompressRaw($0) }) { error in
      XCTAssertEqual((error as? CompressionError)?.code, .corrupt)
      XCTAssertEqual((error as? CompressionError)?.byteOffset, 1)
    }
  }

  func testNotAnLZ4Frame() {
    let bytes: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8]
    XCTAssertThrowsError(try bytes.withUnsafeBytes { try LZ4.decompressFrame($0) }) { error in
      XCTAssertEqual((error as? CompressionError)?.code, .corrupt)
      XCTAssertTrue("\(error)".contains("magic"), "\(error)")
    }
  }

  func testZstdFrameWithContentSizeCutOrDamaged() throws {
    let payload = compressibleBytes(50_000)
    let frame = try Zstd.compress(payload)
    for cut in stride(from: 0, to: frame.count, by: 7) {
      XCTAssertThrowsError(try Array(frame[0..<cut]).withUnsafeBytes { try Zstd.decompress($0) }, "cut at \(cut)") {
        XCTAssertEqual(($0 as? CompressionError)?.format, "zstd")
      }
    }
    var damaged = frame
    damaged[frame.count / 2] ^= 0xFF
    do {
      let output = try damaged.withUnsafeBytes { try Zstd.decompress($0) }
      XCTAssertNotEqual(output, payload, "zstd has no content checksum here, but the data must differ")
    } catch {
      XCTAssertEqual((error as? CompressionError)?.code, .corrupt)
    }
    // Contexts are pooled: many calls keep working.
    for _ in 0..<20 { XCTAssertEqual(try frame.withUnsafeBytes { try Zstd.decompress($0) }, payload) }
  }
}
