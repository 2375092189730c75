import SluiceCore

/// The serialised form of an ``OperatorSpec``: an object with exactly one key, the operation,
/// whose value holds the arguments (JSON shown; the same shape reads naturally in YAML):
///
/// ```
/// {"select": ["ind", "country"]}
/// {"rename": {"index": "ind"}}                      // or [{"from": "index", "to": "ind"}]
/// {"drop": ["downloaded"]}
/// {"cast": {"column": "age", "to": "int32"}}        // type names as DataType(name:)
/// {"nullIf": {"columns": ["title"], "values": ["No Title Data Available"]}}
/// {"nullIf": {"allStringColumns": true, "values": [""]}}   // also "column": "title"
/// {"stripPrefix": {"column": "save_location", "prefix": "Local save in "}}
/// {"parseSuffixedNumber": {"column": "follower_count", "as": "int32"}}   // "as" optional
/// {"concat": {"columns": ["first_name", "last_name"], "separator": " ", "as": "user_name"}}
/// {"makeList": {"columns": ["latitude", "longitude"], "as": "coordinates"}}
/// {"filter": {"column": "category", "equals": "art"}}  // or notEquals / in: [...] / isNull: true / isNotNull: true
/// {"dropDuplicates": null}                          // or true, or ["unique_id"]
/// {"clean": "pin"}
/// ```
///
/// Filter literals are scalars (string, integer, double, boolean); timestamp and date literals
/// are written as strings and parsed against the column's type when the job starts.
/// Decoding failures are `DecodingError`s whose message lists what is allowed.
extension OperatorSpec: Codable {
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: SpecKey.self)
    guard container.allKeys.count == 1, let key = container.allKeys.first else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: decoder.codingPath,
          debugDescription: "a transform step must have exactly one key, the operation, one of: "
            + Self.operations.joined(separator: ", ")))
    }
    switch key.stringValue {
    case "select": self = .select(try container.decode([String].self, forKey: key))
    case "drop": self = .drop(try container.decode([String].self, forKey: key))
    case "rename":
      if let mapping = try? container.decode([String: String].self, forKey: key) {
        self = .rename(mapping.sorted { $0.key < $1.key }.map { Rename.Pair(from: $0.key, to: $0.value) })
      } else {
        self = .rename(
          try container.decode([PairForm].self, forKey: key).map { Rename.Pair(from: $0.from, to: $0.to) })
      }
    case "cast":
      let args = try container.nestedContainer(keyedBy: SpecKey.self, forKey: key)
      self = .cast(column: try args.decode(String.self, forKey: "column"), to: try Self.type(in: args, "to"))
    case "nullIf":
      let args = try container.nestedContainer(keyedBy: SpecKey.self, forKey: key)
      let values = try args.decode([String].self, forKey: "values")
      if try args.decodeIfPresent(Bool.self, forKey: "allStringColumns") == true {
        self = .nullIf(.allStringColumns, values: values)
      } else if let column = try args.decodeIfPresent(String.self, forKey: "column") {
        self = .nullIf(.columns([column]), values: values)
      } else {
        self = .nullIf(.columns(try args.decode([String].self, forKey: "columns")), values: values)
      }
    case "stripPrefix":
      let args = try container.nestedContainer(keyedBy: SpecKey.self, forKey: key)
      self = .stripPrefix(
        column: try args.decode(String.self, forKey: "column"),
        prefix: try args.decode(String.self, forKey: "prefix"))
    case "parseSuffixedNumber":
      let args = try container.nestedContainer(keyedBy: SpecKey.self, forKey: key)
      let type = args.contains("as") ? try Self.type(in: args, "as") : .int32
      self = .parseSuffixedNumber(column: try args.decode(String.self, forKey: "column"), as: type)
    case "concat":
      let args = try container.nestedContainer(keyedBy: SpecKey.self, forKey: key)
      self = .concat(
        columns: try args.decode([String].self, forKey: "columns"),
        separator: try args.decode(String.self, forKey: "separator"),
        as: try args.decode(String.self, forKey: "as"))
    case "makeList":
      let args = try container.nestedContainer(keyedBy: SpecKey.self, forKey: key)
      self = .makeList(
        columns: try args.decode([String].self, forKey: "columns"),
        as: try args.decode(String.self, forKey: "as"))
    case "filter":
      let args = try container.nestedContainer(keyedBy: SpecKey.self, forKey: key)
      self = .filter(column: try args.decode(String.self, forKey: "column"), try Self.predicate(in: args))
    case "dropDuplicates":
      if try container.decodeNil(forKey: key) || (try? container.decode(Bool.self, forKey: key)) == true {
        self = .dropDuplicates(nil)
      } else {
        self = .dropDuplicates(try container.decode([String].self, forKey: key))
      }
    case "clean":
      let name = try container.decode(String.self, forKey: key)
      guard let kind = CleanerKind(rawValue: name) else {
        throw DecodingError.dataCorruptedError(
          forKey: key, in: container,
          debugDescription: "unknown cleaner '\(name)'; allowed: "
            + CleanerKind.allCases.map(\.rawValue).joined(separator: ", "))
      }
      self = .clean(kind)
    default:
      throw DecodingError.dataCorruptedError(
        forKey: key, in: container,
        debugDescription: "unknown transform '\(key.stringValue)'; allowed: "
          + Self.operations.joined(separator: ", "))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: SpecKey.self)
    let key = SpecKey(operation)
    switch self {
    case .select(let columns), .drop(let columns): try container.encode(columns, forKey: key)
    case .rename(let pairs):
      try container.encode(pairs.map { PairForm(from: $0.from, to: $0.to) }, forKey: key)
    case .cast(let column, let type):
      var args = container.nestedContainer(keyedBy: SpecKey.self, forKey: key)
      try args.encode(column, forKey: "column")
      try args.encode(type.description, forKey: "to")
    case .nullIf(let target, let values):
      var args = container.nestedContainer(keyedBy: SpecKey.self, forKey: key)
      switch target {
      case .columns(let columns): try args.encode(columns, forKey: "columns")
      case .allStringColumns: try args.encode(true, forKey: "allStringColumns")
      }
      try args.encode(values, forKey: "values")
    case .stripPrefix(let column, let prefix):
      var args = container.nestedContainer(keyedBy: SpecKey.self, forKey: key)
      try args.encode(column, forKey: "column")
      try args.encode(prefix, forKey: "prefix")
    case .parseSuffixedNumber(let column, let type):
      var args = container.nestedContainer(keyedBy: SpecKey.self, forKey: key)
      try args.encode(column, forKey: "column")
      try args.encode(type.description, forKey: "as")
    case .concat(let columns, let separator, let output):
      var args = container.nestedContainer(keyedBy: SpecKey.self, forKey: key)
      try args.encode(columns, forKey: "columns")
      try args.encode(separator, forKey: "separator")
      try args.encode(output, forKey: "as")
    case .makeList(let columns, let output):
      var args = container.nestedContainer(keyedBy: SpecKey.self, forKey: key)
      try args.encode(columns, forKey: "columns")
      try args.encode(output, forKey: "as")
    case .filter(let column, let predicate):
      var args = container.nestedContainer(keyedBy: SpecKey.self, forKey: key)
      try args.encode(column, forKey: "column")
      switch predicate {
      case .isNull: try args.encode(true, forKey: "isNull")
      case .isNotNull: try args.encode(true, forKey: "isNotNull")
      case .equals(let value): try args.encode(Literal(value), forKey: "equals")
      case .notEquals(let value): try args.encode(Literal(value), forKey: "notEquals")
      case .in(let values): try args.encode(values.map(Literal.init), forKey: "in")
      }
    case .dropDuplicates(let columns):
      if let columns {
        try container.encode(columns, forKey: key)
      } else {
        try container.encodeNil(forKey: key)
      }
    case .clean(let kind): try container.encode(kind.rawValue, forKey: key)
    }
  }

  private static func type(in args: KeyedDecodingContainer<SpecKey>, _ key: SpecKey) throws -> DataType {
    let name = try args.decode(String.self, forKey: key)
    guard let type = DataType(name: name) else {
      throw DecodingError.dataCorruptedError(
        forKey: key, in: args, debugDescription: "unknown type '\(name)'; allowed: \(DataType.acceptedNames)")
    }
    return type
  }

  private static func predicate(in args: KeyedDecodingContainer<SpecKey>) throws -> FilterPredicate {
    let kinds = ["isNull", "isNotNull", "equals", "notEquals", "in"].filter { args.contains(SpecKey($0)) }
    guard kinds.count == 1 else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: args.codingPath,
          debugDescription: "a filter needs exactly one condition: isNull, isNotNull, equals, notEquals or in"
        ))
    }
    switch kinds[0] {
    case "isNull": return .isNull
    case "isNotNull": return .isNotNull
    case "equals": return .equals(try args.decode(Literal.self, forKey: "equals").value)
    case "notEquals": return .notEquals(try args.decode(Literal.self, forKey: "notEquals").value)
    default: return .in(try args.decode([Literal].self, forKey: "in").map(\.value))
    }
  }
}

