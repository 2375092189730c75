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
    let n = input.count
    guard n > 0 else { throw fail(.truncated, 0, "an LZ4 block has no bytes") }
    // LZ4 expands at most ~255:1; never reserve more than the input can produce.
    let capacity = min(maxOutput, n &* 255 &+ 16)
    let start = output.count
    output.append(contentsOf: [UInt8](repeating: 0, count: capacity))
    var written = start
    defer { output.removeLast(output.count - written) }
    try output.withUnsafeMutableBytes { out in
      let end = start + capacity
      var position = 0

      func readLength(_ base: Int, _ at: Int) throws -> Int {
        var length = base
        guard base == 15 else { return length }
        while true {
          guard position < n else { throw fail(.truncated, at, "a length continuation is cut off") }
          let byte = input[position]
          position += 1
          length += Int(byte)
          guard length <= capacity else {
            throw fail(
              maxOutput <= capacity ? .tooLarge : .corrupt, at, "a length exceeds the block's output size")
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
        guard literalLength <= end - written else {
          throw fail(.tooLarge, tokenAt, "the block decodes to more than \(maxOutput) bytes")
        }
        UnsafeMutableRawBufferPointer(rebasing: out[written..<(written + literalLength)]).copyMemory(
          from: UnsafeRawBufferPointer(rebasing: input[position..<(position + literalLength)]))
        position += literalLength
        written += literalLength
        if position == n { return }  // last sequence: literals only
        guard n - position >= 2 else { throw fail(.truncated, position, "a match offset is cut off") }
        let offset = Int(input[position]) | Int(input[position + 1]) << 8
        position += 2
        let matchLength = try readLength(Int(token & 0x0F), tokenAt) + 4
        guard offset > 0, offset <= written - windowStart else {
          throw fail(.corrupt, tokenAt, "a match refers \(offset) bytes back, before the start of the data")
        }
        guard matchLength <= end - written else {
          throw fail(.tooLarge, tokenAt, "the block decodes to more than \(maxOutput) bytes")
        }
        let from = written - offset
        if offset >= matchLength {
          UnsafeMutableRawBufferPointer(rebasing: out[written..<(written + matchLength)]).copyMemory(
            from: UnsafeRawBufferPointer(rebasing: out[from..<(from + matchLength)]))
        } else {
          for i in 0..<matchLength { out[written + i] = out[from + i] }
        }
        written += matchLength
      }
    }
  }
}
