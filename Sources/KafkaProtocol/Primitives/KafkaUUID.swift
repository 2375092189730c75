/// A Kafka UUID (topic ids): 16 raw bytes; the all-zero UUID means "none".
public struct KafkaUUID: Sendable, Hashable, CustomStringConvertible {
  public var high: UInt64
  public var low: UInt64

  public init(high: UInt64, low: UInt64) {
    self.high = high
    self.low = low
  }

  public static let zero = KafkaUUID(high: 0, low: 0)
  public var isZero: Bool { high == 0 && low == 0 }

  /// 32 lowercase hex digits.
  public var description: String {
    func hex(_ v: UInt64) -> String {
      let digits = String(v, radix: 16)
      return String(repeating: "0", count: 16 - digits.count) + digits
    }
    return hex(high) + hex(low)
  }
}