/// A coding key spelled by any string.
private struct SpecKey: CodingKey, ExpressibleByStringLiteral {
  let stringValue: String
  var intValue: Int? { nil }
  init(_ string: String) { stringValue = string }
  init(stringLiteral value: String) { stringValue = value }
  init?(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}

/// The `{"from": …, "to": …}` form of a rename pair.
private struct PairForm: Codable {
  let from: String
  let to: String
}

/// A scalar filter literal.
private struct Literal: Codable {
  let value: Value

  init(_ value: Value) { self.value = value }

  init(from decoder: any Decoder) throws {
    let single = try decoder.singleValueContainer()
    if single.decodeNil() {
      value = .null
    } else if let bool = try? single.decode(Bool.self) {
      value = .boolean(bool)
    } else if let int = try? single.decode(Int64.self) {
      value = .int64(int)
    } else if let double = try? single.decode(Double.self) {
      value = .double(double)
    } else {
      value = .string(try single.decode(String.self))
    }
  }

  func encode(to encoder: any Encoder) throws {
    var single = encoder.singleValueContainer()
    switch value {
    case .null: try single.encodeNil()
    case .string(let s): try single.encode(s)
    case .int32(let v): try single.encode(Int64(v))
    case .int64(let v): try single.encode(v)
    case .double(let d): try single.encode(d)
    case .boolean(let b): try single.encode(b)
    case .timestamp, .date: try single.encode(value.description)
    case .list:
      throw EncodingError.invalidValue(
        value, .init(codingPath: encoder.codingPath, debugDescription: "filter literals must be scalars"))
    }
  }
}
