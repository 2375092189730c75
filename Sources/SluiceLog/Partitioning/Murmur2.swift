/// Kafka's murmur2 hash (`org.apache.kafka.common.utils.Utils.murmur2`, seed `0x9747b28c`) and
/// its default key partitioner: `toPositive(murmur2(key)) % partitions`, so a key lands on the
/// same partition number as with a Java, librdkafka (`murmur2_random`) or Sarama producer.
public enum Murmur2 {
  static let seed: UInt32 = 0x9747_B28C
  static let m: UInt32 = 0x5BD1_E995

  /// The 32-bit murmur2 of `bytes`, as Kafka's Java client returns it (signed).
  public static func hash(_ bytes: UnsafeRawBufferPointer) -> Int32 {
    let length = bytes.count
    var h = seed ^ UInt32(truncatingIfNeeded: length)
    let blocks = length / 4
    var i = 0
    while i < blocks {
      var k = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self))
      k = k &* m
      k ^= k >> 24
      k = k &* m
      h = h &* m
      h ^= k
      i += 1
    }
    let tail = length & ~3
    let rest = length & 3
    if rest >= 3 { h ^= UInt32(bytes[tail + 2]) << 16 }
    if rest >= 2 { h ^= UInt32(bytes[tail + 1]) << 8 }
    if rest >= 1 {
      h ^= UInt32(bytes[tail])
      h = h &* m
    }
    h ^= h >> 13
    h = h &* m
    h ^= h >> 15
    return Int32(bitPattern: h)
  }

  /// The murmur2 of `bytes`.
  public static func hash(_ bytes: [UInt8]) -> Int32 {
    bytes.withUnsafeBytes { hash($0) }
  }

  /// Kafka's `Utils.toPositive`: clears the sign bit (not `abs`, which fails for `Int32.min`).
  public static func toPositive(_ value: Int32) -> Int32 { value & 0x7FFF_FFFF }

  /// The partition Kafka's default partitioner picks for a non-null `key`.
  public static func partition(for key: UnsafeRawBufferPointer, partitions: Int) -> Int32 {
    precondition(partitions > 0, "a topic has at least one partition")
    return Int32(Int(toPositive(hash(key))) % partitions)
  }

  /// The partition Kafka's default partitioner picks for a non-null `key`.
  public static func partition(for key: [UInt8], partitions: Int) -> Int32 {
    key.withUnsafeBytes { partition(for: $0, partitions: partitions) }
  }
}
