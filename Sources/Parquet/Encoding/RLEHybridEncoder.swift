/// Encodes unsigned integers (levels, dictionary indices) with Parquet's RLE / bit-packing hybrid.
///
/// Runs of at least 8 equal values become RLE runs; everything else is bit-packed in groups of
/// 8 values (LSB first). Only the final bit-packed run is padded with zeros; readers stop at the
/// value count they know from the page header. No length prefix is written here.
enum RLEHybridEncoder {
  static func encode<T: FixedWidthInteger & UnsignedInteger>(
    _ values: UnsafeBufferPointer<T>, bitWidth: Int, into output: inout [UInt8]
  ) {
    precondition(bitWidth >= 0 && bitWidth <= 32, "bit width \(bitWidth) outside 0...32")
    let count = values.count
    output.reserveCapacity(output.count + count * bitWidth / 8 + 16)
    var index = 0
    var literalStart = 0
    while index < count {
      let value = values[index]
      var end = index + 1
      while end < count && values[end] == value { end += 1 }
      let run = end - index
      if run >= 8 || (end == count && index == literalStart) {
        let pending = index - literalStart
        var rleStart = index
        if pending > 0 {
          let borrow = (8 - pending % 8) % 8
          guard run - borrow >= 8 && run >= 8 else {
            index = end
            continue
          }
          rleStart = index + borrow
          writeBitPacked(values, literalStart..<rleStart, bitWidth: bitWidth, into: &output)
        }
        writeRLE(UInt64(value), count: end - rleStart, bitWidth: bitWidth, into: &output)
        literalStart = end
      }
      index = end
    }
    if literalStart < count {
      writeBitPacked(values, literalStart..<count, bitWidth: bitWidth, into: &output)
    }
  }

  static func encode<T: FixedWidthInteger & UnsignedInteger>(
    _ values: [T], bitWidth: Int, into output: inout [UInt8]
  ) {
    values.withUnsafeBufferPointer { encode($0, bitWidth: bitWidth, into: &output) }
  }

  /// Encodes `values` as a v1 level block: u32 LE byte length, then the hybrid runs.
  static func encodeLengthPrefixed(_ values: [UInt8], bitWidth: Int, into output: inout [UInt8]) {
    let lengthAt = output.count
    output.appendLittleEndian(UInt32(0))
    encode(values, bitWidth: bitWidth, into: &output)
    let length = UInt32(output.count - lengthAt - 4)
    withUnsafeBytes(of: length.littleEndian) { raw in
      for offset in 0..<4 { output[lengthAt + offset] = raw[offset] }
    }
  }

  private static func writeRLE(_ value: UInt64, count: Int, bitWidth: Int, into output: inout [UInt8]) {
    output.appendVarint(UInt64(count) << 1)
    var remaining = value
    for _ in 0..<((bitWidth + 7) / 8) {
      output.append(UInt8(truncatingIfNeeded: remaining))
      remaining >>= 8
    }
  }

  private static func writeBitPacked<T: FixedWidthInteger & UnsignedInteger>(
    _ values: UnsafeBufferPointer<T>, _ range: Range<Int>, bitWidth: Int, into output: inout [UInt8]
  ) {
    let groups = (range.count + 7) / 8
    output.appendVarint(UInt64(groups) << 1 | 1)
    guard bitWidth > 0 else { return }
    let byteCount = groups * bitWidth
    let start = output.count
    output.append(contentsOf: repeatElement(0, count: byteCount))
    output.withUnsafeMutableBufferPointer { buffer in
      let base = buffer.baseAddress! + start
      var accumulator: UInt64 = 0
      var bits = 0
      var cursor = 0
      for index in range {
        accumulator |= UInt64(values[index]) << UInt64(bits)
        bits += bitWidth
        while bits >= 8 {
          base[cursor] = UInt8(truncatingIfNeeded: accumulator)
          cursor += 1
          accumulator >>= 8
          bits -= 8
        }
      }
      if bits > 0 { base[cursor] = UInt8(truncatingIfNeeded: accumulator) }
    }
  }
}
