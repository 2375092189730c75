public import SluiceCore

/// The condition a ``Filter`` keeps rows by. Comparisons follow SQL: a null cell never equals,
/// never differs and is never `in` a list, so `equals`, `notEquals` and `in` drop null rows.
///
/// Literals are converted to the column's type once, when the schema is checked: integer,
/// double and boolean literals compare numerically, and a string literal is parsed for a
/// numeric, boolean, timestamp or date column (`"2020-08-28 03:52:47"`). A literal that does
/// not fit, a `null` literal (use ``isNull``), an empty `in` list or a list column throw
/// ``TransformError/Code/invalidArgument``.
public enum FilterPredicate: Sendable, Hashable {
  case isNull
  case isNotNull
  case equals(Value)
  case notEquals(Value)
  case `in`([Value])
}

/// A literal converted to a column's physical representation.
enum FilterLiteral: Hashable {
  case integer(Int64)
  case double(Double)
  case boolean(Bool)
  case bytes([UInt8])

  /// Converts `value` for a column of `type`, or returns `nil` when it does not fit.
  init?(_ value: Value, for type: DataType) {
    switch (type, value) {
    case (.string, .string(let s)): self = .bytes(Array(s.utf8))
    case (.int32, _), (.int64, _):
      switch value {
      case .int32(let v): self = .integer(Int64(v))
      case .int64(let v): self = .integer(v)
      case .double(let d):
        guard let v = Int64(exactly: d) else { return nil }
        self = .integer(v)
      case .string(let s):
        guard let v = Int64(s) else { return nil }
        self = .integer(v)
      default: return nil
      }
    case (.double, _):
      switch value {
      case .int32(let v): self = .double(Double(v))
      case .int64(let v): self = .double(Double(v))
      case .double(let d): self = .double(d)
      case .string(let s):
        guard let d = Double(s) else { return nil }
        self = .double(d)
      default: return nil
      }
    case (.boolean, .boolean(let b)): self = .boolean(b)
    case (.boolean, .string(let s)):
      var text = s
      guard let b = text.withUTF8({ NumberText.parseBoolean($0) }) else { return nil }
      self = .boolean(b)
    case (.timestamp, .timestamp(let us)): self = .integer(us)
    case (.timestamp, .string(let s)):
      guard let us = Timestamp.parseMicros(s) else { return nil }
      self = .integer(us)
    case (.date, .date(let days)): self = .integer(Int64(days))
    case (.date, .string(let s)):
      var text = s
      guard let days = text.withUTF8({ Timestamp.parseDays(UnsafeRawBufferPointer($0)) }) else { return nil }
      self = .integer(Int64(days))
    default: return nil
    }
  }

  /// Whether non-null slot `row` of `column` equals this literal (NaN equals NaN, as in Spark).
  @inline(__always) func matches(_ column: Column, _ row: Int) -> Bool {
    switch self {
    case .integer(let v):
      switch column.type {
      case .int32, .date: return Int64(column.int32Values[row]) == v
      default: return column.int64Values[row] == v
      }
    case .double(let d):
      let x = column.doubleValues[row]
      return x == d || (x.isNaN && d.isNaN)
    case .boolean(let b): return column.boolValues[row] == b
    case .bytes(let bytes): return column.stringBytes(at: row).elementsEqual(bytes)
    }
  }
}
