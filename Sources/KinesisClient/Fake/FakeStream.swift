import Crypto

/// How the fake numbers records.
public enum SequenceNumberStyle: Sendable, Hashable {
  /// 56-digit decimals like AWS (`49` + a stream-wide counter + the shard number).
  case aws
  /// `1`, `2`, … per shard, like moto.
  case short
}

/// One shard of the fake: its records and place in the lineage.
struct FakeShard: Sendable {
  struct Record: Sendable {
    var sequenceNumber: String
    var data: [UInt8]
    var partitionKey: String
    var arrivalMs: Int64
  }

  var number: Int
  var id: String
  var parents: [String]
  var hashStart: UInt128
  var hashEnd: UInt128
  var startingSequenceNumber: String
  var endingSequenceNumber: String?
  var records: [Record] = []
  /// Per-shard counter for the short style.
  var counter: UInt64 = 0

  var isOpen: Bool { endingSequenceNumber == nil }

  var description: Shard {
    Shard(
      shardID: id, parentShardID: parents.first, adjacentParentShardID: parents.count > 1 ? parents[1] : nil,
      hashKeyRange: Shard.HashKeyRange(startingHashKey: String(hashStart), endingHashKey: String(hashEnd)),
      sequenceNumberRange: Shard.SequenceNumberRange(
        startingSequenceNumber: startingSequenceNumber, endingSequenceNumber: endingSequenceNumber))
  }

  /// Index of the first record with a sequence number above (`after`) or at least `sequence`.
  func index(of sequence: String, after: Bool) -> Int {
    var low = 0
    var high = records.count
    while low < high {
      let mid = (low + high) / 2
      let order = SequenceNumber.compare(records[mid].sequenceNumber, sequence)
      if order < 0 || (after && order == 0) { low = mid + 1 } else { high = mid }
    }
    return low
  }
}

/// One stream of the fake.
struct FakeStream: Sendable {
  var name: String
  var arn: String
  var shards: [FakeShard] = []
  var createdMs: Int64
  /// Stream-wide counter behind AWS-style sequence numbers.
  var counter: UInt64 = 0
  var style: SequenceNumberStyle

  init(name: String, shardCount: Int, style: SequenceNumberStyle, nowMs: Int64) {
    self.name = name
    self.arn = "arn:aws:kinesis:us-east-1:123456789012:stream/\(name)"
    self.createdMs = nowMs
    self.style = style
    let step = UInt128.max / UInt128(shardCount)
    for i in 0..<shardCount {
      let start = step * UInt128(i)
      let end = i == shardCount - 1 ? UInt128.max : step * UInt128(i + 1) - 1
      addShard(parents: [], hashStart: start, hashEnd: end)
    }
  }

  @discardableResult
  mutating func addShard(parents: [String], hashStart: UInt128, hashEnd: UInt128) -> Int {
    let number = shards.count
    let shard = FakeShard(
      number: number, id: RawShardID.make(number), parents: parents, hashStart: hashStart, hashEnd: hashEnd,
      startingSequenceNumber: peekSequence(shard: number, perShardCounter: 0))
    shards.append(shard)
    return number
  }

  func index(of shardID: String) -> Int? { shards.firstIndex { $0.id == shardID } }

  /// The sequence number the next record of shard `shard` would get (without taking it).
  func peekSequence(shard: Int, perShardCounter: UInt64) -> String {
    switch style {
    case .short: return String(perShardCounter + 1)
    case .aws:
      let counterDigits = String(counter + 1)
      let shardDigits = String(shard)
      return "49" + String(repeating: "0", count: 40 - counterDigits.count) + counterDigits
        + String(repeating: "0", count: 14 - shardDigits.count) + shardDigits
    }
  }

  /// Takes the next sequence number of shard `shard`.
  mutating func nextSequence(shard: Int) -> String {
    let sequence = peekSequence(shard: shard, perShardCounter: shards[shard].counter)
    shards[shard].counter += 1
    counter += 1
    return sequence
  }

  /// The open shard whose hash range holds `hash`.
  func shardIndex(forHash hash: UInt128) -> Int? {
    shards.firstIndex { $0.isOpen && $0.hashStart <= hash && hash <= $0.hashEnd }
  }

  /// `MD5(partitionKey)` as a big-endian 128-bit integer (Kinesis' routing).
  static func hashKey(_ partitionKey: String) -> UInt128 {
    Insecure.MD5.hash(data: Array(partitionKey.utf8)).reduce(UInt128(0)) { $0 << 8 | UInt128($1) }
  }
}

/// `shardId-000000000007`.
enum RawShardID {
  static func make(_ number: Int) -> String {
    let digits = String(number)
    return "shardId-" + String(repeating: "0", count: max(0, 12 - digits.count)) + digits
  }
}
