/// Parquet `KeyValue` (file key/value metadata).
struct KeyValue: Hashable, Sendable {
  var key: String
  var value: String?

  func encode(into writer: inout ThriftCompactWriter) {
    writer.beginStructElement()
    writer.field(1, string: key)
    if let value { writer.field(2, string: value) }
    writer.endStruct()
  }

  init(key: String, value: String?) {
    self.key = key
    self.value = value
  }

  init(from reader: inout ThriftCompactReader) throws(ParquetError) {
    var key: String?
    var value: String?
    try reader.readStruct { r, t, id throws(ParquetError) in
      switch id {
      case 1:
        try r.expect(t, .binary, field: "KeyValue.key")
        key = try r.readString()
      case 2:
        try r.expect(t, .binary, field: "KeyValue.value")
        value = try r.readString()
      default: return false
      }
      return true
    }
    guard let key else { throw reader.corrupt("KeyValue without a key") }
    self.init(key: key, value: value)
  }
}
