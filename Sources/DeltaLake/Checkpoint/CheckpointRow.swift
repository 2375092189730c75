import Parquet
import SluiceCore

/// Typed access to one checkpoint row's fields (``CheckpointColumn``): a required field
/// that is null, or a field of the wrong type, is a `corruptCheckpoint` error naming the file,
/// the row and the field (e.g. `add.size`).
struct CheckpointRow {
  /// The row's value of each ``CheckpointColumn``, by raw value.
  let values: [NestedValue]
  let row: Int
  let file: String

  /// Whether the field is set (not null) in this row.
  func has(_ column: CheckpointColumn) -> Bool { !values[column.rawValue].isNull }

  func string(_ column: CheckpointColumn) throws(DeltaError) -> String {
    guard let value = try optionalString(column) else { throw missing(column) }
    return value
  }

  func optionalString(_ column: CheckpointColumn) throws(DeltaError) -> String? {
    guard let value = self[column] else { return nil }
    guard let string = value.string else { throw wrongType(column, "a string", value) }
    return string
  }

  func int(_ column: CheckpointColumn) throws(DeltaError) -> Int64 {
    guard let value = try optionalInt(column) else { throw missing(column) }
    return value
  }

  func optionalInt(_ column: CheckpointColumn) throws(DeltaError) -> Int64? {
    guard let value = self[column] else { return nil }
    guard let int = value.int64 else { throw wrongType(column, "an integer", value) }
    return int
  }

  func optionalBool(_ column: CheckpointColumn) throws(DeltaError) -> Bool? {
    guard let value = self[column] else { return nil }
    guard let bool = value.bool else { throw wrongType(column, "a boolean", value) }
    return bool
  }

  /// A `map<string, string>` field, null values kept (`nil` when the map is null).
  func map(_ column: CheckpointColumn) throws(DeltaError) -> DeltaMap? {
    guard let value = self[column] else { return nil }
    guard case .map(let entries) = value else { throw wrongType(column, "a map", value) }
    var map = DeltaMap()
    for entry in entries {
      guard case .string(let key) = entry.key else {
        throw wrongType(column, "a map with string keys", value)
      }
      if entry.value.isNull {
        map.set(key, nil)
      } else if let text = entry.value.string {
        map.set(key, text)
      } else {
        throw wrongType(column, "a map of strings", value)
      }
    }
    return map
  }

  /// A `list<string>` field (`nil` when the list is null).
  func strings(_ column: CheckpointColumn) throws(DeltaError) -> [String]? {
    guard let value = self[column] else { return nil }
    guard let elements = value.elements else { throw wrongType(column, "a list", value) }
    var strings: [String] = []
    strings.reserveCapacity(elements.count)
    for element in elements {
      guard let text = element.string else { throw wrongType(column, "a list of strings", value) }
      strings.append(text)
    }
    return strings
  }

  /// The field's value, `nil` when null.
  private subscript(column: CheckpointColumn) -> NestedValue? {
    let value = values[column.rawValue]
    return value.isNull ? nil : value
  }

  private func missing(_ column: CheckpointColumn) -> DeltaError {
    .corruptCheckpoint(
      file, "row \(row) has \(column.path[0]) without \(column.path.joined(separator: "."))")
  }

  private func wrongType(_ column: CheckpointColumn, _ expected: String, _ value: NestedValue) -> DeltaError {
    .corruptCheckpoint(
      file, "row \(row): \(column.path.joined(separator: ".")) is not \(expected) (found \(value))")
  }
}
