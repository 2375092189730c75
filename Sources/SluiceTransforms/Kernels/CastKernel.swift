import SluiceCore

/// Column-at-a-time type conversions with Spark's non-ANSI `cast` semantics: a value that does
/// not convert (unparsable text, overflow, NaN to integer) becomes null instead of failing the
/// batch. Which pairs exist is ``isSupported(from:to:)``; the conversions themselves live in
/// the `CastKernel+…` files.
enum CastKernel {
  static let microsPerSecond: Int64 = 1_000_000
  static let microsPerDay: Int64 = 86_400_000_000

  /// Whether `source` can be cast to `target`.
  static func isSupported(from source: DataType, to target: DataType) -> Bool {
    if source == target || target == .string { return true }
    switch (source, target) {
    case (.string, .list): return false
    case (.string, _): return true
    case (.int32, .int64), (.int64, .int32), (.int32, .double), (.int64, .double),
      (.int32, .boolean), (.int64, .boolean), (.int32, .timestamp), (.int64, .timestamp):
      return true
    case (.double, .int32), (.double, .int64), (.double, .boolean), (.double, .timestamp):
      return true
    case (.boolean, .int32), (.boolean, .int64), (.boolean, .double):
      return true
    case (.timestamp, .date), (.timestamp, .int64), (.timestamp, .int32), (.timestamp, .double):
      return true
    case (.date, .timestamp):
      return true
    case (.list(let from), .list(let to)):
      return !to.isList && isSupported(from: from, to: to)
    default:
      return false
    }
  }

  /// Whether every non-null input converts to a non-null output (so nullability is preserved).
  static func isTotal(from source: DataType, to target: DataType) -> Bool {
    if source == target || target == .string { return true }
    switch (source, target) {
    case (.int32, .int64), (.int32, .double), (.int64, .double), (.int32, .boolean), (.int64, .boolean),
      (.int32, .timestamp), (.double, .boolean), (.boolean, .int32), (.boolean, .int64),
      (.boolean, .double), (.timestamp, .date), (.timestamp, .int64), (.timestamp, .double):
      return true
    default:
      return false
    }
  }

  /// Converts `column` to `target`; the pair must be supported.
  static func cast(_ column: Column, to target: DataType) -> Column {
    let source = column.type
    if source == target { return column }
    if target == .string { return formatted(column) }
    switch source {
    case .string: return parsed(column, as: target)
    case .int32: return fromInt32(column, to: target)
    case .int64: return fromInt64(column, to: target)
    case .double: return fromDouble(column, to: target)
    case .boolean: return fromBoolean(column, to: target)
    case .timestamp: return fromTimestamp(column, to: target)
    case .date: return fromDate(column, to: target)
    case .list: return listElements(column, to: target)
    }
  }

  private static func fromInt32(_ column: Column, to target: DataType) -> Column {
    let v = column.validity
    switch target {
    case .int64:
      let (out, valid) = mapSlots(column.int32Values, validity: v, zero: Int64(0)) { Int64($0) }
      return .int64s(out, validity: valid)
    case .double:
      let (out, valid) = mapSlots(column.int32Values, validity: v, zero: 0.0) { Double($0) }
      return .doubles(out, validity: valid)
    case .boolean:
      let (out, valid) = mapSlots(column.int32Values, validity: v, zero: false) { $0 != 0 }
      return .booleans(out, validity: valid)
    case .timestamp:
      let (out, valid) = mapSlots(column.int32Values, validity: v, zero: Int64(0)) {
        Int64($0) * microsPerSecond
      }
      return .int64s(out, validity: valid, type: .timestamp)
    default:
      preconditionFailure("unsupported cast int32 → \(target)")
    }
  }

  private static func fromInt64(_ column: Column, to target: DataType) -> Column {
    let v = column.validity
    switch target {
    case .int32:
      let (out, valid) = mapSlots(column.int64Values, validity: v, zero: Int32(0)) { Int32(exactly: $0) }
      return .int32s(out, validity: valid)
    case .double:
      let (out, valid) = mapSlots(column.int64Values, validity: v, zero: 0.0) { Double($0) }
      return .doubles(out, validity: valid)
    case .boolean:
      let (out, valid) = mapSlots(column.int64Values, validity: v, zero: false) { $0 != 0 }
      return .booleans(out, validity: valid)
    case .timestamp:
      let (out, valid) = mapSlots(column.int64Values, validity: v, zero: Int64(0)) { seconds -> Int64? in
        let (micros, overflow) = seconds.multipliedReportingOverflow(by: microsPerSecond)
        return overflow ? nil : micros
      }
      return .int64s(out, validity: valid, type: .timestamp)
    default:
      preconditionFailure("unsupported cast int64 → \(target)")
    }
  }

