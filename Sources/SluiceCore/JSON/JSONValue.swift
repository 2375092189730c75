/// A small JSON document model for per-batch artefacts (offsets, checkpoint entries, progress).
/// Not for records: those go through the schema-directed decoder in `SluiceJSON`.
public indirect enum JSONValue: Sendable, Hashable {
  case null
  case bool(Bool)
  /// Integers that fit in 64 bits keep full precision.
  case int(Int64)
  case double(Double)
  case string(String)
  case array([JSONValue])
  /// Members in document order (duplicate keys: the last one wins on lookup).
  case object([(String, JSONValue)])

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    lhs.canonical == rhs.canonical
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(canonical) }

  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.last { $0.0 == key }?.1
  }

  public var objectMembers: [(String, JSONValue)]? {
    if case .object(let m) = self { return m }
    return nil
  }

  public var arrayValue: [JSONValue]? {
    if case .array(let a) = self { return a }
    return nil
  }

  public var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  public var intValue: Int64? {
    switch self {
    case .int(let v): v
    case .double(let d) where d.rounded() == d && abs(d) < 9.0e18: Int64(d)
    default: nil
    }
  }

  public var doubleValue: Double? {
    switch self {
    case .int(let v): Double(v)
    case .double(let d): d
    default: nil
    }
  }

  public var boolValue: Bool? {
    if case .bool(let b) = self { return b }
    return nil
  }
}

// MARK: - Serialization

extension JSONValue {
  /// Compact form with object keys sorted by their UTF-8 bytes: two equal documents have the
  /// same canonical text.
  public var canonical: String {
    var out = ""
    write(to: &out, sortKeys: true, indent: nil, level: 0)
    return out
  }

  /// Compact form keeping member order.
  public var compact: String {
    var out = ""
    write(to: &out, sortKeys: false, indent: nil, level: 0)
    return out
  }

  /// Indented form (2 spaces) keeping member order, for humans.
  public var pretty: String {
    var out = ""
    write(to: &out, sortKeys: false, indent: "  ", level: 0)
    return out
  }

  func write(to out: inout String, sortKeys: Bool, indent: String?, level: Int) {
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let i): out += String(i)
    case .double(let d): out += JSONValue.format(d)
    case .string(let s): JSONValue.writeString(s, to: &out)
    case .array(let items):
      if items.isEmpty {
        out += "[]"
        return
      }
      out += "["
      for (n, item) in items.enumerated() {
        if n > 0 { out += "," }
        if let indent { out += "\n" + String(repeating: indent, count: level + 1) }
        item.write(to: &out, sortKeys: sortKeys, indent: indent, level: level + 1)
      }
      if let indent { out += "\n" + String(repeating: indent, count: level) }
      out += "]"
    case .object(let members):
      if members.isEmpty {
        out += "{}"
        return
      }
      let ordered =
        sortKeys ? members.sorted { Array($0.0.utf8).lexicographicallyPrecedes($1.0.utf8) } : members
      out += "{"
      for (n, (key, value)) in ordered.enumerated() {
        if n > 0 { out += "," }
        if let indent { out += "\n" + String(repeating: indent, count: level + 1) }
        JSONValue.writeString(key, to: &out)
        out += indent == nil ? ":" : ": "
        value.write(to: &out, sortKeys: sortKeys, indent: indent, level: level + 1)
      }
      if let indent { out += "\n" + String(repeating: indent, count: level) }
      out += "}"
    }
  }

  static func format(_ d: Double) -> String {
    guard d.isFinite else { return "null" }
    if d.rounded() == d, abs(d) < 1e15 { return String(Int64(d)) + ".0" }
    return String(d)
  }

  /// Appends `s` as a JSON string literal with the mandatory escapes.
  public static func writeString(_ s: String, to out: inout String) {
    out += "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case let c where c.value < 0x20:
        let hex = String(c.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    out += "\""
  }
}
