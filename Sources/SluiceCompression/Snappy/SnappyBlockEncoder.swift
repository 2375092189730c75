/// Encodes one raw snappy block: greedy matching of 4-byte sequences through a hash table,
/// literals and 2-byte-offset copies (window 64 KB, copy length 4…64).
enum SnappyBlockEncoder {
  static func encode(_ input: UnsafeRawBufferPointer, into output: inout [UInt8]) {
    var length = input.count
    while length >= 0x80 {
      output.append(UInt8(length & 0x7F) | 0x80)
      length >>= 7
    }
    output.append(UInt8(length))
    let n = input.count
    guard n > 0 else { return }
    var table = [Int](repeating: -1, count: 1 << 14)
    var literalStart = 0
    var i = 0
    while i + 4 <= n {
      let word = input.loadUnaligned(fromByteOffset: i, as: UInt32.self)
      let slot = Int((word &* 0x1E35_A7BD) >> 18)
      let candidate = table[slot]
      table[slot] = i
      if candidate >= 0, i - candidate <= 0xFFFF,
        input.loadUnaligned(fromByteOffset: candidate, as: UInt32.self) == word
      {
        var matched = 4
        while i + matched < n && input[candidate + matched] == input[i + matched] { matched += 1 }
        emitLiteral(input, literalStart..<i, into: &output)
        var remaining = matched
        while remaining > 0 {
          // Keep every piece ≥ 4 bytes: split 65…67 as 60 + rest.
          let piece = remaining > 64 ? (remaining < 68 ? 60 : 64) : remaining
          let offset = i - candidate
          output.append(UInt8(piece - 1) << 2 | 0x02)
          output.append(UInt8(offset & 0xFF))
          output.append(UInt8(offset >> 8))
          remaining -= piece
        }
        i += matched
        literalStart = i
      } else {
        i += 1
      }
    }
    emitLiteral(input, literalStart..<n, into: &output)
  }

  private static func emitLiteral(
    _ input: UnsafeRawBufferPointer, _ range: Range<Int>, into output: inout [UInt8]
  ) {
    guard !range.isEmpty else { return }
    let n = range.count - 1
    if n < 60 {
      output.append(UInt8(n) << 2)
    } else {
      var bytes: [UInt8] = []
      var v = n
      while v > 0 {
        bytes.append(UInt8(v & 0xFF))
        v >>= 8
      }
      output.append(UInt8(59 + bytes.count) << 2)
      output.append(contentsOf: bytes)
    }
    output.append(contentsOf: UnsafeRawBufferPointer(rebasing: input[range]))
  }
}