  /// Truncates toward zero; NaN, infinities and values outside `Int64` give `nil`.
  @inline(__always) static func truncatedInt64(_ value: Double) -> Int64? {
    guard value.isFinite, value >= -9.223_372_036_854_775_808e18, value < 9.223_372_036_854_775_808e18
    else { return nil }
    return Int64(value)
  }

  private static func fromDouble(_ column: Column, to target: DataType) -> Column {
    let v = column.validity
    switch target {
    case .int32:
      let (out, valid) = mapSlots(column.doubleValues, validity: v, zero: Int32(0)) { d -> Int32? in
        truncatedInt64(d).flatMap { Int32(exactly: $0) }
      }
      return .int32s(out, validity: valid)
    case .int64:
      let (out, valid) = mapSlots(column.doubleValues, validity: v, zero: Int64(0)) { truncatedInt64($0) }
      return .int64s(out, validity: valid)
    case .boolean:
      let (out, valid) = mapSlots(column.doubleValues, validity: v, zero: false) { $0 != 0 }
      return .booleans(out, validity: valid)
    case .timestamp:
      let (out, valid) = mapSlots(column.doubleValues, validity: v, zero: Int64(0)) {
        truncatedInt64($0 * Double(microsPerSecond))
      }
      return .int64s(out, validity: valid, type: .timestamp)
    default:
      preconditionFailure("unsupported cast double → \(target)")
    }
  }

  private static func fromBoolean(_ column: Column, to target: DataType) -> Column {
    let v = column.validity
    switch target {
    case .int32:
      let (out, valid) = mapSlots(column.boolValues, validity: v, zero: Int32(0)) { $0 ? 1 : 0 }
      return .int32s(out, validity: valid)
    case .int64:
      let (out, valid) = mapSlots(column.boolValues, validity: v, zero: Int64(0)) { $0 ? 1 : 0 }
      return .int64s(out, validity: valid)
    case .double:
      let (out, valid) = mapSlots(column.boolValues, validity: v, zero: 0.0) { $0 ? 1 : 0 }
      return .doubles(out, validity: valid)
    default:
      preconditionFailure("unsupported cast boolean → \(target)")
    }
  }

  /// Floor division (rounds toward negative infinity), as Spark does for time units.
  @inline(__always) static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
  }

  private static func fromTimestamp(_ column: Column, to target: DataType) -> Column {
    let v = column.validity
    switch target {
    case .date:
      let (out, valid) = mapSlots(column.int64Values, validity: v, zero: Int32(0)) {
        Int32(truncatingIfNeeded: floorDiv($0, microsPerDay))
      }
      return .int32s(out, validity: valid, type: .date)
    case .int64:
      let (out, valid) = mapSlots(column.int64Values, validity: v, zero: Int64(0)) {
        floorDiv($0, microsPerSecond)
      }
      return .int64s(out, validity: valid)
    case .int32:
      let (out, valid) = mapSlots(column.int64Values, validity: v, zero: Int32(0)) {
        Int32(exactly: floorDiv($0, microsPerSecond))
      }
      return .int32s(out, validity: valid)
    case .double:
      let (out, valid) = mapSlots(column.int64Values, validity: v, zero: 0.0) {
        Double($0) / Double(microsPerSecond)
      }
      return .doubles(out, validity: valid)
    default:
      preconditionFailure("unsupported cast timestamp → \(target)")
    }
  }

  private static func fromDate(_ column: Column, to target: DataType) -> Column {
    precondition(target == .timestamp, "unsupported cast date → \(target)")
    let (out, valid) = mapSlots(column.int32Values, validity: column.validity, zero: Int64(0)) {
      days -> Int64? in
      let (micros, overflow) = Int64(days).multipliedReportingOverflow(by: microsPerDay)
      return overflow ? nil : micros
    }
    return .int64s(out, validity: valid, type: .timestamp)
  }

  /// `list<A>` → `list<B>` element by element; a list with an element that fails becomes null
  /// (list elements are non-null in this version).
  private static func listElements(_ column: Column, to target: DataType) -> Column {
    guard case .list(let element) = target else { preconditionFailure("unsupported cast list → \(target)") }
    let child = cast(column.children[0], to: element)
    var result = Column(type: target, capacity: column.count)
    for slot in 0..<column.count {
      let range = column.listRange(at: slot)
      guard column.validity[slot], range.allSatisfy({ child.validity[$0] }) else {
        result.appendNull()
        continue
      }
      for index in range { result.children[0].append(from: child, at: index) }
      result.closeListSlot()
    }
    return result
  }
}
