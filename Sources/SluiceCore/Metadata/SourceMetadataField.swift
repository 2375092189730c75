/// A piece of per-record source metadata that a job can add to its rows as a column, next to the
/// fields decoded from the record value (Spark's Kafka source exposes the same: key, topic,
/// partition, offset, timestamp, headers).
///
/// Job files name them under `source.metadata:`; the column is named after the field's
/// ``columnName`` (rename it later with a `rename` operator). Kinesis spellings are accepted as
/// aliases: `partitionKey` = key, `stream` = topic, `shardId` = shard id string,
/// `sequenceNumber` = the decimal sequence number, `approximateArrivalTimestamp` = timestamp.
public enum SourceMetadataField: String, Sendable, Hashable, CaseIterable {
  /// The record key as UTF-8 text (null when the record has no key).
  case key
  /// Topic (or stream) name.
  case topic
  /// Partition number (for Kinesis, the numeric part of the shard id).
  case partition
  /// Offset in the partition (int64). Kinesis: not meaningful, use `sequenceNumber`.
  case offset
  /// Record timestamp (producer/broker time, or Kinesis approximate arrival time).
  case timestamp
  /// Record headers as a JSON object text `{"k":"v",...}` (values as UTF-8 text, null kept).
  case headers
  /// Kinesis partition key (same as `key`, Kinesis spelling).
  case partitionKey
  /// Kinesis stream name (same as `topic`, Kinesis spelling).
  case stream
  /// Kinesis shard id, e.g. `shardId-000000000001`.
  case shardId
  /// Kinesis sequence number (decimal string; `offset` as text for other sources).
  case sequenceNumber
  /// Kinesis approximate arrival timestamp (same as `timestamp`).
  case approximateArrivalTimestamp

  /// The name of the column the field becomes.
  public var columnName: String { rawValue }

  /// The column's type.
  public var dataType: DataType {
    switch self {
    case .key, .topic, .headers, .partitionKey, .stream, .shardId, .sequenceNumber: .string
    case .partition: .int32
    case .offset: .int64
    case .timestamp, .approximateArrivalTimestamp: .timestamp
    }
  }

  /// The accepted names, for error messages.
  public static var acceptedNames: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
