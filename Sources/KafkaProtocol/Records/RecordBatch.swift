public import SluiceCore

/// One decoded RecordBatch v2 (magic 2) with its records — the inspection form for tests and
/// tooling. The hot path decodes straight into `RawRecords` with ``RecordBatchDecoder``.
public struct RecordBatch: Sendable, Hashable {
  public var baseOffset: Int64
  public var partitionLeaderEpoch: Int32
  public var magic: Int8
  public var crc: UInt32
  public var attributes: Int16
  public var lastOffsetDelta: Int32
  public var baseTimestamp: Int64
  public var maxTimestamp: Int64
  public var producerID: Int64
  public var producerEpoch: Int16
  public var baseSequence: Int32
  public var records: [KafkaRecord]

  /// The codec in attribute bits 0–2 (`nil` for an unknown codec number).
  public var compression: KafkaCompression? { KafkaCompression(rawValue: attributes & 0x07) }
  /// Attribute bit 3: timestamps are the broker's append time.
  public var isLogAppendTime: Bool { attributes & 0x08 != 0 }
  /// Attribute bit 4.
  public var isTransactional: Bool { attributes & 0x10 != 0 }
  /// Attribute bit 5: the batch holds control records (transaction markers).
  public var isControl: Bool { attributes & 0x20 != 0 }
  /// Offset of the last record: `baseOffset + lastOffsetDelta`.
  public var lastOffset: Int64 { baseOffset + Int64(lastOffsetDelta) }
}

/// One record of a batch, with its absolute offset and timestamp.
public struct KafkaRecord: Sendable, Hashable {
  public var offset: Int64
  public var timestamp: Int64
  public var key: [UInt8]?
  /// `nil` is a tombstone (null value).
  public var value: [UInt8]?
  public var headers: [RecordHeader]

  public init(
    offset: Int64, timestamp: Int64, key: [UInt8]?, value: [UInt8]?, headers: [RecordHeader] = []
  ) {
    self.offset = offset
    self.timestamp = timestamp
    self.key = key
    self.value = value
    self.headers = headers
  }
}

/// What ``RecordBatchDecoder/decodeRecords(_:topic:partition:from:abortedTransactions:into:)``
/// saw in a Fetch partition's record bytes.
public struct DecodedRange: Sendable, Hashable {
  /// The offset after the last complete batch (`lastOffset + 1`, control and filtered batches
  /// included): where the next Fetch starts. `nil` when no complete batch was present.
  public var nextOffset: Int64?
  /// Records appended to the `RawRecords`.
  public var count: Int
  /// Complete batches seen.
  public var batchCount: Int
  /// Bytes of an incomplete trailing batch (the broker cut at max bytes); 0 when none. When
  /// ``nextOffset`` is `nil` and this is non-zero, the first batch is larger than the fetch size.
  public var incompleteTailBytes: Int

  public init(nextOffset: Int64?, count: Int, batchCount: Int, incompleteTailBytes: Int) {
    self.nextOffset = nextOffset
    self.count = count
    self.batchCount = batchCount
    self.incompleteTailBytes = incompleteTailBytes
  }
}

/// A transaction aborted within a fetched range (Fetch response, READ_COMMITTED): records of
/// `producerID` from `firstOffset` up to its abort marker are dropped.
public struct AbortedTransaction: Sendable, Hashable {
  public var producerID: Int64
  public var firstOffset: Int64

  public init(producerID: Int64, firstOffset: Int64) {
    self.producerID = producerID
    self.firstOffset = firstOffset
  }
}
