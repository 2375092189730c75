/// The entries of one leaf column grouped by row.
struct LeafRows {
  let node: ParquetSchemaNode
  let definition: [Int32]
  /// Index into `values` per entry, −1 for a null entry.
  let valueIndex: [Int32]
  let values: [LeafValue]
  /// Entry index where each row starts, plus the end.
  let rowStarts: [Int]

  init(node: ParquetSchemaNode, data: LeafData) throws(ParquetDecodingError) {
    self.node = node
    definition = data.definition
    values = data.values
    var indices: [Int32] = []
    indices.reserveCapacity(data.definition.count)
    var next: Int32 = 0
    let maxDefinition = Int32(node.definitionLevel)
    var starts: [Int] = []
    for (entry, level) in data.definition.enumerated() {
      if data.repetition[entry] == 0 { starts.append(entry) }
      if level == maxDefinition {
        indices.append(next)
        next += 1
      } else {
        indices.append(-1)
      }
    }
    guard Int(next) == data.values.count else {
      throw ParquetDecodingError(
        "column '\(node.path.joined(separator: "."))' has \(data.values.count) values for \(next) present entries"
      )
    }
    starts.append(data.definition.count)
    rowStarts = starts
    valueIndex = indices
  }

  var rowCount: Int { rowStarts.count - 1 }

  /// Whether the row reaches definition level `level` (i.e. the ancestor at that level is present).
  func reaches(_ row: Int, _ level: Int) -> Bool {
    Int(definition[rowStarts[row]]) >= level
  }

  /// The single value of a non-repeated leaf in `row`.
  func value(_ row: Int) -> LeafValue? {
    let index = valueIndex[rowStarts[row]]
    return index >= 0 ? values[Int(index)] : nil
  }

  /// The elements of a repeated leaf in `row` whose repeated ancestor has definition level
  /// `repeatedLevel`; empty when the list or map is empty or absent.
  func elements(_ row: Int, repeatedLevel: Int) -> [LeafValue?] {
    guard reaches(row, repeatedLevel) else { return [] }
    return (rowStarts[row]..<rowStarts[row + 1]).map { entry in
      let index = valueIndex[entry]
      return index >= 0 ? values[Int(index)] : nil
    }
  }
}
