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
  ///   an unknown codec, `truncated`/`malformed` for records that do not fit their batch.
  public static func decodeRecords(
    _ bytes: UnsafeRawBufferPointer, topic: String, partition: Int32, from minOffset: Int64,
    abortedTransactions: [AbortedTransaction] = [], into records: inout RawRecords
  ) throws -> DecodedRange {
    fatalError("todo")
  }

  /// Decodes every complete batch of `bytes` into ``RecordBatch`` values (control batches
  /// included), verifying CRCs. For tests and tooling.
  public static func decodeBatches(
    _ bytes: UnsafeRawBufferPointer, topic: String = "?", partition: Int32 = -1
  ) throws -> [RecordBatch] {
    fatalError("todo")
  }
}
