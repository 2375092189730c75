/// Decodes Parquet's RLE / bit-packing hybrid (levels, dictionary indices, RLE booleans).
enum RLEHybridDecoder {
  /// Appends `count` values decoded from `bytes` to `output` and returns the number of bytes
  /// consumed. `what` names the data for error messages (e.g. "definition levels of column x").
  @discardableResult
  static func decode<T: FixedWidthInteger & UnsignedInteger>(
    _ bytes: UnsafeRawBufferPointer, bitWidth: Int, count: Int, into output: inout [T],
    what: @autoclosure () -> String
  ) throws(ParquetError) -> Int {
    guard bitWidth >= 0 && bitWidth <= min(32, T.bitWidth) else {
      throw .corrupt("\(what()): bit width \(bitWidth) is out of range")
    }
    output.reserveCapacity(output.count + min(count, 1 << 20))
    let mask: UInt64 = bitWidth == 64 ? ~0 : (1 << UInt64(bitWidth)) - 1
    let valueBytes = (bitWidth + 7) / 8
    var position = 0
    var remaining = count
    while remaining > 0 {
      guard let header = readVarint(bytes, &position) else {
        throw .truncated("\(what()): run header missing with \(remaining) of \(count) values left")
      }
      if header & 1 == 0 {
        let runLength = Int(clamping: header >> 1)
        guard runLength > 0 else { throw .corrupt("\(what()): RLE run of length 0") }
        guard bytes.count - position >= valueBytes else {
          throw .truncated("\(what()): RLE run value is cut off")
        }
        var value: UInt64 = 0
        for index in 0..<valueBytes { value |= UInt64(bytes[position + index]) << UInt64(8 * index) }
        position += valueBytes
        guard value <= mask else { throw .corrupt("\(what()): RLE value \(value) exceeds bit width") }
        let take = min(runLength, remaining)
        output.append(contentsOf: repeatElement(T(truncatingIfNeeded: value), count: take))
        remaining -= take
      } else {
        let groups = Int(clamping: header >> 1)
        let runBytes = groups.multipliedReportingOverflow(by: bitWidth)
        guard groups > 0, !runBytes.overflow else {
          throw .corrupt("\(what()): bit-packed run with \(groups) groups")
        }
        let take = min(groups * 8, remaining)
        let needed = (take * bitWidth + 7) / 8
        guard bytes.count - position >= needed else {
          throw .truncated("\(what()): bit-packed run needs \(needed) bytes, \(bytes.count - position) left")
        }
        if bitWidth == 0 {
          output.append(contentsOf: repeatElement(0, count: take))
        } else {
          var cursor = position
          var accumulator: UInt64 = 0
          var bits = 0
          for _ in 0..<take {
            while bits < bitWidth {
              accumulator |= UInt64(bytes[cursor]) << UInt64(bits)
              cursor += 1
              bits += 8
            }
            output.append(T(truncatingIfNeeded: accumulator & mask))
            accumulator >>= UInt64(bitWidth)
            bits -= bitWidth
          }
        }
        position = min(bytes.count, position + runBytes.partialValue)
        remaining -= take
      }
    }
    return position
  }

  private static func readVarint(_ bytes: UnsafeRawBufferPointer, _ position: inout Int) -> UInt64? {
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while position < bytes.count && shift < 64 {
      let byte = bytes[position]
      position += 1
      result |= UInt64(byte & 0x7F) << shift
      if byte & 0x80 == 0 { return result }
      shift += 7
    }
    return nil
  }
}
