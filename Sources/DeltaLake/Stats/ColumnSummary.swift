public import SluiceCore

/// Per-column facts about one data file, the input of ``FileStatistics``: null count and, for
/// columns that have them, the minimum and maximum value.
///
/// The Parquet writer computes these while encoding (see `ParquetDataFileEncoder`); tests and
/// other encoders can compute them from a batch with ``summarize(_:)``.
public struct ColumnSummary: Sendable, Hashable {
  public var name: String
  public var nullCount: Int64
  public var min: Value?
  public var max: Value?

  public init(name: String, nullCount: Int64, min: Value? = nil, max: Value? = nil) {
    self.name = name
    self.nullCount = nullCount
    self.min = min
    self.max = max
  }

  /// Summaries of every column of `batch` (lists get no min/max; NaN is ignored).
  public static func summarize(_ batch: RecordBatch) -> [ColumnSummary] {
    zip(batch.schema.fields, batch.columns).map { field, column in
      var summary = ColumnSummary(name: field.name, nullCount: Int64(column.nullCount))
      var low: Value?
      var high: Value?
      for row in 0..<column.count where column.validity[row] {
        let value = column.value(at: row)
        if case .list = value { break }
        if case .double(let d) = value, d.isNaN { continue }
        if low == nil || ValueOrder.less(value, low!) { low = value }
        if high == nil || ValueOrder.less(high!, value) { high = value }
      }
      summary.min = low
      summary.max = high
      return summary
    }
  }
}

/// The order of values of one column type (strings by UTF-8 bytes, as Parquet and Delta do).
enum ValueOrder {
  static func less(_ a: Value, _ b: Value) -> Bool {
    switch (a, b) {
    case (.string(let x), .string(let y)): Array(x.utf8).lexicographicallyPrecedes(Array(y.utf8))
    case (.int32(let x), .int32(let y)), (.date(let x), .date(let y)): x < y
    case (.int64(let x), .int64(let y)), (.timestamp(let x), .timestamp(let y)): x < y
    case (.double(let x), .double(let y)): x < y
    case (.boolean(let x), .boolean(let y)): !x && y
    default: false
    }
  }
}
