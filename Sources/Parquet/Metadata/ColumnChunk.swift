/// Parquet `ColumnMetaData`: where a column chunk's pages are and what they hold.
struct ColumnMetaData: Hashable, Sendable {
  var type: PhysicalType
  var encodings: [Encoding]
  var pathInSchema: [String]
  var codec: CompressionCodec
  var numValues: Int64
  var totalUncompressedSize: Int64
  var totalCompressedSize: Int64
  var dataPageOffset: Int64
  var indexPageOffset: Int64?
  var dictionaryPageOffset: Int64?
  var statistics: ChunkStatistics?

  func encode(into writer: inout ThriftCompactWriter) {
    writer.field(1, i32: type.rawValue)
    writer.listField(2, i32: encodings.map(\.rawValue))
    writer.listField(3, strings: pathInSchema)
    writer.field(4, i32: codec.rawValue)
    writer.field(5, i64: numValues)
    writer.field(6, i64: totalUncompressedSize)
    writer.field(7, i64: totalCompressedSize)
    writer.field(9, i64: dataPageOffset)
    if let indexPageOffset { writer.field(10, i64: indexPageOffset) }
    if let dictionaryPageOffset { writer.field(11, i64: dictionaryPageOffset) }
    if let statistics {
      writer.fieldHeader(12, .struct)
      statistics.encode(into: &writer)
    }
  }

  init(
    type: PhysicalType, encodings: [Encoding], pathInSchema: [String], codec: CompressionCodec,
    numValues: Int64, totalUncompressedSize: Int64, totalCompressedSize: Int64, dataPageOffset: Int64,
    dictionaryPageOffset: Int64?, statistics: ChunkStatistics?
  ) {
    self.type = type
    self.encodings = encodings
    self.pathInSchema = pathInSchema
    self.codec = codec
    self.numValues = numValues
    self.totalUncompressedSize = totalUncompressedSize
    self.totalCompressedSize = totalCompressedSize
    self.dataPageOffset = dataPageOffset
    self.dictionaryPageOffset = dictionaryPageOffset
    self.statistics = statistics
  }

  init(from reader: inout ThriftCompactReader) throws(ParquetError) {
    var type: PhysicalType?
    var encodings: [Encoding] = []
    var path: [String] = []
    var codec: CompressionCodec?
    var numValues: Int64?
    var uncompressed: Int64 = 0
    var compressed: Int64?
    var dataPageOffset: Int64?
    var indexPageOffset: Int64?
    var dictionaryPageOffset: Int64?
    var statistics: ChunkStatistics?
    try reader.readStruct { r, t, id throws(ParquetError) in
      switch id {
      case 1:
        try r.expect(t, .i32, field: "ColumnMetaData.type")
        type = PhysicalType(rawValue: try r.readI32())
      case 2:
        try r.expect(t, .list, field: "ColumnMetaData.encodings")
        encodings = try r.readList(expecting: .i32, field: "encodings") { r throws(ParquetError) in
          Encoding(rawValue: try r.readI32())
        }
      case 3:
        try r.expect(t, .list, field: "ColumnMetaData.path_in_schema")
        path = try r.readList(expecting: .binary, field: "path_in_schema") { r throws(ParquetError) in
          try r.readString()
        }
      case 4:
        try r.expect(t, .i32, field: "ColumnMetaData.codec")
        codec = CompressionCodec(rawValue: try r.readI32())
      case 5:
        try r.expect(t, .i64, field: "ColumnMetaData.num_values")
        numValues = try r.readI64()
      case 6:
        try r.expect(t, .i64, field: "ColumnMetaData.total_uncompressed_size")
        uncompressed = try r.readI64()
      case 7:
        try r.expect(t, .i64, field: "ColumnMetaData.total_compressed_size")
        compressed = try r.readI64()
      case 9:
        try r.expect(t, .i64, field: "ColumnMetaData.data_page_offset")
        dataPageOffset = try r.readI64()
      case 10:
        try r.expect(t, .i64, field: "ColumnMetaData.index_page_offset")
        indexPageOffset = try r.readI64()
      case 11:
        try r.expect(t, .i64, field: "ColumnMetaData.dictionary_page_offset")
        dictionaryPageOffset = try r.readI64()
      case 12:
        try r.expect(t, .struct, field: "ColumnMetaData.statistics")
        statistics = try ChunkStatistics(from: &r)
      default: return false
      }
      return true
    }
    guard let type, let codec, let numValues, let compressed, let dataPageOffset else {
      throw reader.corrupt(
        "ColumnMetaData misses a required field (type, codec, num_values, sizes or offset)")
    }
    self.init(
      type: type, encodings: encodings, pathInSchema: path, codec: codec, numValues: numValues,
      totalUncompressedSize: uncompressed, totalCompressedSize: compressed, dataPageOffset: dataPageOffset,
      dictionaryPageOffset: dictionaryPageOffset, statistics: statistics)
    self.indexPageOffset = indexPageOffset
  }
}

/// Parquet `ColumnChunk`: a column's chunk in one row group (always with inline metadata here).
struct ColumnChunk: Hashable, Sendable {
  var filePath: String?
  var fileOffset: Int64
  var metaData: ColumnMetaData

  func encode(into writer: inout ThriftCompactWriter) {
    writer.beginStructElement()
    writer.field(2, i64: fileOffset)
    writer.beginStruct(3)
    metaData.encode(into: &writer)
    writer.endStruct()
    writer.endStruct()
  }

  init(fileOffset: Int64, metaData: ColumnMetaData) {
    self.fileOffset = fileOffset
    self.metaData = metaData
  }

  init(from reader: inout ThriftCompactReader) throws(ParquetError) {
    var filePath: String?
    var fileOffset: Int64 = 0
    var metaData: ColumnMetaData?
    try reader.readStruct { r, t, id throws(ParquetError) in
      switch id {
      case 1:
        try r.expect(t, .binary, field: "ColumnChunk.file_path")
        filePath = try r.readString()
      case 2:
        try r.expect(t, .i64, field: "ColumnChunk.file_offset")
        fileOffset = try r.readI64()
      case 3:
        try r.expect(t, .struct, field: "ColumnChunk.meta_data")
        metaData = try ColumnMetaData(from: &r)
      default: return false
      }
      return true
    }
    guard let metaData else {
      throw ParquetError.unsupported(
        "column chunk without inline meta_data (encrypted or external metadata) is not supported")
    }
    self.init(fileOffset: fileOffset, metaData: metaData)
    self.filePath = filePath
  }
}
