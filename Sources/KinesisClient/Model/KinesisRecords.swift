/// Records of one shard as GetRecords returns them, stored column-wise: all `Data` bytes in one
/// buffer and all partition keys in another, so decoding a response allocates per response, not
/// per record (apart from the sequence-number strings).
///
/// Record `i`'s data is `data[dataOffsets[i]..<dataOffsets[i + 1]]`.
public struct KinesisRecords: Sendable, Hashable {
  public var data: [UInt8] = []
  public var dataOffsets: [Int] = [0]
  public var partitionKeys: [UInt8] = []
  public var partitionKeyOffsets: [Int] = [0]
  /// Decimal strings, increasing within a shard.
  public var sequenceNumbers: [String] = []
  /// `ApproximateArrivalTimestamp` in milliseconds since the epoch.
  public var arrivalTimestampsMs: [Int64] = []

  public init() {}

  public var count: Int { sequenceNumbers.count }
  public var isEmpty: Bool { sequenceNumbers.isEmpty }
  public var dataByteCount: Int { data.count }

  public func data(_ i: Int) -> ArraySlice<UInt8> { data[dataOffsets[i]..<dataOffsets[i + 1]] }

  public func partitionKeyBytes(_ i: Int) -> ArraySlice<UInt8> {
    partitionKeys[partitionKeyOffsets[i]..<partitionKeyOffsets[i + 1]]
  }

  public func partitionKey(_ i: Int) -> String { String(decoding: partitionKeyBytes(i), as: UTF8.self) }

  /// Appends one record (data bytes already decoded from base64).
  public mutating func append(
    data bytes: some Collection<UInt8>, partitionKey: some Collection<UInt8>, sequenceNumber: String,
    arrivalTimestampMs: Int64
  ) {
    data.append(contentsOf: bytes)
    dataOffsets.append(data.count)
    partitionKeys.append(contentsOf: partitionKey)
    partitionKeyOffsets.append(partitionKeys.count)
    sequenceNumbers.append(sequenceNumber)
    arrivalTimestampsMs.append(arrivalTimestampMs)
  }

  /// Closes a record whose data bytes the caller appended to ``data`` directly.
  mutating func finishRecord(
    partitionKey: some Collection<UInt8>, sequenceNumber: String, arrivalTimestampMs: Int64
  ) {
    dataOffsets.append(data.count)
    partitionKeys.append(contentsOf: partitionKey)
    partitionKeyOffsets.append(partitionKeys.count)
    sequenceNumbers.append(sequenceNumber)
    arrivalTimestampsMs.append(arrivalTimestampMs)
  }

  /// Appends every record of `other`.
  public mutating func append(contentsOf other: KinesisRecords) {
    let dataBase = data.count
    let keyBase = partitionKeys.count
    data.append(contentsOf: other.data)
    partitionKeys.append(contentsOf: other.partitionKeys)
    dataOffsets.append(contentsOf: other.dataOffsets.dropFirst().map { $0 + dataBase })
    partitionKeyOffsets.append(contentsOf: other.partitionKeyOffsets.dropFirst().map { $0 + keyBase })
    sequenceNumbers.append(contentsOf: other.sequenceNumbers)
    arrivalTimestampsMs.append(contentsOf: other.arrivalTimestampsMs)
  }

  /// The first `n` records.
  public func prefix(_ n: Int) -> KinesisRecords {
    guard n < count else { return self }
    var result = KinesisRecords()
    result.data = Array(data[0..<dataOffsets[n]])
    result.dataOffsets = Array(dataOffsets[0...n])
    result.partitionKeys = Array(partitionKeys[0..<partitionKeyOffsets[n]])
    result.partitionKeyOffsets = Array(partitionKeyOffsets[0...n])
    result.sequenceNumbers = Array(sequenceNumbers[0..<n])
    result.arrivalTimestampsMs = Array(arrivalTimestampsMs[0..<n])
    return result
  }
}

/// The answer of GetRecords.
public struct GetRecordsResult: Sendable, Hashable {
  public var records: KinesisRecords
  /// Absent when the shard is closed and every record of it has been returned.
  public var nextShardIterator: String?
  /// How far behind the shard's tip this answer is; 0 = caught up.
  public var millisBehindLatest: Int64?
  /// The successors of a closed shard, at its end.
  public var childShards: [ChildShard]

  public init(
    records: KinesisRecords, nextShardIterator: String?, millisBehindLatest: Int64?,
    childShards: [ChildShard] = []
  ) {
    self.records = records
    self.nextShardIterator = nextShardIterator
    self.millisBehindLatest = millisBehindLatest
    self.childShards = childShards
  }
}
