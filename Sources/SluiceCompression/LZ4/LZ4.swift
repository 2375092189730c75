/// LZ4: the frame format (magic `0x184D2204`) Kafka's `lz4` codec uses, and raw blocks.
public enum LZ4 {
  static let frameFormat = "lz4 frame"
  static let blockFormat = "lz4 block"
  static let frameMagic: UInt32 = 0x184D_2204

  /// Decompresses one or more LZ4 frames (skippable frames are skipped). Handles independent and
  /// linked blocks, uncompressed blocks, block and content checksums (verified), content size.
  public static func decompressFrame(_ input: UnsafeRawBufferPointer, limit: Int = Int.max) throws -> [UInt8]
  {
    var output: [UInt8] = []
    var position = 0
    repeat {
      position = try LZ4FrameDecoder.decodeFrame(input, at: position, into: &output, limit: limit)
    } while position < input.count
    return output
  }

  /// Decompresses one raw LZ4 block, appending to `output` (earlier bytes of `output` may be
  /// referenced by matches: the dictionary of linked blocks). At most `maxOutput` bytes are added.
  public static func decompressBlock(
    _ input: UnsafeRawBufferPointer, into output: inout [UInt8], maxOutput: Int
  ) throws {
    try LZ4BlockDecoder.decode(
      input, into: &output, maxOutput: maxOutput, windowStart: 0, origin: 0, format: blockFormat)
  }

  /// Compresses `input` into one raw LZ4 block.
  public static func compressBlock(_ input: [UInt8]) -> [UInt8] {
    var output: [UInt8] = []
    input.withUnsafeBytes { LZ4BlockEncoder.encode($0, into: &output) }
    return output
  }

  /// Compresses `input` into one LZ4 frame (independent 64 KB blocks, content checksum; optional
  /// block checksums and content size) — for tests and fixtures.
  public static func compressFrame(
    _ input: [UInt8], blockChecksums: Bool = false, contentSize: Bool = false
  ) -> [UInt8] {
    var output: [UInt8] = []
    func appendLE(_ value: UInt32) {
      withUnsafeBytes(of: value.littleEndian) { output.append(contentsOf: $0) }
    }
    appendLE(frameMagic)
    let descriptorStart = output.count
    // Version 01, independent blocks, content checksum; block max size 64 KB.
    var flags: UInt8 = 0x40 | 0x20 | 0x04
    if blockChecksums { flags |= 0x10 }
    if contentSize { flags |= 0x08 }
    output.append(flags)
    output.append(0x40)
    if contentSize {
      withUnsafeBytes(of: UInt64(input.count).littleEndian) { output.append(contentsOf: $0) }
    }
    let headerChecksum = output.withUnsafeBytes {
      XXHash32.hash(UnsafeRawBufferPointer(rebasing: $0[descriptorStart...]))
    }
    output.append(UInt8((headerChecksum >> 8) & 0xFF))
    input.withUnsafeBytes { raw in
      var start = 0
      var block: [UInt8] = []
      while start < raw.count {
        let end = min(raw.count, start + 64 * 1024)
        let piece = UnsafeRawBufferPointer(rebasing: raw[start..<end])
        block.removeAll(keepingCapacity: true)
        LZ4BlockEncoder.encode(piece, into: &block)
        if block.count < piece.count {
          appendLE(UInt32(block.count))
          output.append(contentsOf: block)
          if blockChecksums { appendLE(XXHash32.hash(block)) }
        } else {
          // Incompressible: store the bytes (high bit of the size set).
          appendLE(UInt32(piece.count) | 0x8000_0000)
          output.append(contentsOf: piece)
          if blockChecksums { appendLE(XXHash32.hash(piece)) }
        }
        start = end
      }
      appendLE(0)
      appendLE(XXHash32.hash(raw))
    }
    return output
  }
}
