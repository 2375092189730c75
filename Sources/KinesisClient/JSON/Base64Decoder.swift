/// Standard base64 (with `=` padding) decoded straight into a byte buffer.
enum Base64Decoder {
  private static let table: [UInt8] = {
    var table = [UInt8](repeating: 0xFF, count: 256)
    for (i, byte) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
      table[Int(byte)] = UInt8(i)
    }
    return table
  }()

  /// Appends the bytes `source[range]` encode to `out`; `false` when they are not base64.
  /// JSON-escaped `\/` is accepted as `/`.
  static func decode(_ source: [UInt8], _ range: Range<Int>, into out: inout [UInt8]) -> Bool {
    var accumulator: UInt32 = 0
    var bits = 0
    var padding = 0
    for i in range {
      let byte = source[i]
      if byte == UInt8(ascii: "=") {
        padding += 1
        continue
      }
      if byte == UInt8(ascii: "\\") { continue }
      let value = table[Int(byte)]
      guard value != 0xFF, padding == 0 else { return false }
      accumulator = accumulator << 6 | UInt32(value)
      bits += 6
      if bits >= 8 {
        bits -= 8
        out.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
      }
    }
    return padding <= 2
  }

  /// Standard base64 with padding.
  static func encode(_ bytes: some Collection<UInt8>) -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    var out: [UInt8] = []
    out.reserveCapacity((bytes.count + 2) / 3 * 4)
    var iterator = bytes.makeIterator()
    while let a = iterator.next() {
      let b = iterator.next()
      let c = iterator.next()
      out.append(alphabet[Int(a >> 2)])
      out.append(alphabet[Int((a & 0x03) << 4 | (b ?? 0) >> 4)])
      out.append(b == nil ? UInt8(ascii: "=") : alphabet[Int(((b ?? 0) & 0x0F) << 2 | (c ?? 0) >> 6)])
      out.append(c == nil ? UInt8(ascii: "=") : alphabet[Int((c ?? 0) & 0x3F)])
    }
    return String(decoding: out, as: UTF8.self)
  }
}
