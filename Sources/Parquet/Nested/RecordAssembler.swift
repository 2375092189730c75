import SluiceCore

/// Rebuilds nested records from per-leaf levels and dense values (the inverse of
/// ``RecordShredder``). A node's shape (null, empty, list length) is read from its first leaf;
/// every leaf below consumes exactly the entries of that node instance.
struct RecordAssembler {
  private let leaves: [Int: LeafData]
  private let plans: [Int: ColumnPlan]
  private var entry: [Int: Int] = [:]
  private var value: [Int: Int] = [:]

  init(leaves: [Int: LeafData], plans: [Int: ColumnPlan]) {
    self.leaves = leaves
    self.plans = plans
    for index in leaves.keys {
      entry[index] = 0
      value[index] = 0
    }
  }

  /// Whether any leaf still has entries.
  var hasMore: Bool { leaves.contains { entry[$0.key]! < $0.value.entries } }

  mutating func assemble(_ node: NestedNode) throws(ParquetError) -> NestedValue {
    let definition = try peekDefinition(node.leaves[0])
    if node.optional && definition < node.definitionLevel {
      try skip(node)
      return .null
    }
    switch node.kind {
    case .leaf(let index):
      return .primitive(try take(index))
    case .group(let children):
      var members: [String: NestedValue] = [:]
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
      } while try continues(node.leaves[0], repeatedRepetition)
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
      } while try continues(node.leaves[0], repeatedRepetition)
      return .map(entries)
    }
  }

  /// Checks that every leaf below `roots` starts a new record (or is exhausted).
  func checkRecordBoundary(_ roots: [NestedNode]) throws(ParquetError) {
    for (index, leaf) in leaves {
      let position = entry[index]!
      if position < leaf.entries && plans[index]!.maxRepetitionLevel > 0
        && leaf.repetitionLevels[position] != 0
      {
        throw .corrupt(
          "column \(plans[index]!.leafPath.joined(separator: ".")): levels do not align with its siblings")
      }
    }
  }

  private func peekDefinition(_ index: Int) throws(ParquetError) -> Int {
    let leaf = leaves[index]!
    let position = entry[index]!
    guard position < leaf.entries else {
      throw .corrupt("column \(plans[index]!.leafPath.joined(separator: ".")) ends before its siblings")
    }
    return plans[index]!.maxDefinitionLevel == 0 ? 0 : Int(leaf.definitionLevels[position])
  }

  /// Whether the next entry of `index` continues the current list (repetition level = `level`).
  private func continues(_ index: Int, _ level: Int) throws(ParquetError) -> Bool {
    let leaf = leaves[index]!
    let position = entry[index]!
    guard position < leaf.entries else { return false }
    return Int(leaf.repetitionLevels[position]) >= level
  }

  private mutating func take(_ index: Int) throws(ParquetError) -> Value {
    let leaf = leaves[index]!
    let position = value[index]!
    guard position < leaf.values.count else {
      throw .corrupt(
        "column \(plans[index]!.leafPath.joined(separator: ".")) has fewer values than its levels")
    }
    entry[index]! += 1
    value[index]! += 1
    return leaf.values.value(at: position)
  }

  /// Consumes one value-less entry in every leaf below `node`.
  private mutating func skip(_ node: NestedNode) throws(ParquetError) {
    for index in node.leaves {
      let leaf = leaves[index]!
      let position = entry[index]!
      guard position < leaf.entries else {
        throw .corrupt("column \(plans[index]!.leafPath.joined(separator: ".")) ends before its siblings")
      }
      if plans[index]!.maxDefinitionLevel > 0
        && Int(leaf.definitionLevels[position]) == plans[index]!.maxDefinitionLevel
      {
        throw .corrupt(
          "column \(plans[index]!.leafPath.joined(separator: ".")) has a value under a null parent")
      }
      entry[index]! += 1
    }
  }
}
