/// Parquet `Statistics` of a column chunk or page: PLAIN-encoded bounds (without the BYTE_ARRAY
/// length prefix) and counts.
struct ChunkStatistics: Hashable, Sendable {
  /// Deprecated `max` (field 1): signed order, only trusted for numeric columns.
  var legacyMax: [UInt8]?
  /// Deprecated `min` (field 2).
  var legacyMin: [UInt8]?
  var nullCount: Int64?
  var distinctCount: Int64?
  var maxValue: [UInt8]?
  var minValue: [UInt8]?

  init(nullCount: Int64? = nil, minValue: [UInt8]? = nil, maxValue: [UInt8]? = nil) {
    self.nullCount = nullCount
    self.minValue = minValue
    self.maxValue = maxValue
  }

  func encode(into writer: inout ThriftCompactWriter) {
    writer.beginStructElement()
    if let legacyMax { writer.field(1, binary: legacyMax) }
    if let legacyMin { writer.field(2, binary: legacyMin) }
    if let nullCount { writer.field(3, i64: nullCount) }
    if let distinctCount { writer.field(4, i64: distinctCount) }
    if let maxValue { writer.field(5, binary: maxValue) }
    if let minValue { writer.field(6, binary: minValue) }
    writer.endStruct()
  }

  init(from reader: inout ThriftCompactReader) throws(ParquetError) {
    var stats = ChunkStatistics()
    try reader.readStruct { r, type, id throws(ParquetError) in
      switch id {
      case 1:
        try r.expect(type, .binary, field: "Statistics.max")
        stats.legacyMax = try r.readBinary()
      case 2:
        try r.expect(type, .binary, field: "Statistics.min")
        stats.legacyMin = try r.readBinary()
      case 3:
        try r.expect(type, .i64, field: "Statistics.null_count")
        stats.nullCount = try r.readI64()
      case 4:
        try r.expect(type, .i64, field: "Statistics.distinct_count")
        stats.distinctCount = try r.readI64()
      case 5:
        try r.expect(type, .binary, field: "Statistics.max_value")
        stats.maxValue = try r.readBinary()
      case 6:
        try r.expect(type, .binary, field: "Statistics.min_value")
        stats.minValue = try r.readBinary()
      default: return false
      }
      return true
    }
    self = stats
  }
}
