/// Parquet `PageHeader` with the sub-headers we read or write.
struct PageHeader: Hashable, Sendable {
  /// Parquet `DataPageHeader` (data page v1).
  struct DataPage: Hashable, Sendable {
    var numValues: Int32
    var encoding: Encoding
    var definitionLevelEncoding: Encoding
    var repetitionLevelEncoding: Encoding
  }

  /// Parquet `DictionaryPageHeader`.
  struct DictionaryPage: Hashable, Sendable {
    var numValues: Int32
    var encoding: Encoding
  }

  /// Parquet `DataPageHeaderV2`.
  struct DataPageV2: Hashable, Sendable {
    var numValues: Int32
    var numNulls: Int32
    var numRows: Int32
    var encoding: Encoding
    var definitionLevelsByteLength: Int32
    var repetitionLevelsByteLength: Int32
    var isCompressed: Bool
  }

  var type: PageType
  var uncompressedPageSize: Int32
  var compressedPageSize: Int32
  var crc: Int32?
  var dataPage: DataPage?
  var dictionaryPage: DictionaryPage?
  var dataPageV2: DataPageV2?

  init(type: PageType, uncompressedPageSize: Int32, compressedPageSize: Int32) {
    self.type = type
    self.uncompressedPageSize = uncompressedPageSize
    self.compressedPageSize = compressedPageSize
  }

  func encode(into writer: inout ThriftCompactWriter) {
    writer.beginStructElement()
    writer.field(1, i32: type.rawValue)
    writer.field(2, i32: uncompressedPageSize)
    writer.field(3, i32: compressedPageSize)
    if let crc { writer.field(4, i32: crc) }
    if let dataPage {
      writer.beginStruct(5)
      writer.field(1, i32: dataPage.numValues)
      writer.field(2, i32: dataPage.encoding.rawValue)
      writer.field(3, i32: dataPage.definitionLevelEncoding.rawValue)
      writer.field(4, i32: dataPage.repetitionLevelEncoding.rawValue)
      writer.endStruct()
    }
    if let dictionaryPage {
      writer.beginStruct(7)
      writer.field(1, i32: dictionaryPage.numValues)
      writer.field(2, i32: dictionaryPage.encoding.rawValue)
      writer.endStruct()
    }
    writer.endStruct()
  }

  init(from reader: inout ThriftCompactReader) throws(ParquetError) {
    var header = PageHeader(type: .dataPage, uncompressedPageSize: -1, compressedPageSize: -1)
    var hasType = false
    try reader.readStruct { r, t, id throws(ParquetError) in
      switch id {
      case 1:
        try r.expect(t, .i32, field: "PageHeader.type")
        header.type = PageType(rawValue: try r.readI32())
        hasType = true
      case 2:
        try r.expect(t, .i32, field: "PageHeader.uncompressed_page_size")
        header.uncompressedPageSize = try r.readI32()
      case 3:
        try r.expect(t, .i32, field: "PageHeader.compressed_page_size")
        header.compressedPageSize = try r.readI32()
      case 4:
        try r.expect(t, .i32, field: "PageHeader.crc")
        header.crc = try r.readI32()
      case 5:
        try r.expect(t, .struct, field: "PageHeader.data_page_header")
        header.dataPage = try Self.decodeDataPage(&r)
      case 7:
        try r.expect(t, .struct, field: "PageHeader.dictionary_page_header")
        header.dictionaryPage = try Self.decodeDictionaryPage(&r)
      case 8:
        try r.expect(t, .struct, field: "PageHeader.data_page_header_v2")
        header.dataPageV2 = try Self.decodeDataPageV2(&r)
      default: return false
      }
      return true
    }
    guard hasType, header.uncompressedPageSize >= 0, header.compressedPageSize >= 0 else {
      throw reader.corrupt("PageHeader misses its type or sizes, or has negative sizes")
    }
    self = header
  }

  private static func decodeDataPage(_ reader: inout ThriftCompactReader) throws(ParquetError) -> DataPage {
    var page = DataPage(
      numValues: -1, encoding: .plain, definitionLevelEncoding: .rle, repetitionLevelEncoding: .rle)
    try reader.readStruct { r, t, id throws(ParquetError) in
      guard id <= 4 else { return false }
      try r.expect(t, .i32, field: "DataPageHeader field \(id)")
      let value = try r.readI32()
      switch id {
      case 1: page.numValues = value
      case 2: page.encoding = Encoding(rawValue: value)
      case 3: page.definitionLevelEncoding = Encoding(rawValue: value)
      default: page.repetitionLevelEncoding = Encoding(rawValue: value)
      }
      return true
    }
    guard page.numValues >= 0 else { throw reader.corrupt("DataPageHeader without num_values") }
    return page
  }

  private static func decodeDictionaryPage(
    _ reader: inout ThriftCompactReader
  ) throws(ParquetError) -> DictionaryPage {
    var page = DictionaryPage(numValues: -1, encoding: .plain)
    try reader.readStruct { r, t, id throws(ParquetError) in
      switch id {
      case 1:
        try r.expect(t, .i32, field: "DictionaryPageHeader.num_values")
        page.numValues = try r.readI32()
      case 2:
        try r.expect(t, .i32, field: "DictionaryPageHeader.encoding")
        page.encoding = Encoding(rawValue: try r.readI32())
      default: return false
      }
      return true
    }
    guard page.numValues >= 0 else { throw reader.corrupt("DictionaryPageHeader without num_values") }
    return page
  }

  private static func decodeDataPageV2(_ reader: inout ThriftCompactReader) throws(ParquetError) -> DataPageV2
  {
    var page = DataPageV2(
      numValues: -1, numNulls: 0, numRows: -1, encoding: .plain, definitionLevelsByteLength: 0,
      repetitionLevelsByteLength: 0, isCompressed: true)
    try reader.readStruct { r, t, id throws(ParquetError) in
      switch id {
      case 1...6:
        try r.expect(t, .i32, field: "DataPageHeaderV2 field \(id)")
        let value = try r.readI32()
        switch id {
        case 1: page.numValues = value
        case 2: page.numNulls = value
        case 3: page.numRows = value
        case 4: page.encoding = Encoding(rawValue: value)
        case 5: page.definitionLevelsByteLength = value
        default: page.repetitionLevelsByteLength = value
        }
      case 7:
        try r.expect(t, .boolTrue, field: "DataPageHeaderV2.is_compressed")
        page.isCompressed = r.boolValue(t)
      default: return false
      }
      return true
    }
    guard page.numValues >= 0, page.numRows >= 0, page.definitionLevelsByteLength >= 0,
      page.repetitionLevelsByteLength >= 0
    else { throw reader.corrupt("DataPageHeaderV2 misses counts or has negative level lengths") }
    return page
  }
}
