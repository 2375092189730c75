/// Parquet's RLE / bit-packing hybrid encoding (definition and repetition levels, dictionary
/// indices, RLE booleans).
enum HybridRLE {
  /// Bits needed for values up to `maxValue` (0 for 0).
  static func bitWidth(_ maxValue: Int) -> Int {
    maxValue == 0 ? 0 : Int.bitWidth - maxValue.leadingZeroBitCount
  }

  /// Decodes `count` values from `bytes[start..<end]`.
  static func decode(_ bytes: [UInt8], from start: Int, to end: Int, bitWidth: Int, count: Int)
    throws(ParquetDecodingError) -> [Int32]
  {
    var values: [Int32] = []
    values.reserveCapacity(count)
    if bitWidth == 0 { return [Int32](repeating: 0, count: count) }
    guard bitWidth <= 32 else { throw ParquetDecodingError("bit width \(bitWidth) is over 32") }
    var position = start
    let valueBytes = (bitWidth + 7) / 8
    while values.count < count {
      var header: UInt64 = 0
      var shift: UInt64 = 0
      while true {
        guard position < end, shift < 64 else {
          throw ParquetDecodingError("RLE run header runs past its data")
        }
        let byte = bytes[position]
        position += 1
        header |= UInt64(byte & 0x7F) << shift
        if byte & 0x80 == 0 { break }
        shift += 7
      }
      if header & 1 == 0 {
        let runLength = Int(header >> 1)
        guard position + valueBytes <= end else {
          throw ParquetDecodingError("RLE run value runs past its data")
        }
        var value: UInt32 = 0
        for i in 0..<valueBytes { value |= UInt32(bytes[position + i]) << (8 * UInt32(i)) }
        position += valueBytes
        let take = min(runLength, count - values.count)
        values.append(contentsOf: repeatElement(Int32(bitPattern: value), count: take))
      } else {
        let groups = Int(header >> 1)
        let byteCount = groups * bitWidth
        guard position + byteCount <= end else {
          throw ParquetDecodingError("bit-packed run runs past its data")
        }
        let total = groups * 8
        var bitOffset = 0
        let mask: UInt64 = bitWidth == 32 ? 0xFFFF_FFFF : (1 << UInt64(bitWidth)) - 1
        for _ in 0..<total where values.count < count {
          var value: UInt64 = 0
          var bitsRead = 0
          while bitsRead < bitWidth {
            let bytePosition = position + (bitOffset + bitsRead) / 8
            let bitInByte = (bitOffset + bitsRead) % 8
            let available = min(8 - bitInByte, bitWidth - bitsRead)
            let chunk = (UInt64(bytes[bytePosition]) >> UInt64(bitInByte)) & ((1 << UInt64(available)) - 1)
            value |= chunk << UInt64(bitsRead)
            bitsRead += available
          }
          values.append(Int32(bitPattern: UInt32(truncatingIfNeeded: value & mask)))
          bitOffset += bitWidth
        }
        position += byteCount
      }
    }
    return values
  }

  /// Encodes `values` as RLE runs only (valid hybrid data; compact for the long runs that
  /// checkpoint levels have).
  static func encode(_ values: [Int32], bitWidth: Int) -> [UInt8] {
    var out: [UInt8] = []
    let valueBytes = (bitWidth + 7) / 8
    var index = 0
    while index < values.count {
      let value = values[index]
      var runEnd = index + 1
      while runEnd < values.count, values[runEnd] == value { runEnd += 1 }
      var header = UInt64(runEnd - index) << 1
      while header >= 0x80 {
        out.append(UInt8(header & 0x7F) | 0x80)
        header >>= 7
      }
      out.append(UInt8(header))
      let bits = UInt32(bitPattern: value)
      for i in 0..<valueBytes { out.append(UInt8(truncatingIfNeeded: bits >> (8 * UInt32(i)))) }
      index = runEnd
    }
    return out
  }
}
