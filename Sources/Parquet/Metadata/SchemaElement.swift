/// Parquet `SchemaElement`: one node of the flattened, depth-first schema list.
struct SchemaElement: Hashable, Sendable {
  var type: PhysicalType?
  var typeLength: Int32?
  var repetition: Repetition?
  var name: String
  var numChildren: Int32?
  var convertedType: ConvertedType?
  var scale: Int32?
  var precision: Int32?
  var fieldID: Int32?
  var logicalType: LogicalType?

  init(
    name: String, type: PhysicalType? = nil, repetition: Repetition? = nil, numChildren: Int32? = nil,
    convertedType: ConvertedType? = nil, logicalType: LogicalType? = nil
  ) {
    self.name = name
    self.type = type
    self.repetition = repetition
    self.numChildren = numChildren
    self.convertedType = convertedType
    self.logicalType = logicalType
  }

  func encode(into writer: inout ThriftCompactWriter) {
    writer.beginStructElement()
    if let type { writer.field(1, i32: type.rawValue) }
    if let typeLength { writer.field(2, i32: typeLength) }
    if let repetition { writer.field(3, i32: repetition.rawValue) }
    writer.field(4, string: name)
    if let numChildren { writer.field(5, i32: numChildren) }
    if let convertedType { writer.field(6, i32: convertedType.rawValue) }
    if let scale { writer.field(7, i32: scale) }
    if let precision { writer.field(8, i32: precision) }
    if let fieldID { writer.field(9, i32: fieldID) }
    if let logicalType {
      writer.fieldHeader(10, .struct)
      logicalType.encode(into: &writer)
    }
    writer.endStruct()
  }

  init(from reader: inout ThriftCompactReader) throws(ParquetError) {
    var element = SchemaElement(name: "")
    var hasName = false
    try reader.readStruct { r, type, id throws(ParquetError) in
      switch id {
      case 1:
        try r.expect(type, .i32, field: "SchemaElement.type")
        element.type = PhysicalType(rawValue: try r.readI32())
      case 2:
        try r.expect(type, .i32, field: "SchemaElement.type_length")
        element.typeLength = try r.readI32()
      case 3:
        try r.expect(type, .i32, field: "SchemaElement.repetition_type")
        let raw = try r.readI32()
        guard let repetition = Repetition(rawValue: raw) else {
          throw r.corrupt("unknown repetition type \(raw)")
        }
        element.repetition = repetition
      case 4:
        try r.expect(type, .binary, field: "SchemaElement.name")
        element.name = try r.readString()
        hasName = true
      case 5:
        try r.expect(type, .i32, field: "SchemaElement.num_children")
        element.numChildren = try r.readI32()
      case 6:
        try r.expect(type, .i32, field: "SchemaElement.converted_type")
        element.convertedType = ConvertedType(rawValue: try r.readI32())
      case 7:
        try r.expect(type, .i32, field: "SchemaElement.scale")
        element.scale = try r.readI32()
      case 8:
        try r.expect(type, .i32, field: "SchemaElement.precision")
        element.precision = try r.readI32()
      case 9:
        try r.expect(type, .i32, field: "SchemaElement.field_id")
        element.fieldID = try r.readI32()
      case 10:
        try r.expect(type, .struct, field: "SchemaElement.logicalType")
        element.logicalType = try LogicalType(from: &r)
      default: return false
      }
      return true
    }
    guard hasName else { throw reader.corrupt("SchemaElement without a name") }
    self = element
  }
}
