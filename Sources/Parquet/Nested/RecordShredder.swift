import SluiceCore

/// Shreds nested records into per-leaf levels and dense values (Dremel striping) for the nested
/// writer. Values are type-checked against the schema; a mismatch names the field path.
struct RecordShredder {
  let layouts: [LeafLayout]
  private(set) var leaves: [LeafData]

  init(layouts: [LeafLayout]) {
    self.layouts = layouts
    self.leaves = layouts.map { LeafData(valueType: $0.valueType) }
  }

  mutating func reset() {
    leaves = layouts.map { LeafData(valueType: $0.valueType) }
  }

  /// Shreds one record: `values[name]` for each root field (missing = null).
  mutating func shred(_ record: [String: NestedValue], roots: [NestedNode]) throws(ParquetError) {
    for root in roots {
      try shred(root, record[root.name] ?? .null, repetition: 0, definition: 0, path: root.name)
    }
  }

  private mutating func shred(
    _ node: NestedNode, _ value: NestedValue, repetition: Int, definition: Int, path: String
  ) throws(ParquetError) {
    if value.isNull {
      guard node.optional else {
        throw ParquetError(
          .schemaMismatch, "field \(path) is not nullable but the record has no value for it")
      }
      emitEmpty(node, repetition: repetition, definition: definition)
      return
    }
    let present = definition + (node.optional ? 1 : 0)
    switch (node.kind, value) {
    case (.leaf(let index), .primitive(let primitive)):
      do {
        try leaves[index].values.append(primitive)
      } catch {
        throw ParquetError(.schemaMismatch, "field \(path): \(error.message)")
      }
      emit(index, repetition: repetition, definition: present)
    case (.group(let children), .group(let members)):
      for child in children {
        try shred(
          child, members[child.name] ?? .null, repetition: repetition, definition: present,
          path: path + "." + child.name)
      }
    case (.list(let element, let repeatedDefinition, let repeatedRepetition), .list(let items)):
      guard !items.isEmpty else {
        emitEmpty(node, repetition: repetition, definition: present)
        return
      }
      for (index, item) in items.enumerated() {
        try shred(
          element, item, repetition: index == 0 ? repetition : repeatedRepetition,
          definition: repeatedDefinition,
          path: path + "[\(index)]")
      }
    case (.map(let key, let valueNode, let repeatedDefinition, let repeatedRepetition), .map(let entries)):
      guard !entries.isEmpty else {
        emitEmpty(node, repetition: repetition, definition: present)
        return
      }
      for (index, entry) in entries.enumerated() {
        let level = index == 0 ? repetition : repeatedRepetition
        guard entry.key != .null else {
          throw ParquetError(.schemaMismatch, "field \(path) has a null map key")
        }
        try shred(
          key, .primitive(entry.key), repetition: level, definition: repeatedDefinition, path: path + ".key")
        try shred(
          valueNode, entry.value, repetition: level, definition: repeatedDefinition, path: path + ".value")
      }
    default:
      throw ParquetError(.schemaMismatch, "field \(path): value \(value) does not match the schema")
    }
  }

  /// One entry without a value in every leaf below `node` (null or empty at `definition`).
  private mutating func emitEmpty(_ node: NestedNode, repetition: Int, definition: Int) {
    for index in node.leaves { emit(index, repetition: repetition, definition: definition) }
  }

  private mutating func emit(_ index: Int, repetition: Int, definition: Int) {
    if layouts[index].maxRepetitionLevel > 0 { leaves[index].repetitionLevels.append(UInt8(repetition)) }
    if layouts[index].maxDefinitionLevel > 0 { leaves[index].definitionLevels.append(UInt8(definition)) }
    leaves[index].entries += 1
  }
}
