import SluiceCore

/// Decodes PLAIN-encoded values (data pages and dictionary pages) into a dense ``Column`` of the
/// target type, applying the column's ``ValueConversion``. Dense: one slot per non-null value.
enum PlainDecoder {
  /// Appends `count` values read from `bytes` to `column`; returns the number of bytes consumed.
  @discardableResult
  static func decode(
    _ bytes: UnsafeRawBufferPointer, count: Int, physical: PhysicalType, conversion: ValueConversion,
    into column: inout Column, what: @autoclosure () -> String
  ) throws(ParquetError) -> Int {
    func need(_ size: Int) throws(ParquetError) {
      guard size <= bytes.count else {
        throw .truncated("\(what()): \(count) PLAIN values need \(size) bytes, the page has \(bytes.count)")
      }
    }
    let minimumSize: Int
    switch physical {
    case .int32, .float: minimumSize = 4 * count
    case .int64, .double: minimumSize = 8 * count
    case .int96: minimumSize = 12 * count
    case .boolean: minimumSize = (count + 7) / 8
    default: minimumSize = 4 * count
    }
    try need(minimumSize)
    column.validity.append(contentsOf: repeatElement(true, count: count))
    switch physical {
    case .int32:
      try need(4 * count)
      if conversion == .unsignedToInt64 {
        column.int64Values.reserveCapacity(column.int64Values.count + count)
        for index in 0..<count {
          column.int64Values.append(Int64(bytes.loadLittleEndian(at: 4 * index, as: UInt32.self)))
        }
      } else {
        appendRaw(bytes, count: count, to: &column.int32Values)
      }
      return 4 * count
    case .int64:
      try need(8 * count)
      let start = column.int64Values.count
      appendRaw(bytes, count: count, to: &column.int64Values)
      convert(&column.int64Values, from: start, conversion)
      return 8 * count
    case .double:
      try need(8 * count)
      appendRaw(bytes, count: count, to: &column.doubleValues)
      return 8 * count
    case .float:
      try need(4 * count)
      column.doubleValues.reserveCapacity(column.doubleValues.count + count)
      for index in 0..<count {
        column.doubleValues.append(
          Double(Float(bitPattern: bytes.loadLittleEndian(at: 4 * index, as: UInt32.self))))
      }
      return 4 * count
    case .int96:
      try need(12 * count)
      column.int64Values.reserveCapacity(column.int64Values.count + count)
      for index in 0..<count {
        let nanos = Int64(bitPattern: bytes.loadLittleEndian(at: 12 * index, as: UInt64.self))
        let julianDay = Int64(bytes.loadLittleEndian(at: 12 * index + 8, as: UInt32.self))
        column.int64Values.append((julianDay - 2_440_588) * 86_400_000_000 + nanos / 1000)
      }
      return 12 * count
    case .boolean:
      try need((count + 7) / 8)
      column.boolValues.reserveCapacity(column.boolValues.count + count)
      for index in 0..<count {
        column.boolValues.append(bytes[index >> 3] & (1 << UInt8(index & 7)) != 0)
      }
      return (count + 7) / 8
    case .byteArray:
      var position = 0
      column.offsets.reserveCapacity(column.offsets.count + count)
      for index in 0..<count {
        guard bytes.count - position >= 4 else {
          throw .truncated("\(what()): value \(index) of \(count) has no length prefix")
        }
        let length = Int(bytes.loadLittleEndian(at: position, as: UInt32.self))
        position += 4
        guard bytes.count - position >= length else {
          throw .truncated(
            "\(what()): value \(index) of \(count) needs \(length) bytes, \(bytes.count - position) left")
        }
        column.bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[position..<position + length]))
        position += length
        guard column.bytes.count <= Int(Int32.max) else {
          throw .unsupported("\(what()): more than 2 GiB of string data in one column")
        }
        column.offsets.append(Int32(column.bytes.count))
      }
      return position
    default:
      throw .unsupported("\(what()): PLAIN values of type \(physical)")
    }
  }

  /// Appends `count` little-endian values of `T` copied from `bytes`.
  private static func appendRaw<T: FixedWidthInteger>(
    _ bytes: UnsafeRawBufferPointer, count: Int, to array: inout [T]
  ) {
    guard count > 0 else { return }
    let start = array.count
    array.append(contentsOf: repeatElement(0, count: count))
    array.withUnsafeMutableBytes { target in
      target.baseAddress!.advanced(by: start * MemoryLayout<T>.stride)
        .copyMemory(from: bytes.baseAddress!, byteCount: count * MemoryLayout<T>.stride)
    }
  }

  private static func appendRaw(_ bytes: UnsafeRawBufferPointer, count: Int, to array: inout [Double]) {
    guard count > 0 else { return }
    let start = array.count
    array.append(contentsOf: repeatElement(0, count: count))
    array.withUnsafeMutableBytes { target in
      target.baseAddress!.advanced(by: start * 8).copyMemory(from: bytes.baseAddress!, byteCount: count * 8)
    }
  }

  static func convert(_ values: inout [Int64], from start: Int, _ conversion: ValueConversion) {
    switch conversion {
    case .millisToMicros:
      for index in start..<values.count { values[index] = values[index] &* 1000 }
    case .nanosToMicros:
      for index in start..<values.count {
        let nanos = values[index]
        values[index] = nanos >= 0 ? nanos / 1000 : -((-(nanos + 1)) / 1000) - 1
      }
    default: break
    }
  }

  /// Appends `dictionary[index]` for every index to `column` (dense); checks every index.
  static func gather(
    _ dictionary: Column, _ indices: [UInt32], into column: inout Column, what: @autoclosure () -> String
  ) throws(ParquetError) {
    let size = dictionary.count
    for index in indices where Int(index) >= size {
      throw .corrupt("\(what()): dictionary index \(index) but the dictionary has \(size) entries")
    }
    column.validity.append(contentsOf: repeatElement(true, count: indices.count))
    switch column.type {
    case .int32, .date:
      column.int32Values.reserveCapacity(column.int32Values.count + indices.count)
      for index in indices { column.int32Values.append(dictionary.int32Values[Int(index)]) }
    case .int64, .timestamp:
      column.int64Values.reserveCapacity(column.int64Values.count + indices.count)
      for index in indices { column.int64Values.append(dictionary.int64Values[Int(index)]) }
    case .double:
      column.doubleValues.reserveCapacity(column.doubleValues.count + indices.count)
      for index in indices { column.doubleValues.append(dictionary.doubleValues[Int(index)]) }
    case .boolean:
      for index in indices { column.boolValues.append(dictionary.boolValues[Int(index)]) }
    case .string:
      column.offsets.reserveCapacity(column.offsets.count + indices.count)
      dictionary.bytes.withUnsafeBytes { source in
        for index in indices {
          let start = Int(dictionary.offsets[Int(index)])
          let end = Int(dictionary.offsets[Int(index) + 1])
          column.bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: source[start..<end]))
          column.offsets.append(Int32(truncatingIfNeeded: column.bytes.count))
        }
      }
      guard column.bytes.count <= Int(Int32.max) else {
        throw .unsupported("\(what()): more than 2 GiB of string data in one column")
      }
    case .list:
      break
    }
  }
}
