public import SluiceCore

/// Decodes RecordBatch v2 bytes (a Fetch partition's `records`): verifies every batch's CRC-32C,
/// decompresses (gzip, snappy raw or xerial, lz4 frame, zstd), skips control batches, and appends
/// records straight into `RawRecords`.
public enum RecordBatchDecoder {
  /// Appends the records of `bytes` with offset ≥ `minOffset` to `records` (value, key, topic
  /// slot, partition, offset, timestamp ms, headers). A null value is appended as empty bytes.
  ///
  /// A partial trailing batch is ignored (reported in ``DecodedRange/incompleteTailBytes``).
  /// `abortedTransactions` (READ_COMMITTED fetches) drops records of aborted transactions.
  /// - Throws: ``KafkaProtocolError`` — `corruptBatch` on a CRC mismatch (naming topic,
  ///   partition, base offset, expected and computed CRC), `unsupportedFormat` for magic 0/1 or
  ///   an unknown codec, `truncated`/`malformed` for records that do not fit their batch,
  ///   `decompression` for a corrupt compressed stream. On error `records` holds what it held
  ///   before the call.
  public static func decodeRecords(
    _ bytes: UnsafeRawBufferPointer, topic: String, partition: Int32, from minOffset: Int64,
    abortedTransactions: [AbortedTransaction] = [], into records: inout RawRecords
  ) throws -> DecodedRange {
    let slot = records.topicSlot(topic)
    var visitor = RawRecordsVisitor(
      records: records, topic: slot, partition: partition, minOffset: minOffset, aborted: abortedTransactions)
    let before = records.count
    records = RawRecords()  // let the visitor own the storage (no copy on append)
    defer { records = visitor.records }
    let tail: Int
    do {
      tail = try BatchParser(topic: topic, partition: partition).parse(bytes, visitor: &visitor)
    } catch {
      visitor.records.truncate(to: before)
      throw error
    }
    return DecodedRange(
      nextOffset: visitor.nextOffset, count: visitor.appended, batchCount: visitor.batches,
      incompleteTailBytes: tail)
  }

  /// Decodes every complete batch of `bytes` into ``RecordBatch`` values (control batches
  /// included), verifying CRCs. For tests and tooling.
  public static func decodeBatches(
    _ bytes: UnsafeRawBufferPointer, topic: String = "?", partition: Int32 = -1
  ) throws -> [RecordBatch] {
    var visitor = BatchListVisitor()
    _ = try BatchParser(topic: topic, partition: partition).parse(bytes, visitor: &visitor)
    return visitor.batches
  }
}

/// Appends records at or after `minOffset` to `RawRecords`, skipping control batches and
/// aborted transactions.
struct RawRecordsVisitor: BatchVisitor {
  var records: RawRecords
  let topic: Int32
  let partition: Int32
  let minOffset: Int64
  var nextOffset: Int64?
  var appended = 0
  var batches = 0
  /// Aborted transactions not yet reached, by descending first offset (pop from the end).
  var pendingAborts: [AbortedTransaction]
  var abortingProducers: Set<Int64> = []

  init(records: RawRecords, topic: Int32, partition: Int32, minOffset: Int64, aborted: [AbortedTransaction]) {
    self.records = records
    self.topic = topic
    self.partition = partition
    self.minOffset = minOffset
    pendingAborts = aborted.sorted { $0.firstOffset > $1.firstOffset }
  }

  mutating func wantsRecords(of batch: BatchHeader) -> Bool {
    while let next = pendingAborts.last, next.firstOffset <= batch.lastOffset {
      abortingProducers.insert(next.producerID)
      pendingAborts.removeLast()
    }
    if batch.isControl {
      // The abort (or commit) marker ends the producer's transaction.
      abortingProducers.remove(batch.producerID)
      return false
    }
    if batch.isTransactional && abortingProducers.contains(batch.producerID) { return false }
    return batch.lastOffset >= minOffset
  }

  mutating func record(
    offset: Int64, timestamp: Int64, key: UnsafeRawBufferPointer?, value: UnsafeRawBufferPointer?,
    headers: [RecordHeader]
  ) {
    guard offset >= minOffset else { return }
    let index = records.count
    records.append(
      value: value ?? UnsafeRawBufferPointer(start: nil, count: 0), key: key, topic: topic,
      partition: partition,
      offset: offset, timestamp: timestamp)
    if !headers.isEmpty || !records.headers.isEmpty {
      if records.headers.count < index {
        records.headers.append(contentsOf: repeatElement([], count: index - records.headers.count))
      }
      records.headers.append(headers)
    }
    appended += 1
  }

  mutating func finishedBatch(_ batch: BatchHeader) {
    batches += 1
    nextOffset = max(nextOffset ?? Int64.min, batch.lastOffset &+ 1)
  }
}

extension RawRecords {
  /// Drops the records after the first `count` (undoes a failed decode).
  mutating func truncate(to count: Int) {
    guard count < self.count else { return }
    values.removeSubrange(valueOffsets[count]...)
    valueOffsets.removeSubrange((count + 1)...)
    keys.removeSubrange(keyOffsets[count]...)
    keyOffsets.removeSubrange((count + 1)...)
    hasKey.removeSubrange(count...)
    topicIndex.removeSubrange(count...)
    partitions.removeSubrange(count...)
    offsets.removeSubrange(count...)
    timestamps.removeSubrange(count...)
    if headers.count > count { headers.removeSubrange(count...) }
    if sequenceNumbers.count > count { sequenceNumbers.removeSubrange(count...) }
  }
}

/// Collects whole batches with their records.
struct BatchListVisitor: BatchVisitor {
  var batches: [RecordBatch] = []
  var current: [KafkaRecord] = []

  mutating func wantsRecords(of batch: BatchHeader) -> Bool { true }

  mutating func record(
    offset: Int64, timestamp: Int64, key: UnsafeRawBufferPointer?, value: UnsafeRawBufferPointer?,
    headers: [RecordHeader]
  ) {
    current.append(
      KafkaRecord(
        offset: offset, timestamp: timestamp, key: key.map { [UInt8]($0) }, value: value.map { [UInt8]($0) },
        headers: headers))
  }

  mutating func finishedBatch(_ batch: BatchHeader) {
    batches.append(
      RecordBatch(
        baseOffset: batch.baseOffset, partitionLeaderEpoch: batch.partitionLeaderEpoch, magic: batch.magic,
        crc: batch.crc, attributes: batch.attributes, lastOffsetDelta: batch.lastOffsetDelta,
        baseTimestamp: batch.baseTimestamp, maxTimestamp: batch.maxTimestamp, producerID: batch.producerID,
        producerEpoch: batch.producerEpoch, baseSequence: batch.baseSequence, records: current))
    current = []
  }
}
