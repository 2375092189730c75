import SluiceCompression
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
    let delta = offsetDelta ?? records.last.map { Int32($0.offset - baseOffset) + 1 } ?? 0
    records.append(
      KafkaRecord(
        offset: baseOffset + Int64(delta), timestamp: timestamp, key: key, value: value, headers: headers))
  }

  /// The batch bytes (CRC-32C computed over attributes … end).
  /// - Throws: ``KafkaProtocolError`` for an empty batch or a failing compressor.
  public func encode() throws -> [UInt8] {
    guard let first = records.first, let last = records.last else {
      throw KafkaProtocolError(.malformed, "a record batch needs at least one record")
    }
    let baseTimestamp = first.timestamp
    let maxTimestamp = records.map(\.timestamp).max() ?? baseTimestamp
    var body = KafkaWriter(capacity: 64 * records.count)
    for r in records {
      var record = KafkaWriter(capacity: 64 + (r.value?.count ?? 0))
      record.writeInt8(0)
      record.writeVarlong(r.timestamp - baseTimestamp)
      record.writeVarint(Int32(r.offset - baseOffset))
      Self.writeVarBytes(r.key, into: &record)
      Self.writeVarBytes(r.value, into: &record)
      record.writeVarint(Int32(r.headers.count))
      for header in r.headers {
        Self.writeVarBytes(Array(header.key.utf8), into: &record)
        Self.writeVarBytes(header.value, into: &record)
      }
      body.writeVarint(Int32(record.count))
      body.writeRaw(record.bytes)
    }
    let payload: [UInt8]
    do {
      payload = try Self.compress(body.bytes, compression)
    } catch {
      throw KafkaProtocolError(.decompression, "cannot \(compression)-compress a record batch: \(error)")
    }
    var attributes = compression.rawValue
    if isLogAppendTime { attributes |= 0x08 }
    if isTransactional { attributes |= 0x10 }
    if isControl { attributes |= 0x20 }
    var batch = KafkaWriter(capacity: BatchHeader.size + payload.count)
    batch.writeInt64(baseOffset)
    batch.writeInt32(Int32(BatchHeader.size - BatchHeader.prefixSize + payload.count))
    batch.writeInt32(partitionLeaderEpoch)
    batch.writeInt8(2)
    batch.writeUInt32(0)
    batch.writeInt16(attributes)
    batch.writeInt32(Int32(last.offset - baseOffset))
    batch.writeInt64(baseTimestamp)
    batch.writeInt64(maxTimestamp)
    batch.writeInt64(producerID)
    batch.writeInt16(producerEpoch)
    batch.writeInt32(baseSequence)
    batch.writeInt32(Int32(records.count))
    batch.writeRaw(payload)
    let crc = batch.bytes.withUnsafeBytes {
      BatchChecksum.crc32c(UnsafeRawBufferPointer(rebasing: $0[21...]))
    }
    batch.patchUInt32(at: 17, crc)
    return batch.bytes
  }

  private static func writeVarBytes(_ bytes: [UInt8]?, into writer: inout KafkaWriter) {
    guard let bytes else { return writer.writeVarint(-1) }
    writer.writeVarint(Int32(bytes.count))
    writer.writeRaw(bytes)
  }

  static func compress(_ plain: [UInt8], _ codec: KafkaCompression) throws -> [UInt8] {
    switch codec {
    case .none: plain
    case .gzip: try Gzip.compress(plain)
    case .snappy: Snappy.compressXerial(plain)
    case .lz4: LZ4.compressFrame(plain)
    case .zstd: try Zstd.compress(plain)
    }
  }
}
