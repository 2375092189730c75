import Crypto

/// Kinesis' record routing over a stream whose shards split the 128-bit hash-key space into
/// equal, contiguous ranges (as CreateStream does): a record goes to the shard whose range holds
/// `MD5(UTF-8 partition key)` read as an unsigned big-endian 128-bit integer, or the explicit
/// hash key when one is given.
struct ShardRouting: Sendable {
  let shardCount: Int

  init(shardCount: Int) {
    precondition(shardCount > 0, "a stream has at least one shard")
    self.shardCount = shardCount
  }

  /// ⌊2¹²⁸ / shardCount⌋ (for more than one shard).
  private var width: UInt128 {
    let n = UInt128(shardCount)
    return UInt128.max / n + (UInt128.max % n == n - 1 ? 1 : 0)
  }

  /// The inclusive hash-key range of `shard`: shard i starts at i·⌊2¹²⁸/n⌋; the last one ends at
  /// 2¹²⁸ − 1.
  func hashKeyRange(shard: Int) -> ClosedRange<UInt128> {
    guard shardCount > 1 else { return 0...UInt128.max }
    let start = width * UInt128(shard)
    let end = shard == shardCount - 1 ? UInt128.max : start + width - 1
    return start...end
  }

  func shard(forHashKey key: UInt128) -> Int32 {
    guard shardCount > 1 else { return 0 }
    return Int32(min(Int(key / width), shardCount - 1))
  }

  /// The shard of `partitionKey` (its UTF-8 bytes).
  func shard(forPartitionKey partitionKey: UnsafeRawBufferPointer) -> Int32 {
    shard(forHashKey: Self.hashKey(partitionKey))
  }

  /// MD5 of `bytes` as an unsigned big-endian 128-bit integer.
  static func hashKey(_ bytes: UnsafeRawBufferPointer) -> UInt128 {
    var md5 = Insecure.MD5()
    md5.update(bufferPointer: bytes)
    var value: UInt128 = 0
    for byte in md5.finalize() { value = value << 8 | UInt128(byte) }
    return value
  }

  /// Parses an `ExplicitHashKey` (a decimal string in 0 … 2¹²⁸ − 1).
  static func parseHashKey(_ text: String) -> UInt128? {
    guard !text.isEmpty, text.utf8.count <= 39, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
      return nil
    }
    return UInt128(text)
  }
}
