import SluiceCore

/// An equality condition `column = value` of ``DeltaTable/scan(version:timestamp:where:limit:)``,
/// with the value parsed for the column's type. Files whose partition value or statistics rule
/// the value out are not read at all.
struct ScanFilter {
  let column: String
  let index: Int
  let type: DataType
  let value: Value
  let isPartition: Bool

  init(column: String, text: String, schema: Schema, partitionColumns: [String]) throws(DeltaError) {
    guard let index = schema.index(of: column) else {
      throw DeltaError.invalidArgument(
        "no column '\(column)' to filter on; the table has \(schema.names.joined(separator: ", "))")
    }
    let type = schema[index].type
    if type.isList { throw DeltaError.invalidArgument("cannot filter on list column '\(column)'") }
    do {
      value = try PartitionValueText.parse(text, as: type, column: column)
    } catch {
      throw DeltaError.invalidArgument("'\(text)' is not a valid \(type) value for column '\(column)'")
    }
    self.column = column
    self.index = index
    self.type = type
    isPartition = partitionColumns.contains(column)
  }

  /// False when the file certainly holds no matching row.
  func mayMatch(_ file: AddAction) throws(DeltaError) -> Bool {
    if isPartition {
      let fileValue = try PartitionValueText.parse(
        file.partitionValues[column] ?? nil, as: type, column: column)
      return fileValue == value
    }
    guard value != .null, let stats = file.statistics else { return true }
    if let min = stats.minValues[column].flatMap({ Self.value($0, type) }), ValueOrder.less(value, min) {
      return false
    }
    if var max = stats.maxValues[column].flatMap({ Self.value($0, type) }) {
      // Timestamp bounds are kept to the millisecond; other writers truncate the maximum.
      if case .timestamp(let micros) = max { max = .timestamp(micros + 999) }
      if ValueOrder.less(max, value) { return false }
    }
    return true
  }

  /// A statistics bound as a value of `type` (`nil` when it does not parse).
  static func value(_ json: JSONValue, _ type: DataType) -> Value? {
    switch type {
    case .int32: json.intValue.flatMap { Int32(exactly: $0) }.map { .int32($0) }
    case .int64: json.intValue.map { .int64($0) }
    case .double: json.doubleValue.map { .double($0) }
    case .string: json.stringValue.map { .string($0) }
    case .date:
      json.stringValue.flatMap { Timestamp.parseMicros($0) }.map {
        .date(Int32(PartitionValueText.floorDays($0)))
      }
    case .timestamp: json.stringValue.flatMap { Timestamp.parseMicros($0) }.map { .timestamp($0) }
    case .boolean, .list: nil
    }
  }
}
