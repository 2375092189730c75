import SluiceCore

/// Maps a file's schema tree to ``NestedField``s and ``NestedNode``s (reader), accepting the
/// LIST forms of the Parquet spec (3-level, 2-level, legacy repeated fields) and MAP groups.
struct NestedSchemaReader {
  /// Leaf plans by leaf index, for every leaf below a mapped field.
  private(set) var plans: [Int: ColumnPlan] = [:]

  mutating func map(_ tree: SchemaTree.Node) throws(ParquetError) -> (NestedField, NestedNode) {
    try map(tree, asElement: false)
  }

  /// Maps the children of struct (or root) `tree` that `selection` names, in file order: a child
  /// taken whole is mapped whole, one with selected members holds only those. A name not in the
  /// file throws `columnNotFound` unless `skipMissing`; then it is left out, and so is a struct
  /// none of whose selected members exist.
  mutating func mapMembers(
    of tree: SchemaTree.Node, selection: FieldSelection, skipMissing: Bool, source: String
  ) throws(ParquetError) -> [ProjectedField] {
    let path = tree.path.isEmpty ? "the root" : tree.path.joined(separator: ".")
    guard
      tree.path.isEmpty
        || (!tree.isLeaf && tree.repetition != .repeated && !Self.isList(tree.element)
          && !Self.isMap(tree.element))
    else {
      throw ParquetError(
        .invalidArgument,
        "field \(path) in \(source) is not a struct; field paths can only name members of structs")
    }
    if !skipMissing,
      let missing = selection.members.keys.sorted().first(where: { name in
        !tree.children.contains { $0.name == name }
      })
    {
      throw ParquetError(
        .columnNotFound,
        "field \((tree.path + [missing]).joined(separator: ".")) is not in \(source); \(path) has "
          + tree.children.map(\.name).joined(separator: ", "))
    }
    var result: [ProjectedField] = []
    for child in tree.children {
      guard let selected = selection.members[child.name] else { continue }
      if selected.whole {
        let (field, node) = try map(child)
        result.append(ProjectedField(field: field, node: node, pathIndex: selected.pathIndex, members: []))
        continue
      }
      let members = try mapMembers(of: child, selection: selected, skipMissing: skipMissing, source: source)
      guard !members.isEmpty else { continue }
      let optional = child.repetition == .optional
      result.append(
        ProjectedField(
          field: NestedField(child.name, .group(members.map(\.field)), nullable: optional),
          node: NestedNode(
            name: child.name, optional: optional, definitionLevel: child.definitionLevel,
            kind: .group(members.map(\.node)), leaves: members.flatMap(\.node.leaves)),
          pathIndex: nil, members: members))
    }
    return result
  }

  static func isList(_ element: SchemaElement) -> Bool {
    element.logicalType == .list || element.convertedType == .list
  }

  static func isMap(_ element: SchemaElement) -> Bool {
    element.logicalType == .map || element.convertedType == .map || element.convertedType == .mapKeyValue
  }

  /// `asElement`: the node is the repeated element of a 2-level list (its repetition is the list's).
  private mutating func map(_ tree: SchemaTree.Node, asElement: Bool) throws(ParquetError) -> (
    NestedField, NestedNode
  ) {
    let name = tree.name
    let repeated = tree.repetition == .repeated && !asElement
    if repeated {
      // Legacy: a repeated field outside a LIST group is a required list of its elements.
      let (element, elementNode) = try map(tree, asElement: true)
      let node = NestedNode(
        name: name, optional: false, definitionLevel: tree.definitionLevel - 1,
        kind: .list(
          element: elementNode, repeatedDefinition: tree.definitionLevel,
          repeatedRepetition: tree.repetitionLevel),
        leaves: elementNode.leaves)
      return (
        NestedField(name, .list(NestedField(element.name, element.type, nullable: false)), nullable: false),
        node
      )
    }
    let optional = tree.repetition == .optional && !asElement
    if tree.isLeaf {
      let (type, conversion) = try ColumnPlan.valueKind(
        tree.element, column: tree.path.joined(separator: "."))
      let index = tree.leafIndex!
      plans[index] = ColumnPlan(
        field: Field(name, type), leafIndex: index, leafPath: tree.path, physicalType: tree.element.type!,
        valueType: type, conversion: conversion, maxDefinitionLevel: tree.definitionLevel,
        maxRepetitionLevel: tree.repetitionLevel, shape: .flat)
      let node = NestedNode(
        name: name, optional: optional, definitionLevel: tree.definitionLevel, kind: .leaf(index),
        leaves: [index])
      return (NestedField(name, .primitive(type), nullable: optional), node)
    }
    let element = tree.element
    let path = tree.path.joined(separator: ".")
    if !asElement && Self.isList(element) {
      guard tree.children.count == 1, tree.children[0].repetition == .repeated else {
        throw .unsupported("field \(path) is a LIST group without exactly one repeated child")
      }
      let middle = tree.children[0]
      let (elementField, elementNode): (NestedField, NestedNode)
      if !middle.isLeaf && middle.children.count == 1 && middle.name != "array"
        && middle.name != name + "_tuple"
      {
        (elementField, elementNode) = try map(middle.children[0], asElement: false)
      } else {
        (elementField, elementNode) = try map(middle, asElement: true)
      }
      let node = NestedNode(
        name: name, optional: optional, definitionLevel: tree.definitionLevel,
        kind: .list(
          element: elementNode, repeatedDefinition: middle.definitionLevel,
          repeatedRepetition: middle.repetitionLevel),
        leaves: elementNode.leaves)
      return (NestedField(name, .list(elementField), nullable: optional), node)
    }
    if !asElement && Self.isMap(element) {
      guard tree.children.count == 1, tree.children[0].repetition == .repeated, !tree.children[0].isLeaf,
        (1...2).contains(tree.children[0].children.count)
      else { throw .unsupported("field \(path) is a MAP group without a repeated key_value group") }
      let entry = tree.children[0]
      let (keyField, keyNode) = try map(entry.children[0], asElement: false)
      guard case .primitive(let keyType) = keyField.type else {
        throw .unsupported("field \(path) is a MAP with non-primitive keys")
      }
      var valueField = NestedField("value", .primitive(.string))
      var valueNode: NestedNode?
      if entry.children.count == 2 { (valueField, valueNode) = try map(entry.children[1], asElement: false) }
      guard let valueNode else { throw .unsupported("field \(path) is a MAP without values (a set)") }
      let node = NestedNode(
        name: name, optional: optional, definitionLevel: tree.definitionLevel,
        kind: .map(
          key: keyNode, value: valueNode, repeatedDefinition: entry.definitionLevel,
          repeatedRepetition: entry.repetitionLevel),
        leaves: keyNode.leaves + valueNode.leaves)
      return (NestedField(name, .map(key: keyType, value: valueField), nullable: optional), node)
    }
    var fields: [NestedField] = []
    var nodes: [NestedNode] = []
    for child in tree.children {
      let (field, node) = try map(child, asElement: false)
      fields.append(field)
      nodes.append(node)
    }
    guard !nodes.isEmpty else { throw .unsupported("field \(path) is an empty group") }
    let node = NestedNode(
      name: name, optional: optional, definitionLevel: tree.definitionLevel, kind: .group(nodes),
      leaves: nodes.flatMap(\.leaves))
    return (NestedField(name, .group(fields), nullable: optional), node)
  }
}
