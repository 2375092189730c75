/// The logical type of a column.
///
/// Physical storage (see ``Column``): `int32` and `date` use 32-bit integers,
/// `int64` and `timestamp` use 64-bit integers, `timestamp` counts microseconds since the Unix
/// epoch in UTC, `date` counts days since the Unix epoch.
public indirect enum DataType: Sendable, Hashable, CustomStringConvertible {
  case string
  case int32
  case int64
  case double
  case boolean
  /// Microseconds since 1970-01-01T00:00:00Z.
  case timestamp
  /// Days since 1970-01-01.
  case date
  /// A variable-length list of `element` values (elements are non-null in this version).
  case list(DataType)

  public var description: String {
    switch self {
    case .string: "string"
    case .int32: "int32"
    case .int64: "int64"
    case .double: "double"
    case .boolean: "boolean"
    case .timestamp: "timestamp"
    case .date: "date"
    case .list(let element): "list<\(element)>"
    }
  }

  /// Parses the textual form used in job files and `description`: `string`, `int32`, `int`,
  /// `int64`, `long`, `double`, `boolean`, `bool`, `timestamp`, `date`, `list<double>`, ...
  public init?(name: String) {
    let trimmed = name.trimmingWhitespace().lowercased()
    switch trimmed {
    case "string": self = .string
    case "int32", "int", "integer": self = .int32
    case "int64", "long", "bigint": self = .int64
    case "double", "float64": self = .double
    case "boolean", "bool": self = .boolean
    case "timestamp": self = .timestamp
    case "date": self = .date
    default:
      for prefix in ["list<", "array<"] where trimmed.hasPrefix(prefix) && trimmed.hasSuffix(">") {
        let inner = String(trimmed.dropFirst(prefix.count).dropLast())
        guard let element = DataType(name: inner) else { return nil }
        self = .list(element)
        return
      }
      return nil
    }
  }

  /// The names accepted by ``init(name:)`` for error messages.
  public static let acceptedNames =
    "string, int32, int64, double, boolean, timestamp, date, list<T>"

  public var isList: Bool {
    if case .list = self { return true }
    return false
  }

  public var elementType: DataType? {
    if case .list(let element) = self { return element }
    return nil
  }
}

extension String {
  func trimmingWhitespace() -> String {
    var scalars = Substring(self)
    while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
    while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
    return String(scalars)
  }
}
