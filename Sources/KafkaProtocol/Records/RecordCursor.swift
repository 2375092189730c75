/// A bounds-checked cursor over borrowed bytes for the record hot path (big-endian fixed ints,
/// zigzag varints, length-prefixed slices). Errors name the field and the byte position.
struct RecordCursor {
  let bytes: UnsafeRawBufferPointer
  var position: Int

  init(_ bytes: UnsafeRawBufferPointer, at position: Int = 0) {
    self.bytes = bytes
    self.position = position
  }

  var remaining: Int { bytes.count - position }

  @inline(__always)
  func truncated(_ what: StaticString, _ needed: Int) -> KafkaProtocolError {
    .truncated("\(what)", at: position, needed: needed, available: remaining)
  }

  @inline(__always)
  mutating func int8(_ what: StaticString) throws -> Int8 {
    guard position < bytes.count else { throw truncated(what, 1) }
    defer { position += 1 }
    return Int8(bitPattern: bytes[position])
  }

  @inline(__always)
  mutating func varlong(_ what: StaticString) throws -> Int64 {
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      guard position < bytes.count else { throw truncated(what, 1) }
      let byte = bytes[position]
      position += 1
      result |= UInt64(byte & 0x7F) << shift
      if byte & 0x80 == 0 { break }
      shift += 7
      guard shift < 64 else {
        throw KafkaProtocolError.malformed("\(what)", at: position, "varint longer than 10 bytes")
      }
    }
    return Int64(bitPattern: (result >> 1) ^ (0 &- (result & 1)))
  }

  @inline(__always)
  mutating func varint(_ what: StaticString) throws -> Int32 {
    let start = position
    let value = try varlong(what)
    guard let narrow = Int32(exactly: value) else {
      throw KafkaProtocolError.malformed("\(what)", at: start, "varint \(value) does not fit 32 bits")
    }
    return narrow
  }

  /// `count` bytes as a borrowed slice.
  @inline(__always)
  mutating func slice(_ count: Int, _ what: StaticString) throws -> UnsafeRawBufferPointer {
    guard count <= remaining else { throw truncated(what, count) }
    defer { position += count }
    return UnsafeRawBufferPointer(rebasing: bytes[position..<(position + count)])
  }

  /// A varint length then that many bytes; length −1 is null.
  @inline(__always)
  mutating func nullableSlice(_ what: StaticString) throws -> UnsafeRawBufferPointer? {
    let start = position
    let length = Int(try varint(what))
    if length == -1 { return nil }
    guard length >= 0 else {
      throw KafkaProtocolError.malformed("\(what)", at: start, "negative length \(length)")
    }
    return try slice(length, what)
  }
}

extension UnsafeRawBufferPointer {
  @inline(__always)
  func bigEndian<T: FixedWidthInteger>(_ type: T.Type, at offset: Int) -> T {
    T(bigEndian: loadUnaligned(fromByteOffset: offset, as: T.self))
  }
}
