import SluiceCore

/// A batch split by the values of the partition columns: one group per distinct combination,
/// in order of first appearance, each holding only the data (non-partition) columns.
struct PartitionedBatch {
  struct Group {
    /// Partition values as Delta text (`nil` = null), in partition-column order.
    var values: [String?]
    var data: RecordBatch
  }

  let groups: [Group]

  init(_ batch: RecordBatch, partitionColumns: [String]) throws(DeltaError) {
    var partitionIndices: [Int] = []
    for name in partitionColumns {
      guard let index = batch.schema.index(of: name) else {
        throw DeltaError.invalidArgument(
          "partition column '\(name)' is not in the batch schema \(batch.schema)")
      }
      partitionIndices.append(index)
    }
    let dataIndices = batch.schema.fields.indices.filter { !partitionIndices.contains($0) }
    let dataSchema = Schema(dataIndices.map { batch.schema[$0] })
    let dataColumns = dataIndices.map { batch.columns[$0] }
    let data = RecordBatch(unchecked: dataSchema, columns: dataColumns)
    guard !partitionIndices.isEmpty else {
      groups = [Group(values: [], data: data)]
      return
    }
    var order: [String] = []
    var rowsByKey: [String: [Int]] = [:]
    var valuesByKey: [String: [String?]] = [:]
    for row in 0..<batch.count {
      var key = ""
      for index in partitionIndices {
        let column = batch.columns[index]
        // Null and "" are the same partition (Delta reads "" as null).
        let text = column.isNull(row) ? "" : Self.text(column, row) ?? ""
        key += text.isEmpty ? "\u{0}\u{1}" : text + "\u{1}"
      }
      if rowsByKey[key] == nil {
        order.append(key)
        valuesByKey[key] = partitionIndices.map { index in
          let text = PartitionValueText.format(batch.columns[index].value(at: row))
          return text?.isEmpty == true ? nil : text
        }
      }
      rowsByKey[key, default: []].append(row)
    }
    groups = order.map { key in
      Group(values: valuesByKey[key]!, data: data.gather(rowsByKey[key]!))
    }
  }

  /// Cheap grouping text for one cell (exact for strings and integers).
  static func text(_ column: Column, _ row: Int) -> String? {
    switch column.type {
    case .string: String(decoding: column.stringBytes(at: row), as: UTF8.self)
    case .int32, .date: String(column.int32Values[row])
    case .int64, .timestamp: String(column.int64Values[row])
    default: PartitionValueText.format(column.value(at: row))
    }
  }
}

extension RecordBatch {
  /// Rough in-memory size of the batch's buffers (used to decide whether to cut files).
  var estimatedBytes: Int {
    columns.reduce(0) { $0 + Self.bytes(of: $1) }
  }

  static func bytes(of column: Column) -> Int {
    column.count + column.int32Values.count * 4 + column.int64Values.count * 8 + column.doubleValues.count * 8
      + column.boolValues.count + column.offsets.count * 4 + column.bytes.count
      + column.children.reduce(0) { $0 + bytes(of: $1) }
  }
}
