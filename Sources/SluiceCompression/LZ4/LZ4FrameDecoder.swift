/// Decodes one LZ4 frame (or skips one skippable frame): magic, frame descriptor (FLG, BD,
/// optional content size and dictionary id, header checksum), data blocks (compressed or stored,
/// optional block checksums), end mark, optional content checksum.
enum LZ4FrameDecoder {
  static let format = LZ4.frameFormat

  static func fail(_ code: CompressionError.Code, _ at: Int, _ message: String) -> CompressionError {
    CompressionError(code, format: format, at: at, message)
  }

  static func uint32(_ input: UnsafeRawBufferPointer, _ at: Int, _ what: String) throws -> UInt32 {
    guard input.count - at >= 4 else {
      throw fail(.truncated, at, "\(what) needs 4 bytes, \(max(0, input.count - at)) left")
    }
    return UInt32(littleEndian: input.loadUnaligned(fromByteOffset: at, as: UInt32.self))
  }

  /// Decodes the frame at `start`, appending to `output`; returns the position after the frame.
  static func decodeFrame(
    _ input: UnsafeRawBufferPointer, at start: Int, into output: inout [UInt8], limit: Int
  ) throws -> Int {
    var position = start
    let magic = try uint32(input, position, "the frame magic number")
    position += 4
    if magic & 0xFFFF_FFF0 == 0x184D_2A50 {
      let size = Int(try uint32(input, position, "a skippable frame's size"))
      position += 4
      guard size <= input.count - position else {
        throw fail(.truncated, position, "a skippable frame of \(size) bytes is cut off")
      }
      return position + size
    }
    guard magic == LZ4.frameMagic else {
      throw fail(
        .corrupt, start, "magic number 0x\(String(magic, radix: 16)) is not an LZ4 frame's (0x184d2204)")
    }
    guard input.count - position >= 3 else {
      throw fail(.truncated, position, "the frame descriptor is cut off")
    }
    let descriptorStart = position
    let flags = input[position]
    let bd = input[position + 1]
    position += 2
    guard flags >> 6 == 0b01 else {
      throw fail(.unsupported, descriptorStart, "frame version \(flags >> 6) (only version 1 exists)")
    }
    guard flags & 0x02 == 0, bd & 0x8F == 0 else {
      throw fail(.corrupt, descriptorStart, "reserved descriptor bits are set")
    }
    let independent = flags & 0x20 != 0
    let blockChecksum = flags & 0x10 != 0
    let hasContentSize = flags & 0x08 != 0
    let contentChecksum = flags & 0x04 != 0
    let hasDictionary = flags & 0x01 != 0
    let blockMaxCode = Int(bd >> 4) & 0x07
    guard blockMaxCode >= 4 else {
      throw fail(.corrupt, descriptorStart + 1, "block maximum size code \(blockMaxCode) is not 4…7")
    }
    let blockMax = 1 << (8 + 2 * blockMaxCode)
    var contentSize: UInt64?
    if hasContentSize {
      guard input.count - position >= 8 else {
        throw fail(.truncated, position, "the content size is cut off")
      }
      contentSize = UInt64(littleEndian: input.loadUnaligned(fromByteOffset: position, as: UInt64.self))
      position += 8
    }
    if hasDictionary {
      throw fail(.unsupported, position, "frames compressed with a dictionary (dictionary id set)")
    }
    guard position < input.count else { throw fail(.truncated, position, "the header checksum is cut off") }
    let expectedHC = input[position]
    let computedHC = UInt8(
      (XXHash32.hash(UnsafeRawBufferPointer(rebasing: input[descriptorStart..<position])) >> 8) & 0xFF)
    guard expectedHC == computedHC else {
      throw fail(.corrupt, position, "header checksum is \(expectedHC), the descriptor gives \(computedHC)")
    }
    position += 1

    let frameStart = output.count
    if let contentSize {
      guard contentSize <= UInt64(limit - frameStart) else {
        throw fail(
          .tooLarge, descriptorStart, "content size \(contentSize) exceeds the limit of \(limit) bytes")
      }
    }
    while true {
      let blockAt = position
      let header = try uint32(input, position, "a block size")
      position += 4
      if header == 0 { break }
      let stored = header & 0x8000_0000 != 0
      let size = Int(header & 0x7FFF_FFFF)
      guard size <= blockMax else {
        throw fail(.corrupt, blockAt, "a block of \(size) bytes exceeds the frame's block size \(blockMax)")
      }
      guard size <= input.count - position else {
        throw fail(
          .truncated, position, "a block of \(size) bytes is cut off after \(input.count - position)")
      }
      let data = UnsafeRawBufferPointer(rebasing: input[position..<(position + size)])
      if blockChecksum {
        let expected = try uint32(input, position + size, "a block checksum")
        let computed = XXHash32.hash(data)
        guard expected == computed else {
          throw fail(
            .corrupt, position + size, "block checksum mismatch (stored \(expected), computed \(computed))")
        }
      }
      let blockOutputStart = output.count
      let room = limit - output.count
      if stored {
        guard size <= room else {
          throw fail(.tooLarge, blockAt, "output exceeds the limit of \(limit) bytes")
        }
        output.append(contentsOf: data)
      } else {
        try LZ4BlockDecoder.decode(
          data, into: &output, maxOutput: min(blockMax, room),
          windowStart: independent ? blockOutputStart : frameStart, origin: position, format: format)
      }
      position += size + (blockChecksum ? 4 : 0)
    }
    if let contentSize, UInt64(output.count - frameStart) != contentSize {
      throw fail(
        .corrupt, position,
        "the frame holds \(output.count - frameStart) bytes, its header says \(contentSize)")
    }
    if contentChecksum {
      let expected = try uint32(input, position, "the content checksum")
      let computed = output.withUnsafeBytes {
        XXHash32.hash(UnsafeRawBufferPointer(rebasing: $0[frameStart...]))
      }
      guard expected == computed else {
        throw fail(.corrupt, position, "content checksum mismatch (stored \(expected), computed \(computed))")
      }
      position += 4
    }
    return position
  }
}
