/// Parquet `FileMetaData`: the footer.
struct FileMetaData: Hashable, Sendable {
  var version: Int32
  var schema: [SchemaElement]
  var numRows: Int64
  var rowGroups: [RowGroup]
  var keyValueMetadata: [KeyValue]
  var createdBy: String?
  /// Number of `TYPE_ORDER` column orders to write (one per leaf); on read, how many were present.
  var typeDefinedColumnOrders: Int

  init(
    version: Int32 = 1, schema: [SchemaElement], numRows: Int64, rowGroups: [RowGroup],
    keyValueMetadata: [KeyValue], createdBy: String?, typeDefinedColumnOrders: Int
  ) {
    self.version = version
    self.schema = schema
    self.numRows = numRows
    self.rowGroups = rowGroups
    self.keyValueMetadata = keyValueMetadata
    self.createdBy = createdBy
    self.typeDefinedColumnOrders = typeDefinedColumnOrders
  }

  func encoded() -> [UInt8] {
    var writer = ThriftCompactWriter(capacity: 1024 + 256 * rowGroups.count * max(1, schema.count))
    writer.beginStructElement()
    writer.field(1, i32: version)
    writer.listField(2, elementType: .struct, count: schema.count)
    for element in schema { element.encode(into: &writer) }
    writer.field(3, i64: numRows)
    writer.listField(4, elementType: .struct, count: rowGroups.count)
    for group in rowGroups { group.encode(into: &writer) }
    if !keyValueMetadata.isEmpty {
      writer.listField(5, elementType: .struct, count: keyValueMetadata.count)
      for pair in keyValueMetadata { pair.encode(into: &writer) }
    }
    if let createdBy { writer.field(6, string: createdBy) }
    if typeDefinedColumnOrders > 0 {
      writer.listField(7, elementType: .struct, count: typeDefinedColumnOrders)
      for _ in 0..<typeDefinedColumnOrders {
        writer.beginStructElement()
        writer.beginStruct(1)
        writer.endStruct()
        writer.endStruct()
      }
    }
    writer.endStruct()
    return writer.bytes
  }

  init(from reader: inout ThriftCompactReader) throws(ParquetError) {
    var meta = FileMetaData(
      version: 0, schema: [], numRows: -1, rowGroups: [], keyValueMetadata: [], createdBy: nil,
      typeDefinedColumnOrders: 0)
    try reader.readStruct { r, t, id throws(ParquetError) in
      switch id {
      case 1:
        try r.expect(t, .i32, field: "FileMetaData.version")
        meta.version = try r.readI32()
      case 2:
        try r.expect(t, .list, field: "FileMetaData.schema")
        meta.schema = try r.readList(expecting: .struct, field: "schema") { r throws(ParquetError) in
          try SchemaElement(from: &r)
        }
      case 3:
        try r.expect(t, .i64, field: "FileMetaData.num_rows")
        meta.numRows = try r.readI64()
      case 4:
        try r.expect(t, .list, field: "FileMetaData.row_groups")
        meta.rowGroups = try r.readList(expecting: .struct, field: "row_groups") { r throws(ParquetError) in
          try RowGroup(from: &r)
        }
      case 5:
        try r.expect(t, .list, field: "FileMetaData.key_value_metadata")
        meta.keyValueMetadata = try r.readList(expecting: .struct, field: "key_value_metadata") {
          r throws(ParquetError) in try KeyValue(from: &r)
        }
      case 6:
        try r.expect(t, .binary, field: "FileMetaData.created_by")
        meta.createdBy = try r.readString()
      case 7:
        try r.expect(t, .list, field: "FileMetaData.column_orders")
        let orders = try r.readList(expecting: .struct, field: "column_orders") { r throws(ParquetError) in
          var typeDefined = false
          try r.readStruct { r, t, id throws(ParquetError) in
            if id == 1 { typeDefined = true }
            try r.skip(t)
            return true
          }
          return typeDefined
        }
        meta.typeDefinedColumnOrders = orders.filter { $0 }.count
      default: return false
      }
      return true
    }
    guard !meta.schema.isEmpty, meta.numRows >= 0 else {
      throw reader.corrupt("FileMetaData misses its schema or num_rows")
    }
    self = meta
  }
}
