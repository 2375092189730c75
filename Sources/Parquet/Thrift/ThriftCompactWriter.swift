/// Encodes Thrift structs with the compact protocol into a byte buffer.
///
/// Callers write the fields of a struct in ascending id order, open nested structs with
/// ``beginStruct(_:)`` and close every struct (also the outermost) with ``endStruct()``, which
/// writes the stop byte. Field-id deltas are tracked per nesting level.
struct ThriftCompactWriter {
  private(set) var bytes: [UInt8] = []
  private var lastFieldID: Int16 = 0
  private var enclosingFieldIDs: [Int16] = []

  init(capacity: Int = 256) {
    bytes.reserveCapacity(capacity)
  }

  // MARK: fields

  mutating func field(_ id: Int16, i32 value: Int32) {
    fieldHeader(id, .i32)
    writeZigzag(Int64(value))
  }

  mutating func field(_ id: Int16, i64 value: Int64) {
    fieldHeader(id, .i64)
    writeZigzag(value)
  }

  mutating func field(_ id: Int16, i16 value: Int16) {
    fieldHeader(id, .i16)
    writeZigzag(Int64(value))
  }

  mutating func field(_ id: Int16, i8 value: Int8) {
    fieldHeader(id, .i8)
    bytes.append(UInt8(bitPattern: value))
  }

  mutating func field(_ id: Int16, bool value: Bool) {
    fieldHeader(id, value ? .boolTrue : .boolFalse)
  }

  mutating func field(_ id: Int16, string value: String) {
    fieldHeader(id, .binary)
    var copy = value
    copy.withUTF8 { utf8 in
      writeVarint(UInt64(utf8.count))
      bytes.append(contentsOf: utf8)
    }
  }

  mutating func field(_ id: Int16, binary value: [UInt8]) {
    fieldHeader(id, .binary)
    writeVarint(UInt64(value.count))
    bytes.append(contentsOf: value)
  }

  /// Writes the header of a list field; the caller then writes `count` elements.
  mutating func listField(_ id: Int16, elementType: ThriftType, count: Int) {
    fieldHeader(id, .list)
    listHeader(elementType: elementType, count: count)
  }

  mutating func listField(_ id: Int16, i32 values: [Int32]) {
    listField(id, elementType: .i32, count: values.count)
    for value in values { writeZigzag(Int64(value)) }
  }

  mutating func listField(_ id: Int16, strings values: [String]) {
    listField(id, elementType: .binary, count: values.count)
    for value in values { element(string: value) }
  }

  /// Opens a struct-typed field; close it with ``endStruct()``.
  mutating func beginStruct(_ id: Int16) {
    fieldHeader(id, .struct)
    beginStructElement()
  }

  /// Opens a struct that is a list element (or the outermost struct); close it with ``endStruct()``.
  mutating func beginStructElement() {
    enclosingFieldIDs.append(lastFieldID)
    lastFieldID = 0
  }

  /// Writes the stop byte of the innermost open struct.
  mutating func endStruct() {
    bytes.append(0)
    lastFieldID = enclosingFieldIDs.popLast() ?? 0
  }

  // MARK: list elements

  mutating func element(string value: String) {
    var copy = value
    copy.withUTF8 { utf8 in
      writeVarint(UInt64(utf8.count))
      bytes.append(contentsOf: utf8)
    }
  }

  mutating func element(i32 value: Int32) {
    writeZigzag(Int64(value))
  }

  // MARK: primitives

  mutating func listHeader(elementType: ThriftType, count: Int) {
    if count <= 14 {
      bytes.append(UInt8(count) << 4 | elementType.rawValue)
    } else {
      bytes.append(0xF0 | elementType.rawValue)
      writeVarint(UInt64(count))
    }
  }

  mutating func fieldHeader(_ id: Int16, _ type: ThriftType) {
    let delta = Int(id) - Int(lastFieldID)
    if delta > 0 && delta <= 15 {
      bytes.append(UInt8(delta) << 4 | type.rawValue)
    } else {
      bytes.append(type.rawValue)
      writeZigzag(Int64(id))
    }
    lastFieldID = id
  }

  mutating func writeVarint(_ value: UInt64) {
    var remaining = value
    while remaining >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: remaining) | 0x80)
      remaining >>= 7
    }
    bytes.append(UInt8(remaining))
  }

  mutating func writeZigzag(_ value: Int64) {
    writeVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
  }
}
