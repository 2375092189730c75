/// Encodes the Thrift compact protocol for the few Parquet structs a checkpoint needs.
///
/// Fields must be written in ascending id order within a struct; ``beginStruct()`` /
/// ``endStruct()`` keep the per-struct last-field-id bookkeeping.
struct ThriftCompactWriter {
  enum FieldType: UInt8 {
    case boolTrue = 1
    case boolFalse = 2
    case i8 = 3
    case i16 = 4
    case i32 = 5
    case i64 = 6
    case double = 7
    case binary = 8
    case list = 9
    case structure = 12
  }

  var bytes: [UInt8] = []
  var lastIDs: [Int16] = [0]

  mutating func varint(_ value: UInt64) {
    var v = value
    while v >= 0x80 {
      bytes.append(UInt8(v & 0x7F) | 0x80)
      v >>= 7
    }
    bytes.append(UInt8(v))
  }

  mutating func zigzag(_ value: Int64) {
    varint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
  }

  mutating func fieldHeader(_ id: Int16, _ type: FieldType) {
    let delta = Int(id) - Int(lastIDs[lastIDs.count - 1])
    if delta > 0 && delta <= 15 {
      bytes.append(UInt8(delta) << 4 | type.rawValue)
    } else {
      bytes.append(type.rawValue)
      zigzag(Int64(id))
    }
    lastIDs[lastIDs.count - 1] = id
  }

  mutating func i32(_ id: Int16, _ value: Int32) {
    fieldHeader(id, .i32)
    zigzag(Int64(value))
  }

  mutating func i64(_ id: Int16, _ value: Int64) {
    fieldHeader(id, .i64)
    zigzag(value)
  }

  mutating func binary(_ id: Int16, _ value: String) {
    fieldHeader(id, .binary)
    rawBinary(Array(value.utf8))
  }

  mutating func rawBinary(_ value: [UInt8]) {
    varint(UInt64(value.count))
    bytes.append(contentsOf: value)
  }

  mutating func listHeader(_ id: Int16, elementType: FieldType, count: Int) {
    fieldHeader(id, .list)
    if count < 15 {
      bytes.append(UInt8(count) << 4 | elementType.rawValue)
    } else {
      bytes.append(0xF0 | elementType.rawValue)
      varint(UInt64(count))
    }
  }

  /// Starts a struct-typed field `id` (call ``endStruct()`` after its fields).
  mutating func structField(_ id: Int16) {
    fieldHeader(id, .structure)
    beginStruct()
  }

  /// Starts a struct value (top level, or a list element).
  mutating func beginStruct() {
    lastIDs.append(0)
  }

  mutating func endStruct() {
    bytes.append(0)
    lastIDs.removeLast()
  }
}
