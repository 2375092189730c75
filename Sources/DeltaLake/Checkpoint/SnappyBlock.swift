/// Decompression of a raw Snappy block (Parquet's SNAPPY codec: no framing), the codec Spark
/// uses for checkpoints.
enum SnappyBlock {
  static func decompress(_ input: ArraySlice<UInt8>, expectedSize: Int) throws(ParquetDecodingError)
    -> [UInt8]
  {
    var position = input.startIndex
    let end = input.endIndex
    var length: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      guard position < end, shift < 35 else { throw ParquetDecodingError("snappy length header is corrupt") }
      let byte = input[position]
      position += 1
      length |= UInt64(byte & 0x7F) << shift
      if byte & 0x80 == 0 { break }
      shift += 7
    }
    guard Int(length) == expectedSize else {
      throw ParquetDecodingError("snappy block holds \(length) bytes, the page header says \(expectedSize)")
    }
    var output: [UInt8] = []
    output.reserveCapacity(Int(length))
    while position < end {
      let tag = input[position]
      position += 1
      switch tag & 0x03 {
      case 0:
        var literal = Int(tag >> 2)
        if literal >= 60 {
          let extra = literal - 59
          guard position + extra <= end else {
            throw ParquetDecodingError("snappy literal length runs past the end")
          }
          literal = 0
          for i in 0..<extra { literal |= Int(input[position + i]) << (8 * i) }
          position += extra
        }
        literal += 1
        guard position + literal <= end else {
          throw ParquetDecodingError("snappy literal runs past the end")
        }
        output.append(contentsOf: input[position..<(position + literal)])
        position += literal
      default:
        let copyLength: Int
        let offset: Int
        switch tag & 0x03 {
        case 1:
          guard position < end else { throw ParquetDecodingError("snappy copy runs past the end") }
          copyLength = Int((tag >> 2) & 0x07) + 4
          offset = Int(tag >> 5) << 8 | Int(input[position])
          position += 1
        case 2:
          guard position + 2 <= end else { throw ParquetDecodingError("snappy copy runs past the end") }
          copyLength = Int(tag >> 2) + 1
          offset = Int(input[position]) | Int(input[position + 1]) << 8
          position += 2
        default:
          guard position + 4 <= end else { throw ParquetDecodingError("snappy copy runs past the end") }
          copyLength = Int(tag >> 2) + 1
          offset =
            Int(input[position]) | Int(input[position + 1]) << 8 | Int(input[position + 2]) << 16
            | Int(input[position + 3]) << 24
          position += 4
        }
        guard offset > 0, offset <= output.count else {
          throw ParquetDecodingError("snappy copy offset is invalid")
        }
        let start = output.count - offset
        for i in 0..<copyLength { output.append(output[start + i]) }
      }
    }
    guard output.count == expectedSize else {
      throw ParquetDecodingError("snappy block decoded to \(output.count) bytes, expected \(expectedSize)")
    }
    return output
  }
}
