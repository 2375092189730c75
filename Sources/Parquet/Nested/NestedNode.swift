import SluiceCore

/// A node of a nested schema with its Dremel levels: what the record shredder (writer) and the
/// record assembler (reader) walk.
struct NestedNode: Sendable {
  indirect enum Kind: Sendable {
    case leaf(Int)
    case group([NestedNode])
    /// `repeatedDefinition` / `repeatedRepetition`: levels of the repeated group holding elements.
    case list(element: NestedNode, repeatedDefinition: Int, repeatedRepetition: Int)
    case map(key: NestedNode, value: NestedNode, repeatedDefinition: Int, repeatedRepetition: Int)
  }

  let name: String
  /// Whether the node may be null (OPTIONAL in Parquet).
  let optional: Bool
  /// Definition level reached when the node is present.
  let definitionLevel: Int
  let kind: Kind
  /// Every leaf index below (or at) this node, in column order; the first is representative.
  let leaves: [Int]
}

/// Builds nested nodes, Parquet schema elements and leaf layouts from ``NestedField``s (writer).
struct NestedSchemaBuilder {
  private(set) var elements: [SchemaElement] = []
  private(set) var leaves: [LeafLayout] = []

  static func build(_ fields: [NestedField]) throws(ParquetError) -> (NestedSchemaBuilder, [NestedNode]) {
    var builder = NestedSchemaBuilder()
    builder.elements.append(SchemaElement(name: "schema", numChildren: Int32(fields.count)))
    var names = Set<String>()
    var roots: [NestedNode] = []
    for field in fields {
      guard !field.name.isEmpty, names.insert(field.name).inserted else {
        throw ParquetError(.invalidArgument, "top-level field name '\(field.name)' is empty or appears twice")
      }
      roots.append(try builder.node(field, path: [], definition: 0, repetition: 0))
    }
    return (builder, roots)
  }

  private mutating func node(
    _ field: NestedField, path: [String], definition parentDefinition: Int, repetition: Int
  ) throws(ParquetError) -> NestedNode {
    let path = path + [field.name]
    let definition = parentDefinition + (field.nullable ? 1 : 0)
    let repetitionType: Repetition = field.nullable ? .optional : .required
    switch field.type {
    case .primitive(let type):
      guard !type.isList else {
        throw .unsupported("field \(path.joined(separator: ".")): use NestedType.list for \(type)")
      }
      let index = leaves.count
      leaves.append(
        LeafLayout(
          nestedPath: path, index: index, valueType: type, maxDefinitionLevel: definition,
          maxRepetitionLevel: repetition))
      elements.append(LeafLayout.leafElement(name: field.name, type: type, repetition: repetitionType))
      return NestedNode(
        name: field.name, optional: field.nullable, definitionLevel: definition, kind: .leaf(index),
        leaves: [index])
    case .group(let children):
      guard !children.isEmpty else {
        throw .unsupported("field \(path.joined(separator: ".")) is an empty struct")
      }
      elements.append(
        SchemaElement(name: field.name, repetition: repetitionType, numChildren: Int32(children.count)))
      var nodes: [NestedNode] = []
      for child in children {
        nodes.append(try node(child, path: path, definition: definition, repetition: repetition))
      }
      return NestedNode(
        name: field.name, optional: field.nullable, definitionLevel: definition, kind: .group(nodes),
        leaves: nodes.flatMap(\.leaves))
    case .list(let element):
      elements.append(
        SchemaElement(
          name: field.name, repetition: repetitionType, numChildren: 1, convertedType: .list,
          logicalType: .list))
      elements.append(SchemaElement(name: "list", repetition: .repeated, numChildren: 1))
      var named = element
      named.name = "element"
      let child = try node(
        named, path: path + ["list"], definition: definition + 1, repetition: repetition + 1)
      return NestedNode(
        name: field.name, optional: field.nullable, definitionLevel: definition,
        kind: .list(element: child, repeatedDefinition: definition + 1, repeatedRepetition: repetition + 1),
        leaves: child.leaves)
    case .map(let keyType, let value):
      elements.append(
        SchemaElement(
          name: field.name, repetition: repetitionType, numChildren: 1, convertedType: .map, logicalType: .map
        ))
      elements.append(SchemaElement(name: "key_value", repetition: .repeated, numChildren: 2))
      let inner = path + ["key_value"]
      let key = try node(
        NestedField("key", .primitive(keyType), nullable: false), path: inner, definition: definition + 1,
        repetition: repetition + 1)
      var named = value
      named.name = "value"
      let valueNode = try node(named, path: inner, definition: definition + 1, repetition: repetition + 1)
      return NestedNode(
        name: field.name, optional: field.nullable, definitionLevel: definition,
        kind: .map(
          key: key, value: valueNode, repeatedDefinition: definition + 1, repeatedRepetition: repetition + 1),
        leaves: key.leaves + valueNode.leaves)
    }
  }
}
