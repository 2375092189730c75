/// Decodes Thrift compact-protocol values from a byte range of a buffer.
///
/// Structs are read with ``readStruct(_:)``: the body receives each field header and returns
/// `false` for ids it does not know, which are then skipped by type (forward compatibility).
/// Every read is bounds checked; running past the end throws `truncated`, malformed data throws
/// `corrupt`, both naming `context` (e.g. "file footer") and the byte offset.
struct ThriftCompactReader {
  typealias FieldBody = (inout ThriftCompactReader, ThriftType, Int16) throws(ParquetError) -> Bool

  let bytes: [UInt8]
  private(set) var position: Int
  let end: Int
  let context: String
  private var depth = 0
  private static let maximumDepth = 64

  init(bytes: [UInt8], range: Range<Int>, context: String) {
    self.bytes = bytes
    self.position = range.lowerBound
    self.end = range.upperBound
    self.context = context
  }

  // MARK: structs

  /// Reads one struct, calling `body` for every field until the stop byte.
  mutating func readStruct(_ body: FieldBody) throws(ParquetError) {
    depth += 1
    defer { depth -= 1 }
    guard depth <= Self.maximumDepth else { throw corrupt("structs nested too deeply") }
    var lastFieldID: Int16 = 0
    while true {
      let header = try readByte()
      if header == 0 { return }
      let type = try thriftType(header & 0x0F)
      let delta = header >> 4
      let id: Int16
      if delta != 0 {
        id = lastFieldID &+ Int16(delta)
      } else {
        id = try readI16()
      }
      lastFieldID = id
      if try !body(&self, type, id) { try skip(type) }
    }
  }

  /// Checks that a field has the type its id requires.
  func expect(_ actual: ThriftType, _ expected: ThriftType, field: String) throws(ParquetError) {
    let matches =
      expected == .boolTrue || expected == .boolFalse
      ? (actual == .boolTrue || actual == .boolFalse) : actual == expected
    guard matches else {
      throw corrupt("field \(field) has Thrift type \(actual) but should be \(expected)")
    }
  }

  // MARK: values

  mutating func readByte() throws(ParquetError) -> UInt8 {
    guard position < end else { throw truncatedError() }
    let byte = bytes[position]
    position += 1
    return byte
  }

  mutating func readVarint() throws(ParquetError) -> UInt64 {
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      let byte = try readByte()
      guard shift < 64 else { throw corrupt("varint longer than 10 bytes") }
      result |= UInt64(byte & 0x7F) << shift
      if byte & 0x80 == 0 { return result }
      shift += 7
    }
  }

  mutating func readZigzag() throws(ParquetError) -> Int64 {
    let raw = try readVarint()
    return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
  }

  mutating func readI64() throws(ParquetError) -> Int64 { try readZigzag() }

  mutating func readI32() throws(ParquetError) -> Int32 {
    let value = try readZigzag()
    guard let narrow = Int32(exactly: value) else { throw corrupt("i32 value \(value) out of range") }
    return narrow
  }

  mutating func readI16() throws(ParquetError) -> Int16 {
    let value = try readZigzag()
    guard let narrow = Int16(exactly: value) else { throw corrupt("i16 value \(value) out of range") }
    return narrow
  }

  mutating func readI8() throws(ParquetError) -> Int8 {
    Int8(bitPattern: try readByte())
  }

  mutating func readDouble() throws(ParquetError) -> Double {
    guard end - position >= 8 else { throw truncatedError() }
    var raw: UInt64 = 0
    for index in 0..<8 { raw |= UInt64(bytes[position + index]) << (8 * UInt64(index)) }
    position += 8
    return Double(bitPattern: raw)
  }

  /// The byte range of a binary value (no copy).
  mutating func readBinaryRange() throws(ParquetError) -> Range<Int> {
    let length = try readVarint()
    guard length <= UInt64(end - position) else { throw truncatedError() }
    let start = position
    position += Int(length)
    return start..<position
  }

  mutating func readBinary() throws(ParquetError) -> [UInt8] {
    Array(bytes[try readBinaryRange()])
  }

  mutating func readString() throws(ParquetError) -> String {
    String(decoding: bytes[try readBinaryRange()], as: UTF8.self)
  }

  /// The value of a bool field: carried by its type nibble.
  func boolValue(_ type: ThriftType) -> Bool { type == .boolTrue }

  /// A bool list element (one byte; 1 is true, anything else false).
  mutating func readBoolElement() throws(ParquetError) -> Bool { try readByte() == 1 }

  /// Reads a list or set header: element type and count.
  mutating func readListHeader() throws(ParquetError) -> (elementType: ThriftType, count: Int) {
    let header = try readByte()
    let type = try thriftType(header & 0x0F)
    var count = Int(header >> 4)
    if count == 15 {
      let size = try readVarint()
      guard size <= UInt64(end - position) else { throw corrupt("list size \(size) exceeds the data") }
      count = Int(size)
    }
    return (type, count)
  }

  /// Reads a list whose elements are decoded by `element`.
  mutating func readList<T>(
    expecting expected: ThriftType, field: String,
    _ element: (inout ThriftCompactReader) throws(ParquetError) -> T
  ) throws(ParquetError) -> [T] {
    let (type, count) = try readListHeader()
    guard count == 0 || type == expected || (expected == .boolFalse && type == .boolTrue) else {
      throw corrupt("list \(field) has element type \(type) but should hold \(expected)")
    }
    var result: [T] = []
    result.reserveCapacity(count)
    for _ in 0..<count { result.append(try element(&self)) }
    return result
  }

  // MARK: skipping

  /// Skips one value of `type` (used for unknown fields).
  mutating func skip(_ type: ThriftType) throws(ParquetError) {
    switch type {
    case .boolTrue, .boolFalse: return
    case .i8: _ = try readByte()
    case .i16, .i32, .i64: _ = try readVarint()
    case .double: _ = try readDouble()
    case .binary: _ = try readBinaryRange()
    case .uuid:
      guard end - position >= 16 else { throw truncatedError() }
      position += 16
    case .list, .set:
      let (elementType, count) = try readListHeader()
      for _ in 0..<count { try skipElement(elementType) }
    case .map:
      let count = try readVarint()
      guard count <= UInt64(end - position) else { throw corrupt("map size \(count) exceeds the data") }
      if count == 0 { return }
      let types = try readByte()
      let keyType = try thriftType(types >> 4)
      let valueType = try thriftType(types & 0x0F)
      for _ in 0..<count {
        try skipElement(keyType)
        try skipElement(valueType)
      }
    case .struct:
      try readStruct { _, _, _ in false }
    }
  }

  private mutating func skipElement(_ type: ThriftType) throws(ParquetError) {
    if type == .boolTrue || type == .boolFalse {
      _ = try readByte()
    } else {
      try skip(type)
    }
  }

  // MARK: errors

  private func thriftType(_ nibble: UInt8) throws(ParquetError) -> ThriftType {
    guard let type = ThriftType(rawValue: nibble) else {
      throw corrupt("unknown Thrift type \(nibble)")
    }
    return type
  }

  func corrupt(_ detail: String) -> ParquetError {
    .corrupt("corrupt \(context) at byte \(position): \(detail)")
  }

  private func truncatedError() -> ParquetError {
    .truncated("\(context) ends early at byte \(position) (it ends at byte \(end))")
  }
}
