/// One cell of a ``RecordBatch`` as a Swift value: for row views, tests and configs,
/// never for hot paths.
public indirect enum Value: Sendable, Hashable, CustomStringConvertible {
  case null
  case string(String)
  case int32(Int32)
  case int64(Int64)
  case double(Double)
  case boolean(Bool)
  /// Microseconds since the Unix epoch, UTC.
  case timestamp(Int64)
  /// Days since the Unix epoch.
  case date(Int32)
  case list([Value])

  public var isNull: Bool { self == .null }

  public var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  /// The integer value of an `int32` / `int64` cell.
  public var intValue: Int64? {
    switch self {
    case .int32(let v): Int64(v)
    case .int64(let v): v
    default: nil
    }
  }

  public var doubleValue: Double? {
    if case .double(let d) = self { return d }
    return nil
  }

  public var description: String {
    switch self {
    case .null: "null"
    case .string(let s): "\"\(s)\""
    case .int32(let v): String(v)
    case .int64(let v): String(v)
    case .double(let v): String(v)
    case .boolean(let v): String(v)
    case .timestamp(let us): Timestamp.isoString(micros: us)
    case .date(let days): Timestamp.isoDateString(days: days)
    case .list(let values): "[" + values.map(\.description).joined(separator: ", ") + "]"
    }
  }
}

extension Column {
  /// The value of slot `index` (allocates for strings and lists).
  public func value(at index: Int) -> Value {
    guard validity[index] else { return .null }
    switch type {
    case .int32: return .int32(int32Values[index])
    case .date: return .date(int32Values[index])
    case .int64: return .int64(int64Values[index])
    case .timestamp: return .timestamp(int64Values[index])
    case .double: return .double(doubleValues[index])
    case .boolean: return .boolean(boolValues[index])
    case .string: return .string(String(decoding: stringBytes(at: index), as: UTF8.self))
    case .list:
      return .list(listRange(at: index).map { children[0].value(at: $0) })
    }
  }
}
