import SluiceCore

/// Rebuilds nested records from per-leaf levels and dense values (the inverse of
/// ``RecordShredder``). A node's shape (null, empty, list length) is read from its first leaf;
/// every leaf below consumes exactly the entries of that node instance.
struct RecordAssembler {
  /// One decoded leaf and how far assembly has consumed it.
  private struct Cursor {
    let data: LeafData
    let maxDefinitionLevel: Int
    let maxRepetitionLevel: Int
    let path: [String]
    /// Next level entry.
    var entry = 0
    /// Next dense value.
    var value = 0

    var name: String { path.joined(separator: ".") }
  }

  private var cursors: [Cursor] = []
  /// Position in `cursors` by leaf index (−1 for leaves that were not decoded).
  private var slot: [Int]

  init(leaves: [Int: LeafData], plans: [Int: ColumnPlan]) {
    slot = [Int](repeating: -1, count: (leaves.keys.max() ?? -1) + 1)
    for index in leaves.keys.sorted() {
      let plan = plans[index]!
      slot[index] = cursors.count
      cursors.append(
        Cursor(
          data: leaves[index]!, maxDefinitionLevel: plan.maxDefinitionLevel,
          maxRepetitionLevel: plan.maxRepetitionLevel, path: plan.leafPath))
    }
  }

  /// An assembler over the leaves in `plans` of row group `group` (number `index`) of `file`.
  init(
    decoding group: RowGroup, index: Int, of file: [UInt8], plans: [Int: ColumnPlan],
    decompressor: PageDecompressor
  ) throws(ParquetError) {
    var leaves: [Int: LeafData] = [:]
    for (leafIndex, plan) in plans {
      var leaf = LeafData(valueType: plan.valueType)
      let decoder = ChunkDecoder(
        file: file, plan: plan, chunk: group.columns[leafIndex].metaData, rowGroup: index,
        decompressor: decompressor)
      try decoder.decode(into: &leaf)
      leaves[leafIndex] = leaf
    }
    self.init(leaves: leaves, plans: plans)
  }

  /// Whether any leaf still has entries.
  var hasMore: Bool { cursors.contains { $0.entry < $0.data.entries } }

  mutating func assemble(_ node: NestedNode) throws(ParquetError) -> NestedValue {
    let definition = try peekDefinition(slot[node.leaves[0]])
    if node.optional && definition < node.definitionLevel {
      try skip(node)
      return .null
    }
    switch node.kind {
    case .leaf(let index):
      return .primitive(try take(slot[index]))
    case .group(let children):
      var members: [String: NestedValue] = [:]
      members.reserveCapacity(children.count)
      for child in children { members[child.name] = try assemble(child) }
      return .group(members)
    case .list(let element, let repeatedDefinition, let repeatedRepetition):
      guard definition >= repeatedDefinition else {
        try skip(node)
        return .list([])
      }
      var items: [NestedValue] = []
      repeat {
        items.append(try assemble(element))
      } while continues(slot[node.leaves[0]], repeatedRepetition)
      return .list(items)
    case .map(let key, let valueNode, let repeatedDefinition, let repeatedRepetition):
      guard definition >= repeatedDefinition else {
        try skip(node)
        return .map([])
      }
      var entries: [NestedEntry] = []
      repeat {
        guard case .primitive(let keyValue) = try assemble(key) else {
          throw .corrupt("map \(node.name) has a non-primitive key")
        }
        entries.append(NestedEntry(key: keyValue, value: try assemble(valueNode)))
      } while continues(slot[node.leaves[0]], repeatedRepetition)
      return .map(entries)
    }
  }

  /// Assembles the selected fields of one record into `values[pathIndex]`; a struct on the way
  /// that is null leaves its fields' values as they are (`.null`).
  mutating func assemble(_ fields: [ProjectedField], into values: inout [NestedValue]) throws(ParquetError) {
    for field in fields {
      if let index = field.pathIndex {
        values[index] = try assemble(field.node)
        continue
      }
      let definition = try peekDefinition(slot[field.node.leaves[0]])
      if field.node.optional && definition < field.node.definitionLevel {
        try skip(field.node)
        continue
      }
      try assemble(field.members, into: &values)
    }
  }

  /// Checks that every leaf starts a new record (or is exhausted).
  func checkRecordBoundary() throws(ParquetError) {
    for cursor in cursors
    where cursor.maxRepetitionLevel > 0 && cursor.entry < cursor.data.entries
      && cursor.data.repetitionLevels[cursor.entry] != 0
    {
      throw .corrupt("column \(cursor.name): levels do not align with its siblings")
    }
  }

  private func peekDefinition(_ slot: Int) throws(ParquetError) -> Int {
    let position = cursors[slot].entry
    guard position < cursors[slot].data.entries else {
      throw .corrupt("column \(cursors[slot].name) ends before its siblings")
    }
    return cursors[slot].maxDefinitionLevel == 0 ? 0 : Int(cursors[slot].data.definitionLevels[position])
  }

  /// Whether the next entry of `slot` continues the current list (repetition level ≥ `level`).
  private func continues(_ slot: Int, _ level: Int) -> Bool {
    let position = cursors[slot].entry
    guard position < cursors[slot].data.entries else { return false }
    return Int(cursors[slot].data.repetitionLevels[position]) >= level
  }

  private mutating func take(_ slot: Int) throws(ParquetError) -> Value {
    let position = cursors[slot].value
    guard position < cursors[slot].data.values.count else {
      throw .corrupt("column \(cursors[slot].name) has fewer values than its levels")
    }
    cursors[slot].entry += 1
    cursors[slot].value += 1
    return cursors[slot].data.values.value(at: position)
  }

  /// Consumes one value-less entry in every leaf below `node`.
  private mutating func skip(_ node: NestedNode) throws(ParquetError) {
    for index in node.leaves {
      let slot = slot[index]
      let position = cursors[slot].entry
      guard position < cursors[slot].data.entries else {
        throw .corrupt("column \(cursors[slot].name) ends before its siblings")
      }
      let maxDefinition = cursors[slot].maxDefinitionLevel
      if maxDefinition > 0 && Int(cursors[slot].data.definitionLevels[position]) == maxDefinition {
        throw .corrupt("column \(cursors[slot].name) has a value under a null parent")
      }
      cursors[slot].entry += 1
    }
  }
}
