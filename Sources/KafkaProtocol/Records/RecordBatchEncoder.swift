public import SluiceCore

/// Builds one RecordBatch v2 (magic 2) with any codec — for Produce, tests and fixtures.
public struct RecordBatchEncoder: Sendable {
  public var baseOffset: Int64
  public var compression: KafkaCompression
  public var partitionLeaderEpoch: Int32 = -1
  public var producerID: Int64 = -1
  public var producerEpoch: Int16 = -1
  public var baseSequence: Int32 = -1
  public var isTransactional = false
  /// Marks the batch as a control batch (its records should be control records).
  public var isControl = false
  public var isLogAppendTime = false
  public private(set) var records: [KafkaRecord] = []

  public init(baseOffset: Int64 = 0, compression: KafkaCompression = .none) {
    self.baseOffset = baseOffset
    self.compression = compression
  }

  public var isEmpty: Bool { records.isEmpty }

  /// Adds a record at offset `baseOffset + offsetDelta` (default: the next dense offset).
  public mutating func append(
    key: [UInt8]?, value: [UInt8]?, headers: [RecordHeader] = [], timestamp: Int64,
    offsetDelta: Int32? = nil
  ) {
    fatalError("todo")
  }

  /// The batch bytes (CRC-32C computed over attributes … end).
  public func encode() throws -> [UInt8] {
    fatalError("todo")
  }
}
