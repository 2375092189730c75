/// Decodes one raw snappy block: a varint uncompressed length, then elements — literals (tag
/// `00`) and copies with 1-, 2- or 4-byte offsets (tags `01`, `10`, `11`). Every length and
/// offset is checked against the input, the declared length and the output so far.
enum SnappyBlockDecoder {
  /// Appends the block's bytes to `output`. `origin` is the block's position in the caller's
  /// input (for error positions).
  static func decode(
    _ input: UnsafeRawBufferPointer, into output: inout [UInt8], limit: Int, origin: Int, format: String
  ) throws {
    func fail(_ code: CompressionError.Code, _ at: Int, _ message: String) -> CompressionError {
      CompressionError(code, format: format, at: origin + at, message)
    }
    var position = 0
    var declared = 0
    var shift = 0
    while true {
      guard position < input.count else {
        throw fail(.truncated, position, "the block length varint is cut off")
      }
      let byte = input[position]
      position += 1
      guard shift < 32 else {
        throw fail(.corrupt, position - 1, "the block length varint is longer than 5 bytes")
      }
      declared |= Int(byte & 0x7F) << shift
      if byte & 0x80 == 0 { break }
      shift += 7
    }
    let blockStart = output.count
    guard declared <= limit - blockStart else {
      throw fail(.tooLarge, 0, "the block declares \(declared) bytes, above the limit of \(limit) bytes")
    }
    // A copy element of 3 bytes yields at most 64: anything larger cannot be real.
    guard declared <= (input.count - position) * 64 else {
      throw fail(.corrupt, 0, "the block declares \(declared) bytes, more than \(input.count) bytes can hold")
    }
    output.append(contentsOf: [UInt8](repeating: 0, count: declared))
    try output.withUnsafeMutableBytes { out in
      let end = blockStart + declared
      var written = blockStart
      while position < input.count {
        let tag = input[position]
        let elementAt = position
        position += 1
        var length: Int
        var offset: Int
        switch tag & 0x03 {
        case 0:
          length = Int(tag >> 2) + 1
          if length > 60 {
            let extra = length - 60
            guard input.count - position >= extra else {
              throw fail(.truncated, elementAt, "a literal length needs \(extra) more bytes")
            }
            length = 0
            for i in 0..<extra { length |= Int(input[position + i]) << (8 * i) }
            length += 1
            position += extra
          }
          guard length <= input.count - position else {
            throw fail(
              .truncated, elementAt, "a literal of \(length) bytes is cut off after \(input.count - position)"
            )
          }
          guard length <= end - written else {
            throw fail(.corrupt, elementAt, "a literal runs past the declared length of \(declared) bytes")
          }
          UnsafeMutableRawBufferPointer(rebasing: out[written..<(written + length)]).copyMemory(
            from: UnsafeRawBufferPointer(rebasing: input[position..<(position + length)]))
          position += length
          written += length
          continue
        case 1:
          guard position < input.count else { throw fail(.truncated, elementAt, "a copy offset is cut off") }
          length = Int((tag >> 2) & 0x07) + 4
          offset = Int(tag >> 5) << 8 | Int(input[position])
          position += 1
        case 2:
          guard input.count - position >= 2 else {
            throw fail(.truncated, elementAt, "a copy offset is cut off")
          }
          length = Int(tag >> 2) + 1
          offset = Int(input[position]) | Int(input[position + 1]) << 8
          position += 2
        default:
          guard input.count - position >= 4 else {
            throw fail(.truncated, elementAt, "a copy offset is cut off")
          }
          length = Int(tag >> 2) + 1
          offset = 0
          for i in 0..<4 { offset |= Int(input[position + i]) << (8 * i) }
          position += 4
        }
        guard offset > 0, offset <= written - blockStart else {
          throw fail(
            .corrupt, elementAt,
            "a copy refers \(offset) bytes back with only \(written - blockStart) decoded")
        }
        guard length <= end - written else {
          throw fail(.corrupt, elementAt, "a copy runs past the declared length of \(declared) bytes")
        }
        let from = written - offset
        if offset >= length {
          UnsafeMutableRawBufferPointer(rebasing: out[written..<(written + length)]).copyMemory(
            from: UnsafeRawBufferPointer(rebasing: out[from..<(from + length)]))
        } else {
          for i in 0..<length { out[written + i] = out[from + i] }
        }
        written += length
      }
      guard written == end else {
        throw fail(
          .truncated, input.count, "the block holds \(written - blockStart) of its \(declared) bytes")
      }
    }
  }
}
