/// Parquet `RowGroup`.
struct RowGroup: Hashable, Sendable {
  var columns: [ColumnChunk]
  var totalByteSize: Int64
  var numRows: Int64
  var fileOffset: Int64?
  var totalCompressedSize: Int64?
  var ordinal: Int16?

  func encode(into writer: inout ThriftCompactWriter) {
    writer.beginStructElement()
    writer.listField(1, elementType: .struct, count: columns.count)
    for column in columns { column.encode(into: &writer) }
    writer.field(2, i64: totalByteSize)
    writer.field(3, i64: numRows)
    if let fileOffset { writer.field(5, i64: fileOffset) }
    if let totalCompressedSize { writer.field(6, i64: totalCompressedSize) }
    if let ordinal { writer.field(7, i16: ordinal) }
    writer.endStruct()
  }

  init(
    columns: [ColumnChunk], totalByteSize: Int64, numRows: Int64, fileOffset: Int64?,
    totalCompressedSize: Int64?, ordinal: Int16?
  ) {
    self.columns = columns
    self.totalByteSize = totalByteSize
    self.numRows = numRows
    self.fileOffset = fileOffset
    self.totalCompressedSize = totalCompressedSize
    self.ordinal = ordinal
  }

  init(from reader: inout ThriftCompactReader) throws(ParquetError) {
    var group = RowGroup(
      columns: [], totalByteSize: 0, numRows: 0, fileOffset: nil, totalCompressedSize: nil, ordinal: nil)
    var hasRows = false
    try reader.readStruct { r, t, id throws(ParquetError) in
      switch id {
      case 1:
        try r.expect(t, .list, field: "RowGroup.columns")
        group.columns = try r.readList(expecting: .struct, field: "columns") { r throws(ParquetError) in
          try ColumnChunk(from: &r)
        }
      case 2:
        try r.expect(t, .i64, field: "RowGroup.total_byte_size")
        group.totalByteSize = try r.readI64()
      case 3:
        try r.expect(t, .i64, field: "RowGroup.num_rows")
        group.numRows = try r.readI64()
        hasRows = true
      case 5:
        try r.expect(t, .i64, field: "RowGroup.file_offset")
        group.fileOffset = try r.readI64()
      case 6:
        try r.expect(t, .i64, field: "RowGroup.total_compressed_size")
        group.totalCompressedSize = try r.readI64()
      case 7:
        try r.expect(t, .i16, field: "RowGroup.ordinal")
        group.ordinal = try r.readI16()
      default: return false
      }
      return true
    }
    guard hasRows else { throw reader.corrupt("RowGroup without num_rows") }
    self = group
  }
}
