import SluiceCore

extension CastKernel {
  /// `string` → `target`, parsing the trimmed bytes of every slot; unparsable → null.
  static func parsed(_ column: Column, as target: DataType) -> Column {
    let n = column.count
    switch target {
    case .int32, .int64:
      var values = [Int64](repeating: 0, count: n)
      var valid = [Bool](repeating: false, count: n)
      column.forEachStringSlot { i, text, isValid in
        guard isValid, let value = NumberText.parseInteger(NumberText.trimmed(text)) else { return }
        values[i] = value
        valid[i] = true
      }
      let wide = Column.int64s(values, validity: valid)
      return target == .int64 ? wide : cast(wide, to: .int32)
    case .double:
      var values = [Double](repeating: 0, count: n)
      var valid = [Bool](repeating: false, count: n)
      column.forEachStringSlot { i, text, isValid in
        guard isValid, let value = NumberText.parseDouble(NumberText.trimmed(text)) else { return }
        values[i] = value
        valid[i] = true
      }
      return .doubles(values, validity: valid)
    case .boolean:
      var values = [Bool](repeating: false, count: n)
      var valid = [Bool](repeating: false, count: n)
      column.forEachStringSlot { i, text, isValid in
        guard isValid, let value = NumberText.parseBoolean(NumberText.trimmed(text)) else { return }
        values[i] = value
        valid[i] = true
      }
      return .booleans(values, validity: valid)
    case .timestamp:
      var values = [Int64](repeating: 0, count: n)
      var valid = [Bool](repeating: false, count: n)
      column.forEachStringSlot { i, text, isValid in
        guard isValid, let micros = Timestamp.parseMicros(UnsafeRawBufferPointer(NumberText.trimmed(text)))
        else { return }
        values[i] = micros
        valid[i] = true
      }
      return .int64s(values, validity: valid, type: .timestamp)
    case .date:
      var values = [Int32](repeating: 0, count: n)
      var valid = [Bool](repeating: false, count: n)
      column.forEachStringSlot { i, text, isValid in
        guard isValid, let days = Timestamp.parseDays(UnsafeRawBufferPointer(NumberText.trimmed(text)))
        else { return }
        values[i] = days
        valid[i] = true
      }
      return .int32s(values, validity: valid, type: .date)
    default:
      preconditionFailure("unsupported cast string → \(target)")
    }
  }

  /// Any type → `string`: integers in decimal, doubles in Swift's shortest round-trip form,
  /// booleans as `true`/`false`, timestamps as ISO `YYYY-MM-DDTHH:MM:SS[.ffffff]` (UTC, no zone),
  /// dates as `YYYY-MM-DD`, lists as `[a, b]`. Null stays null.
  static func formatted(_ column: Column) -> Column {
    let n = column.count
    var result = Column(type: .string, capacity: n)
    result.bytes.reserveCapacity(n * 8)
    let elements: Column? = column.type.isList ? formatted(column.children[0]) : nil
    for i in 0..<n {
      guard column.validity[i] else {
        result.appendNull()
        continue
      }
      switch column.type {
      case .string: result.bytes.append(contentsOf: column.stringBytes(at: i))
      case .int32: NumberText.appendInteger(Int64(column.int32Values[i]), to: &result.bytes)
      case .int64: NumberText.appendInteger(column.int64Values[i], to: &result.bytes)
      case .double: NumberText.appendDouble(column.doubleValues[i], to: &result.bytes)
      case .boolean: result.bytes.append(contentsOf: column.boolValues[i] ? "true".utf8 : "false".utf8)
      case .timestamp:
        result.bytes.append(contentsOf: Timestamp.isoString(micros: column.int64Values[i]).utf8)
      case .date: result.bytes.append(contentsOf: Timestamp.isoDateString(days: column.int32Values[i]).utf8)
      case .list:
        result.bytes.append(UInt8(ascii: "["))
        for (k, child) in column.listRange(at: i).enumerated() {
          if k > 0 { result.bytes.append(contentsOf: ", ".utf8) }
          result.bytes.append(contentsOf: elements!.stringBytes(at: child))
        }
        result.bytes.append(UInt8(ascii: "]"))
      }
      result.validity.append(true)
      result.offsets.append(Int32(truncatingIfNeeded: result.bytes.count))
    }
    return result
  }
}
