/// Decompresses raw Snappy blocks (no framing), the format of Parquet's SNAPPY codec.
///
/// Block = varint uncompressed length, then elements: literals (tag `00`) and back-references
/// with 1-, 2- or 4-byte offsets (tags `01`, `10`, `11`). Every length and offset is checked.
enum SnappyDecompressor {
  static func decompress(
    _ input: UnsafeRawBufferPointer, expectedSize: Int, what: @autoclosure () -> String
  ) throws(ParquetError) -> [UInt8] {
    var position = 0
    var declared: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      guard position < input.count, shift < 35 else {
        throw .corrupt("\(what()): snappy block has no valid length header")
      }
      let byte = input[position]
      position += 1
      declared |= UInt64(byte & 0x7F) << shift
      if byte & 0x80 == 0 { break }
      shift += 7
    }
    guard declared == UInt64(expectedSize) else {
      throw .corrupt("\(what()): snappy block holds \(declared) bytes, page header says \(expectedSize)")
    }
    var failure: ParquetError?
    let output = [UInt8](unsafeUninitializedCapacity: expectedSize) { buffer, initialized in
      do throws(ParquetError) {
        initialized = try decode(input, from: position, into: buffer, what: what())
      } catch {
        failure = error
        initialized = 0
      }
    }
    if let failure { throw failure }
    return output
  }

  private static func decode(
    _ input: UnsafeRawBufferPointer, from start: Int, into output: UnsafeMutableBufferPointer<UInt8>,
    what: @autoclosure () -> String
  ) throws(ParquetError) -> Int {
    let size = output.count
    var ip = start
    var op = 0
    func corrupt(_ detail: String) -> ParquetError {
      .corrupt("\(what()): corrupt snappy data at input byte \(ip): \(detail)")
    }
    while ip < input.count {
      let tag = input[ip]
      ip += 1
      var length: Int
      switch tag & 3 {
      case 0:
        length = Int(tag >> 2)
        if length >= 60 {
          let extra = length - 59
          guard input.count - ip >= extra else { throw corrupt("literal length cut off") }
          length = 0
          for index in 0..<extra { length |= Int(input[ip + index]) << (8 * index) }
          ip += extra
        }
        length += 1
        guard input.count - ip >= length else { throw corrupt("literal of \(length) bytes cut off") }
        guard size - op >= length else { throw corrupt("literal overflows the output") }
        (output.baseAddress! + op).update(
          from: input.baseAddress!.assumingMemoryBound(to: UInt8.self) + ip, count: length)
        ip += length
        op += length
        continue
      case 1:
        guard ip < input.count else { throw corrupt("copy offset cut off") }
        length = 4 + Int((tag >> 2) & 7)
        let offset = Int(tag >> 5) << 8 | Int(input[ip])
        ip += 1
        try copy(offset: offset, length: length)
      case 2:
        guard input.count - ip >= 2 else { throw corrupt("copy offset cut off") }
        length = Int(tag >> 2) + 1
        let offset = Int(input.loadLittleEndian(at: ip, as: UInt16.self))
        ip += 2
        try copy(offset: offset, length: length)
      default:
        guard input.count - ip >= 4 else { throw corrupt("copy offset cut off") }
        length = Int(tag >> 2) + 1
        let offset = Int(input.loadLittleEndian(at: ip, as: UInt32.self))
        ip += 4
        try copy(offset: offset, length: length)
      }
    }
    guard op == size else { throw corrupt("block ends after \(op) of \(size) bytes") }
    return op

    func copy(offset: Int, length: Int) throws(ParquetError) {
      guard offset > 0, offset <= op else { throw corrupt("copy offset \(offset) at output byte \(op)") }
      guard size - op >= length else { throw corrupt("copy overflows the output") }
      let base = output.baseAddress!
      if offset >= length {
        (base + op).update(from: base + op - offset, count: length)
      } else {
        for index in 0..<length { base[op + index] = base[op - offset + index] }
      }
      op += length
    }
  }
}
