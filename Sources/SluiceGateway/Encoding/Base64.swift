/// Standard base64 (RFC 4648 §4, with `=` padding), as AWS JSON protocols carry blobs and the
/// Kafka REST proxy carries binary keys and values.
enum Base64 {
  private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
  private static let decodeTable: [UInt8] = {
    var table = [UInt8](repeating: 0xFF, count: 256)
    for (i, c) in alphabet.enumerated() { table[Int(c)] = UInt8(i) }
    return table
  }()

  /// Appends the base64 text of `data` to `out`.
  static func encode(_ data: some Collection<UInt8>, into out: inout [UInt8]) {
    var iterator = data.makeIterator()
    out.reserveCapacity(out.count + (data.count + 2) / 3 * 4)
    while let b0 = iterator.next() {
      let b1 = iterator.next()
      let b2 = iterator.next()
      let n = UInt32(b0) << 16 | UInt32(b1 ?? 0) << 8 | UInt32(b2 ?? 0)
      out.append(alphabet[Int(n >> 18 & 0x3F)])
      out.append(alphabet[Int(n >> 12 & 0x3F)])
      out.append(b1 == nil ? UInt8(ascii: "=") : alphabet[Int(n >> 6 & 0x3F)])
      out.append(b2 == nil ? UInt8(ascii: "=") : alphabet[Int(n & 0x3F)])
    }
  }

  static func encode(_ data: some Collection<UInt8>) -> String {
    var out: [UInt8] = []
    encode(data, into: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Decodes padded base64 `text`, appending the bytes to `out`; `nil` when `text` is not valid
  /// base64 (wrong length, a character outside the alphabet, misplaced padding). `out` may then
  /// hold a partial result.
  static func decode(_ text: some Collection<UInt8>, into out: inout [UInt8]) -> Bool {
    guard text.count % 4 == 0 else { return false }
    var quad: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
    var index = 0
    var padding = 0
    var remaining = text.count
    out.reserveCapacity(out.count + text.count / 4 * 3)
    for c in text {
      remaining -= 1
      let value: UInt32
      if c == UInt8(ascii: "=") {
        // Padding only in the last two places of the last quad.
        guard remaining < 2, index >= 2 else { return false }
        padding += 1
        value = 0
      } else {
        guard padding == 0 else { return false }
        let decoded = decodeTable[Int(c)]
        guard decoded != 0xFF else { return false }
        value = UInt32(decoded)
      }
      switch index {
      case 0: quad.0 = value
      case 1: quad.1 = value
      case 2: quad.2 = value
      default: quad.3 = value
      }
      index += 1
      if index == 4 {
        let n = quad.0 << 18 | quad.1 << 12 | quad.2 << 6 | quad.3
        out.append(UInt8(n >> 16 & 0xFF))
        if padding < 2 { out.append(UInt8(n >> 8 & 0xFF)) }
        if padding < 1 { out.append(UInt8(n & 0xFF)) }
        index = 0
      }
    }
    return true
  }

  static func decode(_ text: String) -> [UInt8]? {
    var out: [UInt8] = []
    return decode(Array(text.utf8), into: &out) ? out : nil
  }
}
