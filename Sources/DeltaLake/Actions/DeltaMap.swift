public import SluiceCore

/// Delta's `map<string,string>` (partition values, configuration, tags) in document order.
///
/// Order is kept so that commit lines are byte-for-byte reproducible; lookups are linear, which
/// is right for the handful of entries these maps hold. A value may be `nil` (JSON `null`,
/// e.g. a null partition value).
public struct DeltaMap: Sendable, Hashable, ExpressibleByDictionaryLiteral, CustomStringConvertible {
  public struct Entry: Sendable, Hashable {
    public var key: String
    public var value: String?

    public init(key: String, value: String?) {
      self.key = key
      self.value = value
    }
  }

  public private(set) var entries: [Entry]

  public init(_ entries: [Entry] = []) {
    self.entries = entries
  }

  public init(dictionaryLiteral elements: (String, String?)...) {
    entries = elements.map { Entry(key: $0.0, value: $0.1) }
  }

  public var isEmpty: Bool { entries.isEmpty }
  public var count: Int { entries.count }
  public var keys: [String] { entries.map(\.key) }

  /// The value for `key`: `.some(nil)` for an explicit null, `nil` when the key is absent.
  public subscript(key: String) -> String?? {
    guard let entry = entries.last(where: { $0.key == key }) else { return nil }
    return .some(entry.value)
  }

  /// Sets `key` (replacing an existing entry in place, or appending).
  public mutating func set(_ key: String, _ value: String?) {
    if let index = entries.firstIndex(where: { $0.key == key }) {
      entries[index].value = value
    } else {
      entries.append(Entry(key: key, value: value))
    }
  }

  public var description: String {
    "{" + entries.map { "\($0.key): \($0.value ?? "null")" }.joined(separator: ", ") + "}"
  }

  /// The JSON object form (`null` for nil values).
  public var json: JSONValue {
    .object(entries.map { ($0.key, $0.value.map { JSONValue.string($0) } ?? .null) })
  }

  /// Reads a JSON object of strings (or nulls). Throws ``ActionDecodingError`` otherwise.
  static func decode(_ value: JSONValue, field: String) throws(ActionDecodingError) -> DeltaMap {
    guard let members = value.objectMembers else {
      throw ActionDecodingError("'\(field)' must be an object of strings")
    }
    var map = DeltaMap()
    for (key, item) in members {
      switch item {
      case .null: map.set(key, nil)
      case .string(let s): map.set(key, s)
      default: throw ActionDecodingError("'\(field).\(key)' must be a string or null")
      }
    }
    return map
  }
}
