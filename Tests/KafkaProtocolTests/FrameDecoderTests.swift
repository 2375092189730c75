import XCTest

@testable import KafkaProtocol

final class FrameDecoderTests: XCTestCase {
  /// Three frames (sizes 0, 5 and 70 000) back to back.
  let frames: [[UInt8]] = [[], [1, 2, 3, 4, 5], (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }]

  var stream: [UInt8] {
    frames.flatMap { frame -> [UInt8] in
      var writer = KafkaWriter()
      writer.writeInt32(Int32(frame.count))
      writer.writeRaw(frame)
      return writer.bytes
    }
  }

  func drain(_ decoder: inout KafkaFrameDecoder, into out: inout [[UInt8]]) throws {
    while let frame = try decoder.nextFrame() { out.append(frame) }
  }

  func testOneByteAtATime() throws {
    var decoder = KafkaFrameDecoder()
    var out: [[UInt8]] = []
    for byte in stream {
      decoder.feed([byte])
      try drain(&decoder, into: &out)
    }
    XCTAssertEqual(out, frames)
    XCTAssertEqual(decoder.bufferedByteCount, 0)
  }

  func testRandomSplits() throws {
    var generator = SystemRandomNumberGenerator()
    let bytes = stream
    for _ in 0..<50 {
      var decoder = KafkaFrameDecoder()
      var out: [[UInt8]] = []
      var start = 0
      while start < bytes.count {
        let end = min(bytes.count, start + Int.random(in: 1...9000, using: &generator))
        bytes[start..<end].withUnsafeBytes { decoder.feed($0) }
        try drain(&decoder, into: &out)
        start = end
      }
      XCTAssertEqual(out, frames)
    }
  }

  func testEverySplitPoint() throws {
    let bytes = Array(stream.prefix(4 + 0 + 4 + 5 + 4 + 100))  // two full frames + a partial third
    for cut in 0...bytes.count {
      var decoder = KafkaFrameDecoder()
      var out: [[UInt8]] = []
      decoder.feed(bytes[0..<cut])
      try drain(&decoder, into: &out)
      decoder.feed(bytes[cut...])
      try drain(&decoder, into: &out)
      XCTAssertEqual(out, Array(frames.prefix(2)), "cut at \(cut)")
      XCTAssertEqual(decoder.bufferedByteCount, 104)
    }
  }

  func testFrameAboveTheLimitIsRejected() {
    var decoder = KafkaFrameDecoder(maxFrameSize: 1000)
    decoder.feed([0, 0, 0x03, 0xE9])  // 1001
    XCTAssertThrowsError(try decoder.nextFrame()) { error in
      XCTAssertEqual((error as? KafkaProtocolError)?.code, .frameTooLarge)
      XCTAssertTrue("\(error)".contains("1001"), "\(error)")
    }
    var negative = KafkaFrameDecoder()
    negative.feed([0xFF, 0xFF, 0xFF, 0xFF])
    XCTAssertThrowsError(try negative.nextFrame())
  }

  func testHTTPResponseIsNotMistakenForAFrame() {
    // "HTTP" read as a size is 1 213 486 160 bytes: above the default limit.
    var decoder = KafkaFrameDecoder()
    decoder.feed(Array("HTTP/1.1 400 Bad Request\r\n".utf8))
    XCTAssertThrowsError(try decoder.nextFrame())
  }
}
