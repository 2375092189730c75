import SluiceCore

/// Lists and shredded nested leaves: rows that produce repetition levels.
extension ColumnChunkEncoder {
  // MARK: shredded (nested) leaves

  /// Appends shredded entries of whole records: levels, and dense values for the entries at the
  /// maximum definition level. Pages are cut between records.
  mutating func appendShredded(_ data: LeafData) throws(ParquetError) {
    let maxDefinition = UInt8(layout.maxDefinitionLevel)
    let hasRepetition = layout.maxRepetitionLevel > 0
    let hasDefinition = layout.maxDefinitionLevel > 0
    var entry = 0
    var value = 0
    while entry < data.entries {
      var end = entry + 1
      if hasRepetition {
        while end < data.entries && data.repetitionLevels[end] != 0 { end += 1 }
      }
      var present = 0
      for index in entry..<end {
        if hasRepetition { repetitionLevels.append(data.repetitionLevels[index]) }
        if hasDefinition {
          let level = data.definitionLevels[index]
          definitionLevels.append(level)
          if level == maxDefinition { present += 1 } else { statistics.nullCount += 1 }
        } else {
          present += 1
        }
      }
      pageEntries += end - entry
      if present > 0 { appendElements(data.values, value..<(value + present)) }
      value += present
      entry = end
      if pagePlainBytes >= pageBytes || (dictionaryActive && dictionary.plainSize > dictionaryMaxBytes) {
        try flushPage()
      }
    }
  }

  // MARK: lists

  mutating func appendLists(_ column: Column, rows: Range<Int>) throws(ParquetError) {
    let child = column.children[0]
    let maxDefinition = UInt8(layout.maxDefinitionLevel)
    for row in rows {
      guard column.validity[row] else {
        guard layout.nullable else {
          throw ParquetError(
            .schemaMismatch,
            "list column \(layout.name) is declared not null but row \(row) of the batch is null")
        }
        repetitionLevels.append(0)
        definitionLevels.append(0)
        pageEntries += 1
        statistics.nullCount += 1
        nullRows += 1
        continue
      }
      let range = column.listRange(at: row)
      if range.isEmpty {
        repetitionLevels.append(0)
        definitionLevels.append(maxDefinition - 1)
        pageEntries += 1
        statistics.nullCount += 1
      } else {
        for element in range {
          guard child.validity[element] else {
            throw ParquetError(
              .schemaMismatch,
              "list column \(layout.name) has a null element in row \(row); list elements must be non-null")
          }
          repetitionLevels.append(element == range.lowerBound ? 0 : 1)
          definitionLevels.append(maxDefinition)
        }
        pageEntries += range.count
        appendElements(child, range)
      }
      if pagePlainBytes >= pageBytes || (dictionaryActive && dictionary.plainSize > dictionaryMaxBytes) {
        try flushPage()
      }
    }
  }

  mutating func appendElements(_ child: Column, _ range: Range<Int>) {
    let before = pagePlainBytes
    switch layout.valueType {
    case .int32, .date:
      var low = Int32.max
      var high = Int32.min
      for index in range {
        let value = child.int32Values[index]
        plainValues.appendLittleEndian(value)
        low = min(low, value)
        high = max(high, value)
      }
      statistics.add(intMin: Int64(low), intMax: Int64(high))
      pagePlainBytes += 4 * range.count
    case .int64, .timestamp:
      var low = Int64.max
      var high = Int64.min
      for index in range {
        let value = child.int64Values[index]
        plainValues.appendLittleEndian(value)
        low = min(low, value)
        high = max(high, value)
      }
      statistics.add(intMin: low, intMax: high)
      pagePlainBytes += 8 * range.count
    case .double:
      for index in range {
        let value = child.doubleValues[index]
        plainValues.appendLittleEndian(value.bitPattern)
        if !value.isNaN { statistics.add(doubleMin: value, doubleMax: value) }
      }
      pagePlainBytes += 8 * range.count
    case .boolean:
      for index in range {
        booleanValues.append(child.boolValues[index] ? 1 : 0)
        statistics.add(bool: child.boolValues[index])
      }
      pagePlainBytes += (range.count + 7) / 8
    case .string:
      for index in range {
        child.stringBytes(at: index).withUnsafeBytes { appendString($0) }
      }
      return
    case .list:
      return
    }
    rowGroupPlainBytes += pagePlainBytes - before
  }
}
