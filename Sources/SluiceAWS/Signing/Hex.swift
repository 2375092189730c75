import Crypto

/// Lower-case hexadecimal and SHA-256 helpers used by SigV4.
enum Hex {
  private static let digits = Array("0123456789abcdef".utf8)

  static func encode<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
    var out: [UInt8] = []
    out.reserveCapacity(64)
    for byte in bytes {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// `hex(SHA256(bytes))`.
  static func sha256<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
    var hasher = SHA256()
    hasher.update(data: Array(bytes))
    return encode(hasher.finalize())
  }
}
