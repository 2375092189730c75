import Parquet
import SluiceCore

/// Typed access to the members of one checkpoint row's action structs: a required member that
/// is missing, or a member of the wrong type, is a `corruptCheckpoint` error naming the file,
/// the row and the field (e.g. `add.path`). Members are named by their path inside the action
/// struct (`"size"`, or `"format", "provider"` for a nested one).
struct CheckpointFields {
  let record: [String: NestedValue]
  let row: Int
  let file: String
  /// The action struct being read (`add`, `metaData`, …), for messages.
  private var action = ""

  init(record: [String: NestedValue], row: Int, file: String) {
    self.record = record
    self.row = row
    self.file = file
  }

  /// The struct of action `name` in this row, `nil` when the row holds none.
  mutating func begin(_ name: String) -> NestedValue? {
    guard let value = record[name], !value.isNull else { return nil }
    action = name
    return value
  }

  func string(_ group: NestedValue, _ path: String...) throws(DeltaError) -> String {
    guard let value = try string(group, path) else { throw missing(path) }
    return value
  }

  func optionalString(_ group: NestedValue, _ path: String...) throws(DeltaError) -> String? {
    try string(group, path)
  }

  func int(_ group: NestedValue, _ path: String...) throws(DeltaError) -> Int64 {
    guard let value = try int(group, path) else { throw missing(path) }
    return value
  }

  func optionalInt(_ group: NestedValue, _ path: String...) throws(DeltaError) -> Int64? {
    try int(group, path)
  }

  func optionalBool(_ group: NestedValue, _ path: String...) throws(DeltaError) -> Bool? {
    guard let value = member(group, path) else { return nil }
    guard let bool = value.bool else { throw wrongType(path, "a boolean", value) }
    return bool
  }

  /// A `map<string, string>` member, null values kept (`nil` when the map is null).
  func map(_ group: NestedValue, _ path: String...) throws(DeltaError) -> DeltaMap? {
    guard let value = member(group, path) else { return nil }
    guard case .map(let entries) = value else { throw wrongType(path, "a map", value) }
    var map = DeltaMap()
    for entry in entries {
      guard case .string(let key) = entry.key else { throw wrongType(path, "a map with string keys", value) }
      if entry.value.isNull {
        map.set(key, nil)
      } else if let text = entry.value.string {
        map.set(key, text)
      } else {
        throw wrongType(path, "a map of strings", value)
      }
    }
    return map
  }

  /// A `list<string>` member (`nil` when the list is null).
  func strings(_ group: NestedValue, _ path: String...) throws(DeltaError) -> [String]? {
    guard let value = member(group, path) else { return nil }
    guard let elements = value.elements else { throw wrongType(path, "a list", value) }
    var strings: [String] = []
    strings.reserveCapacity(elements.count)
    for element in elements {
      guard let text = element.string else { throw wrongType(path, "a list of strings", value) }
      strings.append(text)
    }
    return strings
  }

  private func string(_ group: NestedValue, _ path: [String]) throws(DeltaError) -> String? {
    guard let value = member(group, path) else { return nil }
    guard let string = value.string else { throw wrongType(path, "a string", value) }
    return string
  }

  private func int(_ group: NestedValue, _ path: [String]) throws(DeltaError) -> Int64? {
    guard let value = member(group, path) else { return nil }
    guard let int = value.int64 else { throw wrongType(path, "an integer", value) }
    return int
  }

  /// The member at `path`, `nil` when it (or a struct on the way) is null or absent.
  private func member(_ group: NestedValue, _ path: [String]) -> NestedValue? {
    var value = group
    for name in path { value = value[name] }
    return value.isNull ? nil : value
  }

  private func missing(_ path: [String]) -> DeltaError {
    .corruptCheckpoint(file, "row \(row) has \(action) without \(([action] + path).joined(separator: "."))")
  }

  private func wrongType(_ path: [String], _ expected: String, _ value: NestedValue) -> DeltaError {
    .corruptCheckpoint(
      file, "row \(row): \(([action] + path).joined(separator: ".")) is not \(expected) (found \(value))")
  }
}
