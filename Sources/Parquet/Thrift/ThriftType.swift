/// Type nibbles of the Thrift compact protocol (field headers and list element types).
enum ThriftType: UInt8, Sendable {
  case boolTrue = 1
  case boolFalse = 2
  case i8 = 3
  case i16 = 4
  case i32 = 5
  case i64 = 6
  case double = 7
  case binary = 8
  case list = 9
  case set = 10
  case map = 11
  case `struct` = 12
  case uuid = 13

  /// The element type nibble used for booleans inside lists, sets and maps.
  static let boolElement = ThriftType.boolFalse
}
