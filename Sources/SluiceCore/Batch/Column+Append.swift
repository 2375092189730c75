extension Column {
  /// Appends a null slot.
  @inlinable public mutating func appendNull() {
    validity.append(false)
    switch type {
    case .int32, .date: int32Values.append(0)
    case .int64, .timestamp: int64Values.append(0)
    case .double: doubleValues.append(0)
    case .boolean: boolValues.append(false)
    case .string, .list: offsets.append(offsets[offsets.count - 1])
    }
  }

  /// Appends to an `int32` or `date` column.
  @inlinable public mutating func append(int32 value: Int32) {
    validity.append(true)
    int32Values.append(value)
  }

  /// Appends to an `int64` or `timestamp` column.
  @inlinable public mutating func append(int64 value: Int64) {
    validity.append(true)
    int64Values.append(value)
  }

  @inlinable public mutating func append(double value: Double) {
    validity.append(true)
    doubleValues.append(value)
  }

  @inlinable public mutating func append(bool value: Bool) {
    validity.append(true)
    boolValues.append(value)
  }

  /// Appends UTF-8 bytes to a `string` column.
  @inlinable public mutating func append<Bytes: Collection>(utf8 value: Bytes)
  where Bytes.Element == UInt8 {
    validity.append(true)
    bytes.append(contentsOf: value)
    offsets.append(Int32(truncatingIfNeeded: bytes.count))
  }

  /// Appends UTF-8 bytes from raw memory to a `string` column.
  @inlinable public mutating func append(utf8 value: UnsafeRawBufferPointer) {
    validity.append(true)
    bytes.append(contentsOf: value)
    offsets.append(Int32(truncatingIfNeeded: bytes.count))
  }

  public mutating func append(string value: String) {
    var value = value
    value.withUTF8 { append(utf8: UnsafeRawBufferPointer($0)) }
  }

  /// Closes a list slot whose elements were appended to `children[0]` since the last close.
  @inlinable public mutating func closeListSlot() {
    validity.append(true)
    offsets.append(Int32(truncatingIfNeeded: children[0].count))
  }

  /// Appends a list of doubles to a `list<double>` column.
  public mutating func append(doubles values: [Double]) {
    for value in values { children[0].append(double: value) }
    closeListSlot()
  }

  /// Appends a list of strings to a `list<string>` column.
  public mutating func append(strings values: [String]) {
    for value in values { children[0].append(string: value) }
    closeListSlot()
  }

  /// Appends slot `index` of `other` (same type) to this column.
  public mutating func append(from other: Column, at index: Int) {
    guard other.validity[index] else {
      appendNull()
      return
    }
    switch type {
    case .int32, .date: append(int32: other.int32Values[index])
    case .int64, .timestamp: append(int64: other.int64Values[index])
    case .double: append(double: other.doubleValues[index])
    case .boolean: append(bool: other.boolValues[index])
    case .string: append(utf8: other.stringBytes(at: index))
    case .list:
      for child in other.listRange(at: index) {
        children[0].append(from: other.children[0], at: child)
      }
      closeListSlot()
    }
  }

  /// Appends a ``Value``; throws when the value does not fit the column type.
  public mutating func append(_ value: Value) throws(CoreError) {
    switch (type, value) {
    case (_, .null): appendNull()
    case (.int32, .int32(let v)), (.date, .date(let v)): append(int32: v)
    case (.int32, .int64(let v)):
      guard let narrow = Int32(exactly: v) else { throw CoreError.valueOutOfRange(value, type) }
      append(int32: narrow)
    case (.int64, .int64(let v)), (.timestamp, .timestamp(let v)): append(int64: v)
    case (.int64, .int32(let v)): append(int64: Int64(v))
    case (.double, .double(let v)): append(double: v)
    case (.double, .int64(let v)): append(double: Double(v))
    case (.double, .int32(let v)): append(double: Double(v))
    case (.boolean, .boolean(let v)): append(bool: v)
    case (.string, .string(let v)): append(string: v)
    case (.list, .list(let values)):
      for element in values { try children[0].append(element) }
      closeListSlot()
    default: throw CoreError.valueTypeMismatch(value, type)
    }
  }
}

extension Column {
  /// A new column holding the slots at `indices`, in that order.
  public func gather(_ indices: [Int]) -> Column {
    var result = Column(type: type, capacity: indices.count)
    for index in indices { result.append(from: self, at: index) }
    return result
  }

  /// A new column holding the slots where `keep` is true.
  public func filter(_ keep: [Bool]) -> Column {
    var indices: [Int] = []
    indices.reserveCapacity(keep.count)
    for (index, flag) in keep.enumerated() where flag { indices.append(index) }
    return gather(indices)
  }

  /// A column of `count` nulls.
  public static func nulls(_ type: DataType, count: Int) -> Column {
    var column = Column(type: type, capacity: count)
    for _ in 0..<count { column.appendNull() }
    return column
  }
}
