public import SluiceCore

/// Builders for small batches and raw records in tests.
public enum TestBatches {
  /// A one-column `int64` batch.
  public static func int64(_ name: String = "value", _ values: [Int64]) -> RecordBatch {
    try! RecordBatch(schema: Schema([Field(name, .int64)]), rows: values.map { [.int64($0)] })
  }

  /// A batch from rows of values; the schema names and types the columns.
  public static func rows(_ schema: Schema, _ rows: [[Value]]) throws -> RecordBatch {
    try RecordBatch(schema: schema, rows: rows)
  }

  /// Raw records with the given string values, offsets counting from `firstOffset`.
  public static func raw(
    _ values: [String], topic: String = "mem", partition: Int32 = 0, firstOffset: Int64 = 0
  ) -> RawRecords {
    var records = RawRecords()
    for (i, value) in values.enumerated() {
      records.append(
        value: Array(value.utf8), topic: topic, partition: partition, offset: firstOffset + Int64(i))
    }
    return records
  }

  /// `["0", "1", …]` for `range`: record values the ``IntegerValueDecoder`` turns into numbers.
  public static func numbers(_ range: Range<Int>) -> [String] { range.map(String.init) }
}
