/// Kinesis sequence numbers of records in the embedded log, derived from (shard, offset).
///
/// Text: `49` + the shard number in 6 digits + the log offset in 20 digits — a 28-digit decimal
/// with no leading zero. Within a shard it grows with the offset (fixed width, so comparing as
/// big integers or as text agrees); it is unique per stream; and, like AWS's 56-digit numbers,
/// it does not fit 64 bits, so clients must treat it as a string or big integer.
struct SequenceNumber: Sendable, Hashable {
  static let prefix = "49"
  static let shardDigits = 6
  static let offsetDigits = 20
  static let length = 2 + shardDigits + offsetDigits

  var shard: Int32
  var offset: Int64

  var text: String {
    Self.prefix + Self.padded(Int64(shard), to: Self.shardDigits) + Self.padded(offset, to: Self.offsetDigits)
  }

  init(shard: Int32, offset: Int64) {
    self.shard = shard
    self.offset = offset
  }

  /// Parses a sequence number this gateway issued; `nil` for anything else.
  init?(_ text: String) {
    let bytes = Array(text.utf8)
    guard bytes.count == Self.length, text.hasPrefix(Self.prefix),
      bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
    else { return nil }
    let shardText = String(decoding: bytes[2..<(2 + Self.shardDigits)], as: UTF8.self)
    let offsetText = String(decoding: bytes[(2 + Self.shardDigits)...], as: UTF8.self)
    guard let shard = Int32(shardText), let offset = Int64(offsetText) else { return nil }
    self.init(shard: shard, offset: offset)
  }

  private static func padded(_ value: Int64, to digits: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }
}
