public import SluiceCore

/// The type of a field in a nested Parquet schema: what files such as Delta Lake checkpoints
/// hold (structs, maps, lists of any of these), beyond the flat ``Schema`` of record batches.
public indirect enum NestedType: Sendable, Hashable, CustomStringConvertible {
  /// A primitive column: `string`, `int32`, `int64`, `double`, `boolean`, `timestamp`, `date`.
  case primitive(DataType)
  /// A 3-level LIST of `element` (on write the element is named `element`).
  case list(NestedField)
  /// A MAP with primitive keys (never null) and `value` entries (named `key` / `value`).
  case map(key: DataType, value: NestedField)
  /// A struct (Parquet group) with named fields.
  case group([NestedField])

  public var description: String {
    switch self {
    case .primitive(let type): "\(type)"
    case .list(let element): "list<\(element.type)\(element.nullable ? "" : " not null")>"
    case .map(let key, let value): "map<\(key), \(value.type)>"
    case .group(let fields): "struct<" + fields.map(\.description).joined(separator: ", ") + ">"
    }
  }
}

/// A named field of a nested schema.
public struct NestedField: Sendable, Hashable, CustomStringConvertible {
  public var name: String
  public var type: NestedType
  public var nullable: Bool

  public init(_ name: String, _ type: NestedType, nullable: Bool = true) {
    self.name = name
    self.type = type
    self.nullable = nullable
  }

  public var description: String { "\(name): \(type)\(nullable ? "" : " not null")" }
}

/// One value of a nested record: a primitive ``Value``, a list, a map or a struct.
/// Missing struct members read as `.null`. Not for hot paths (checkpoints, metadata files).
public indirect enum NestedValue: Sendable, Hashable {
  case null
  case primitive(Value)
  case list([NestedValue])
  case map([NestedEntry])
  case group([String: NestedValue])

  public var isNull: Bool { self == .null || self == .primitive(.null) }

  /// The member `name` of a struct (`.null` when absent or when this is not a struct).
  public subscript(name: String) -> NestedValue {
    if case .group(let members) = self { return members[name] ?? .null }
    return .null
  }

  public var string: String? {
    if case .primitive(.string(let value)) = self { return value }
    return nil
  }

  /// The value of an `int32` / `int64` / `timestamp` / `date` primitive as `Int64`.
  public var int64: Int64? {
    switch self {
    case .primitive(.int64(let value)), .primitive(.timestamp(let value)): value
    case .primitive(.int32(let value)), .primitive(.date(let value)): Int64(value)
    default: nil
    }
  }

  public var bool: Bool? {
    if case .primitive(.boolean(let value)) = self { return value }
    return nil
  }

  public var double: Double? {
    if case .primitive(.double(let value)) = self { return value }
    return nil
  }

  /// The elements of a list (nil when this is not a list).
  public var elements: [NestedValue]? {
    if case .list(let values) = self { return values }
    return nil
  }

  /// A `map<string, string>` as a dictionary (null values are left out).
  public var stringMap: [String: String]? {
    guard case .map(let entries) = self else { return nil }
    var result: [String: String] = [:]
    for entry in entries {
      if case .string(let key) = entry.key, let value = entry.value.string { result[key] = value }
    }
    return result
  }

  /// A `list<string>` as strings (null elements are left out).
  public var strings: [String]? { elements?.compactMap(\.string) }

  public static func string(_ value: String) -> NestedValue { .primitive(.string(value)) }
  public static func int64(_ value: Int64) -> NestedValue { .primitive(.int64(value)) }
  public static func int32(_ value: Int32) -> NestedValue { .primitive(.int32(value)) }
  public static func bool(_ value: Bool) -> NestedValue { .primitive(.boolean(value)) }

  /// A `map<string, string>` value with keys in sorted order.
  public static func stringMap(_ map: [String: String]) -> NestedValue {
    .map(map.keys.sorted().map { NestedEntry(key: .string($0), value: .string(map[$0]!)) })
  }

  /// A `list<string>` value.
  public static func strings(_ values: [String]) -> NestedValue { .list(values.map { .string($0) }) }
}

/// One entry of a map value.
public struct NestedEntry: Sendable, Hashable {
  public var key: Value
  public var value: NestedValue

  public init(key: Value, value: NestedValue) {
    self.key = key
    self.value = value
  }
}
