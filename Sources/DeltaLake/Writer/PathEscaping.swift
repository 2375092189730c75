/// Escaping of partition folder names (Hive style) and of `add.path` (URI style).
///
/// A partition value becomes a folder `col=value` where the characters Hive escapes
/// (control characters, `"`, `#`, `%`, `'`, `*`, `/`, `:`, `=`, `?`, `\`, DEL, `{`, `[`, `]`,
/// `^`) are written `%XX`; a null (or empty) value is `__HIVE_DEFAULT_PARTITION__`. The log's
/// `add.path` is that relative path URI-encoded once more (so `a/b` → folder `a%2Fb` → path
/// `a%252Fb`), as Spark and delta-rs write it; readers decode it back with ``decodeURIPath(_:)``.
public enum PathEscaping {
  /// The folder name Hive uses for null partition values.
  public static let nullPartitionFolder = "__HIVE_DEFAULT_PARTITION__"

  /// Hive-escapes one path component (`a/b` → `a%2Fb`).
  public static func escapePartitionComponent(_ text: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    for byte in text.utf8 {
      if hiveEscapes(byte) {
        appendPercent(byte, to: &out)
      } else {
        out.append(byte)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// `col=value` for one partition column (value `nil` or empty → the Hive null folder).
  public static func partitionFolder(column: String, value: String?) -> String {
    let valuePart: String
    if let value, !value.isEmpty {
      valuePart = escapePartitionComponent(value)
    } else {
      valuePart = nullPartitionFolder
    }
    return escapePartitionComponent(column) + "=" + valuePart
  }

  /// URI-encodes a relative file path for `add.path` (`/` kept; `%`, space, non-ASCII and the
  /// characters RFC 2396 does not allow in a path are `%XX`-encoded).
  public static func encodeURIPath(_ path: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(path.utf8.count)
    for byte in path.utf8 {
      if uriAllowed(byte) {
        out.append(byte)
      } else {
        appendPercent(byte, to: &out)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Decodes `%XX` escapes (invalid escapes are kept as they are).
  public static func decodeURIPath(_ path: String) -> String {
    guard path.utf8.contains(UInt8(ascii: "%")) else { return path }
    let bytes = Array(path.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var i = 0
    while i < bytes.count {
      if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count, let high = hexValue(bytes[i + 1]),
        let low = hexValue(bytes[i + 2])
      {
        out.append(high << 4 | low)
        i += 3
      } else {
        out.append(bytes[i])
        i += 1
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  static func hiveEscapes(_ byte: UInt8) -> Bool {
    if byte < 0x20 || byte == 0x7F { return true }
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "#"), UInt8(ascii: "%"), UInt8(ascii: "'"), UInt8(ascii: "*"),
      UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: "="), UInt8(ascii: "?"), UInt8(ascii: "\\"),
      UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "^"):
      return true
    default:
      return false
    }
  }

  static func uriAllowed(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"):
      return true
    case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "~"),
      UInt8(ascii: "*"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "/"),
      UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "&"), UInt8(ascii: "="), UInt8(ascii: "+"),
      UInt8(ascii: "$"), UInt8(ascii: ","):
      return true
    default:
      return false
    }
  }

  static func appendPercent(_ byte: UInt8, to out: inout [UInt8]) {
    let digits: [UInt8] = Array("0123456789ABCDEF".utf8)
    out.append(UInt8(ascii: "%"))
    out.append(digits[Int(byte >> 4)])
    out.append(digits[Int(byte & 0x0F)])
  }

  static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}
