/// Decodes one raw LZ4 block: sequences of a token (literal length, match length), literals, a
/// 2-byte little-endian match offset and the match. The last sequence holds only literals.
enum LZ4BlockDecoder {
  /// Appends the block's bytes to `output`. Matches may reach back to `windowStart` (earlier
  /// blocks of a linked frame, or a dictionary). `origin` positions errors in the caller's input.
  static func decode(
    _ input: UnsafeRawBufferPointer, into output: inout [UInt8], maxOutput: Int, windowStart: Int,
    origin: Int,
    format: String
  ) throws {
    func fail(_ code: CompressionError.Code, _ at: Int, _ message: String) -> CompressionError {
      CompressionError(code, format: format, at: origin + at, message)
    }
    let outputStart = output.count
    let limit = outputStart + maxOutput
    var position = 0
    let n = input.count
    guard n > 0 else { throw fail(.truncated, 0, "an LZ4 block has no bytes") }

    func readLength(_ base: Int, _ at: Int) throws -> Int {
      var length = base
      guard base == 15 else { return length }
      while true {
        guard position < n else { throw fail(.truncated, at, "a length continuation is cut off") }
        let byte = input[position]
        position += 1
        length += Int(byte)
        guard length <= maxOutput else {
          throw fail(.corrupt, at, "a length exceeds the block's output size")
        }
        if byte != 255 { return length }
      }
    }

    while true {
      let tokenAt = position
      guard position < n else {
        throw fail(.truncated, tokenAt, "the block ends where a sequence token was expected")
      }
      let token = input[position]
      position += 1
      let literalLength = try readLength(Int(token >> 4), tokenAt)
      guard literalLength <= n - position else {
        throw fail(.truncated, tokenAt, "\(literalLength) literal bytes are cut off after \(n - position)")
      }
      guard literalLength <= limit - output.count else {
        throw fail(.tooLarge, tokenAt, "the block decodes to more than \(maxOutput) bytes")
      }
      output.append(
        contentsOf: UnsafeRawBufferPointer(rebasing: input[position..<(position + literalLength)]))
      position += literalLength
      if position == n { return }  // last sequence: literals only
      guard n - position >= 2 else { throw fail(.truncated, position, "a match offset is cut off") }
      let offset = Int(input[position]) | Int(input[position + 1]) << 8
      position += 2
      let matchLength = try readLength(Int(token & 0x0F), tokenAt) + 4
      guard offset > 0, offset <= output.count - windowStart else {
        throw fail(.corrupt, tokenAt, "a match refers \(offset) bytes back, before the start of the data")
      }
      guard matchLength <= limit - output.count else {
        throw fail(.tooLarge, tokenAt, "the block decodes to more than \(maxOutput) bytes")
      }
      let from = output.count - offset
      let start = output.count
      output.append(contentsOf: repeatElement(0, count: matchLength))
      output.withUnsafeMutableBytes { out in
        if offset >= matchLength {
          UnsafeMutableRawBufferPointer(rebasing: out[start..<(start + matchLength)]).copyMemory(
            from: UnsafeRawBufferPointer(rebasing: out[from..<(from + matchLength)]))
        } else {
          for i in 0..<matchLength { out[start + i] = out[from + i] }
        }
      }
    }
  }
}
