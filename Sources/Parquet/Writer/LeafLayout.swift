import SluiceCore

/// How one top-level field of a writer schema maps to a Parquet leaf column: its schema elements,
/// physical type and level structure.
///
/// Flat fields are one leaf (`required`/`optional`). `list<T>` fields are the 3-level LIST form
/// `<rep> group name (LIST) { repeated group list { required T element; } }`.
struct LeafLayout: Sendable {
  let fieldIndex: Int
  let name: String
  let path: [String]
  /// The primitive type of the values (the element type for lists).
  let valueType: DataType
  let physicalType: PhysicalType
  let isList: Bool
  let nullable: Bool
  let maxDefinitionLevel: Int
  let maxRepetitionLevel: Int
  let elements: [SchemaElement]

  init(field: Field, index: Int) throws(ParquetError) {
    fieldIndex = index
    name = field.name
    nullable = field.nullable
    let repetition: Repetition = field.nullable ? .optional : .required
    switch field.type {
    case .list(let element):
      guard !element.isList else {
        throw .unsupported("column \(field.name): nested lists (\(field.type)) cannot be written")
      }
      valueType = element
      physicalType = Self.physicalType(of: element)
      isList = true
      path = [field.name, "list", "element"]
      maxDefinitionLevel = field.nullable ? 2 : 1
      maxRepetitionLevel = 1
      elements = [
        SchemaElement(
          name: field.name, repetition: repetition, numChildren: 1, convertedType: .list, logicalType: .list),
        SchemaElement(name: "list", repetition: .repeated, numChildren: 1),
        Self.leafElement(name: "element", type: element, repetition: .required),
      ]
    default:
      valueType = field.type
      physicalType = Self.physicalType(of: field.type)
      isList = false
      path = [field.name]
      maxDefinitionLevel = field.nullable ? 1 : 0
      maxRepetitionLevel = 0
      elements = [Self.leafElement(name: field.name, type: field.type, repetition: repetition)]
    }
  }

  /// A leaf of a nested schema (its schema elements are written by the nested schema builder).
  init(
    nestedPath: [String], index: Int, valueType: DataType, maxDefinitionLevel: Int, maxRepetitionLevel: Int
  ) {
    fieldIndex = index
    name = nestedPath.joined(separator: ".")
    path = nestedPath
    self.valueType = valueType
    physicalType = Self.physicalType(of: valueType)
    isList = false
    nullable = maxDefinitionLevel > 0
    self.maxDefinitionLevel = maxDefinitionLevel
    self.maxRepetitionLevel = maxRepetitionLevel
    elements = []
  }

  static func physicalType(of type: DataType) -> PhysicalType {
    switch type {
    case .string: .byteArray
    case .int32, .date: .int32
    case .int64, .timestamp: .int64
    case .double: .double
    case .boolean: .boolean
    case .list: .byteArray
    }
  }

  static func leafElement(name: String, type: DataType, repetition: Repetition) -> SchemaElement {
    switch type {
    case .string:
      SchemaElement(
        name: name, type: .byteArray, repetition: repetition, convertedType: .utf8, logicalType: .string)
    case .timestamp:
      SchemaElement(
        name: name, type: .int64, repetition: repetition, convertedType: .timestampMicros,
        logicalType: .timestamp(isAdjustedToUTC: true, unit: .micros))
    case .date:
      SchemaElement(
        name: name, type: .int32, repetition: repetition, convertedType: .date, logicalType: .date)
    default:
      SchemaElement(name: name, type: physicalType(of: type), repetition: repetition)
    }
  }

  /// The whole Parquet schema list for `schema` (root first) and one layout per field.
  static func layouts(for schema: Schema) throws(ParquetError) -> (
    elements: [SchemaElement], leaves: [LeafLayout]
  ) {
    var names = Set<String>()
    var elements = [SchemaElement(name: "schema", numChildren: Int32(schema.count))]
    var leaves: [LeafLayout] = []
    for (index, field) in schema.fields.enumerated() {
      guard !field.name.isEmpty else {
        throw ParquetError(.invalidArgument, "field \(index) has an empty name")
      }
      guard names.insert(field.name).inserted else {
        throw ParquetError(.invalidArgument, "field name \(field.name) appears twice in the schema")
      }
      let leaf = try LeafLayout(field: field, index: index)
      elements.append(contentsOf: leaf.elements)
      leaves.append(leaf)
    }
    return (elements, leaves)
  }
}
