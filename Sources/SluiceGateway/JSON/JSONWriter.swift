/// Builds a compact JSON response body byte by byte. The caller writes the structure
/// (`{`, `,`, member names) in order; strings are escaped here.
struct JSONWriter {
  private(set) var bytes: [UInt8]

  init(capacity: Int = 256) {
    bytes = []
    bytes.reserveCapacity(capacity)
  }

  /// Appends `text` verbatim (structure, numbers, literals).
  mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

  /// Appends already-valid JSON bytes verbatim.
  mutating func raw(bytes other: some Collection<UInt8>) { bytes.append(contentsOf: other) }

  /// Appends `"name":`.
  mutating func key(_ name: String) {
    string(name)
    bytes.append(UInt8(ascii: ":"))
  }

  mutating func string(_ text: String) { string(utf8: text.utf8) }

  /// Appends a JSON string made of `utf8` (invalid UTF-8 is the caller's problem).
  mutating func string(utf8: some Collection<UInt8>) {
    bytes.append(UInt8(ascii: "\""))
    for b in utf8 {
      switch b {
      case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
      case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
      case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
      case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
      case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
      case 0..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        bytes.append(contentsOf: Array("\\u00".utf8))
        bytes.append(hex[Int(b >> 4)])
        bytes.append(hex[Int(b & 0xF)])
      default: bytes.append(b)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }

  mutating func int(_ value: some BinaryInteger) { raw(String(value)) }

  /// Appends the base64 text of `data` (no quotes).
  mutating func base64(_ data: some Collection<UInt8>) { Base64.encode(data, into: &bytes) }

  /// Epoch seconds with millisecond precision, as AWS JSON protocols send timestamps.
  mutating func epochSeconds(milliseconds: Int64) {
    let seconds = milliseconds / 1000
    let fraction = milliseconds % 1000
    if fraction == 0 {
      raw(String(seconds))
    } else {
      let padded = String(fraction)
      raw("\(seconds).\(String(repeating: "0", count: 3 - padded.count))\(padded)")
    }
  }

  mutating func null() { raw("null") }

  mutating func bool(_ value: Bool) { raw(value ? "true" : "false") }

  /// Appends `,` unless `first`, then sets `first` to false (for loops over elements).
  mutating func comma(_ first: inout Bool) {
    if !first { bytes.append(UInt8(ascii: ",")) }
    first = false
  }
}
