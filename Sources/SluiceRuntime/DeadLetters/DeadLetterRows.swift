import Foundation
public import SluiceCore

/// The rows of a dead-letter table: one per bad record, with everything needed to understand
/// it and to replay it (`sluice deadletter replay`).
///
/// | column | type | |
/// |---|---|---|
/// | `value` | string | the raw value, invalid UTF-8 replaced by U+FFFD (for reading) |
/// | `value_base64` | string | the exact raw bytes, base64 (for replay) |
/// | `key` | string | the record key (null when none) |
/// | `topic` | string | topic (log, Kafka) or stream (Kinesis) |
/// | `partition` | int32 | partition, or the shard number |
/// | `offset` | int64 | offset in the partition (Kinesis: position in the batch's read) |
/// | `sequence_number` | string | Kinesis sequence number (null for logs) |
/// | `source_timestamp` | timestamp | the record's timestamp |
/// | `position` | string | `topic T partition P offset O` / `stream S shard … sequence N` |
/// | `error` | string | why it was rejected |
/// | `step` | string | `decode` or the transform that rejected it |
/// | `batch_id` | int64 | the micro-batch |
/// | `query_id` | string | the query (checkpoint metadata id) |
/// | `failed_at` | timestamp | when the batch ran |
public enum DeadLetterRows {
  public static let schema = Schema([
    Field("value", .string), Field("value_base64", .string), Field("key", .string),
    Field("topic", .string), Field("partition", .int32), Field("offset", .int64),
    Field("sequence_number", .string), Field("source_timestamp", .timestamp), Field("position", .string),
    Field("error", .string), Field("step", .string), Field("batch_id", .int64), Field("query_id", .string),
    Field("failed_at", .timestamp),
  ])

  /// The dead-letter rows of `rejected` (indices into `records`), in input order.
  public static func batch(
    records: RawRecords, rejected: [RejectedRecord], batch: BatchID, query: QueryID, failedAtMs: Int64
  ) -> RecordBatch {
    let n = rejected.count
    var columns = schema.fields.map { Column(type: $0.type, capacity: n) }
    for letter in rejected.sorted(by: { $0.index < $1.index }) {
      let i = letter.index
      let value = Array(records.value(i))
      columns[0].append(string: String(decoding: value, as: UTF8.self))
      columns[1].append(string: Data(value).base64EncodedString())
      if let key = records.key(i) {
        columns[2].append(string: String(decoding: key, as: UTF8.self))
      } else {
        columns[2].appendNull()
      }
      columns[3].append(string: records.topic(i))
      columns[4].append(int32: records.partitions[i])
      columns[5].append(int64: records.offsets[i])
      if i < records.sequenceNumbers.count {
        columns[6].append(string: records.sequenceNumbers[i])
      } else {
        columns[6].appendNull()
      }
      columns[7].append(int64: records.timestamps[i] &* 1000)
      columns[8].append(string: letter.position)
      columns[9].append(string: letter.reason)
      columns[10].append(string: letter.step)
      columns[11].append(int64: batch.rawValue)
      columns[12].append(string: query.rawValue)
      columns[13].append(int64: failedAtMs &* 1000)
    }
    return RecordBatch(unchecked: schema, columns: columns)
  }

  /// The raw records held by dead-letter rows (the inverse of ``batch(records:rejected:batch:query:failedAtMs:)``
  /// for the value, key and position): what a replay feeds to the job's decoder. Rows whose
  /// `value_base64` is not base64 fall back to the UTF-8 of `value`.
  public static func records(from rows: RecordBatch) throws(CoreError) -> RawRecords {
    func column(_ name: String) throws(CoreError) -> Column {
      guard let column = rows.column(named: name) else {
        throw CoreError(
          .schemaMismatch,
          "the table has no column '\(name)', so it is not a Sluice dead-letter table (columns: "
            + rows.schema.names.joined(separator: ", ") + ")")
      }
      return column
    }
    let value = try column("value")
    let base64 = try column("value_base64")
    let key = try column("key")
    let topic = try column("topic")
    let partition = try column("partition")
    let offset = try column("offset")
    let sequence = try column("sequence_number")
    let timestamp = try column("source_timestamp")
    var records = RawRecords(capacity: rows.count)
    var sequences: [String] = []
    for i in 0..<rows.count {
      let exact = base64.string(at: i).flatMap { Data(base64Encoded: $0) }.map { [UInt8]($0) }
      let bytes = exact ?? Array((value.string(at: i) ?? "").utf8)
      records.append(
        value: bytes, key: key.string(at: i).map { Array($0.utf8) }, topic: topic.string(at: i) ?? "",
        partition: partition.isNull(i) ? 0 : partition.int32Values[i],
        offset: offset.isNull(i) ? 0 : offset.int64Values[i],
        timestamp: timestamp.isNull(i) ? 0 : timestamp.int64Values[i] / 1000)
      sequences.append(sequence.string(at: i) ?? "")
    }
    if sequences.contains(where: { !$0.isEmpty }) {
      records.sequenceNumbers = sequences
      records.positionStyle = .streamShardSequence
    }
    return records
  }
}
