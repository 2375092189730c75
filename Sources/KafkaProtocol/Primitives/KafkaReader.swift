/// A bounds-checked cursor over Kafka protocol bytes (big-endian integers, varints, strings,
/// bytes, arrays, tagged fields; compact variants for flexible versions).
///
/// Every read names what it reads; input that ends early throws
/// ``KafkaProtocolError/truncated(_:at:needed:available:)`` instead of crashing. Byte fields are
/// returned as slices sharing the reader's storage (no copy).
public struct KafkaReader: Sendable {
  /// The bytes being read (a slice: indices are those of the original array).
  public let storage: ArraySlice<UInt8>
  /// Absolute index of the next byte in ``storage``.
  public private(set) var index: Int

  public init(_ bytes: [UInt8]) {
    self.init(bytes[...])
  }

  public init(_ bytes: ArraySlice<UInt8>) {
    storage = bytes
    index = bytes.startIndex
  }

  /// Copies `bytes` (the reader must own what it reads).
  public init(_ bytes: UnsafeRawBufferPointer) {
    self.init([UInt8](bytes))
  }

  /// Bytes read so far.
  public var position: Int { index - storage.startIndex }
  /// Bytes left.
  public var remaining: Int { storage.endIndex - index }
  public var isAtEnd: Bool { index >= storage.endIndex }

  @inline(__always)
  mutating func require(_ count: Int, _ what: StaticString) throws {
    guard count <= storage.endIndex - index else {
      throw KafkaProtocolError.truncated(
        "\(what)", at: position, needed: count, available: remaining)
    }
  }

  @inline(__always)
  mutating func load<T: FixedWidthInteger>(_ type: T.Type, _ what: StaticString) throws -> T {
    let size = MemoryLayout<T>.size
    try require(size, what)
    let base = storage.startIndex
    let value = storage.withUnsafeBytes { raw in
      T(bigEndian: raw.loadUnaligned(fromByteOffset: index - base, as: T.self))
    }
    index += size
    return value
  }

  public mutating func readInt8(_ what: StaticString) throws -> Int8 { try load(Int8.self, what) }
  public mutating func readInt16(_ what: StaticString) throws -> Int16 { try load(Int16.self, what) }
  public mutating func readInt32(_ what: StaticString) throws -> Int32 { try load(Int32.self, what) }
  public mutating func readInt64(_ what: StaticString) throws -> Int64 { try load(Int64.self, what) }
  public mutating func readUInt32(_ what: StaticString) throws -> UInt32 { try load(UInt32.self, what) }

  public mutating func readBool(_ what: StaticString) throws -> Bool {
    try load(UInt8.self, what) != 0
  }

  public mutating func readUUID(_ what: StaticString) throws -> KafkaUUID {
    let high = try load(UInt64.self, what)
    let low = try load(UInt64.self, what)
    return KafkaUUID(high: high, low: low)
  }

  /// LEB128 without zigzag (at most 5 bytes).
  public mutating func readUnsignedVarint(_ what: StaticString) throws -> UInt32 {
    let start = position
    var result: UInt32 = 0
    var shift: UInt32 = 0
    while true {
      let byte = try load(UInt8.self, what)
      if shift == 28 && byte > 0x0F {
        throw KafkaProtocolError.malformed("\(what)", at: start, "unsigned varint longer than 32 bits")
      }
      result |= UInt32(byte & 0x7F) << shift
      if byte & 0x80 == 0 { return result }
      shift += 7
    }
  }

  /// LEB128 without zigzag, up to 64 bits.
  public mutating func readUnsignedVarlong(_ what: StaticString) throws -> UInt64 {
    let start = position
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      let byte = try load(UInt8.self, what)
      if shift == 63 && byte > 0x01 {
        throw KafkaProtocolError.malformed("\(what)", at: start, "varlong longer than 64 bits")
      }
      result |= UInt64(byte & 0x7F) << shift
      if byte & 0x80 == 0 { return result }
      shift += 7
    }
  }

  /// Zigzag varint (records).
  public mutating func readVarint(_ what: StaticString) throws -> Int32 {
    let raw = try readUnsignedVarint(what)
    return Int32(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
  }

  /// Zigzag varlong (records).
  public mutating func readVarlong(_ what: StaticString) throws -> Int64 {
    let raw = try readUnsignedVarlong(what)
    return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
  }

  /// `count` raw bytes (no length prefix), sharing storage.
  public mutating func readRaw(_ count: Int, _ what: StaticString) throws -> ArraySlice<UInt8> {
    guard count >= 0 else {
      throw KafkaProtocolError.malformed("\(what)", at: position, "negative length \(count)")
    }
    try require(count, what)
    let slice = storage[index..<(index + count)]
    index += count
    return slice
  }

  public mutating func skip(_ count: Int, _ what: StaticString) throws {
    _ = try readRaw(count, what)
  }

  /// A length (`int16`/`int32` or compact `uvarint N+1`); `nil` for null (−1 / 0).
  mutating func readLength(_ what: StaticString, compact: Bool, wide: Bool) throws -> Int? {
    let start = position
    let length: Int
    if compact {
      length = Int(try readUnsignedVarint(what)) - 1
    } else if wide {
      length = Int(try readInt32(what))
    } else {
      length = Int(try readInt16(what))
    }
    if length == -1 { return nil }
    guard length >= 0 else {
      throw KafkaProtocolError.malformed("\(what)", at: start, "negative length \(length)")
    }
    return length
  }

  /// STRING (`int16` length) or COMPACT_STRING; a null string is an error.
  public mutating func readString(_ what: StaticString, compact: Bool = false) throws -> String {
    let start = position
    guard let string = try readNullableString(what, compact: compact) else {
      throw KafkaProtocolError.malformed("\(what)", at: start, "null where a string is required")
    }
    return string
  }

  /// NULLABLE_STRING or COMPACT_NULLABLE_STRING.
  public mutating func readNullableString(_ what: StaticString, compact: Bool = false) throws -> String? {
    guard let length = try readLength(what, compact: compact, wide: false) else { return nil }
    let start = position
    let bytes = try readRaw(length, what)
    guard let string = String(validating: bytes, as: UTF8.self) else {
      throw KafkaProtocolError.malformed("\(what)", at: start, "string is not valid UTF-8")
    }
    return string
  }

  /// BYTES (`int32` length) or COMPACT_BYTES; null is an error.
  public mutating func readBytes(_ what: StaticString, compact: Bool = false) throws -> ArraySlice<UInt8> {
    let start = position
    guard let bytes = try readNullableBytes(what, compact: compact) else {
      throw KafkaProtocolError.malformed("\(what)", at: start, "null where bytes are required")
    }
    return bytes
  }

  /// NULLABLE_BYTES or COMPACT_NULLABLE_BYTES (also RECORDS).
  public mutating func readNullableBytes(_ what: StaticString, compact: Bool = false) throws
    -> ArraySlice<UInt8>?
  {
    guard let length = try readLength(what, compact: compact, wide: true) else { return nil }
    return try readRaw(length, what)
  }

  /// ARRAY / COMPACT_ARRAY element count; `nil` for a null array.
  public mutating func readArrayCount(_ what: StaticString, compact: Bool = false) throws -> Int? {
    let start = position
    guard let count = try readLength(what, compact: compact, wide: true) else { return nil }
    guard count <= remaining else {
      throw KafkaProtocolError.truncated(
        "\(what) (\(count) elements)", at: start, needed: count, available: remaining)
    }
    return count
  }

  /// An array (null reads as empty) whose elements `element` reads.
  public mutating func readArray<T>(
    _ what: StaticString, compact: Bool = false, _ element: (inout KafkaReader) throws -> T
  ) throws -> [T] {
    try readNullableArray(what, compact: compact, element) ?? []
  }

  /// A nullable array whose elements `element` reads.
  public mutating func readNullableArray<T>(
    _ what: StaticString, compact: Bool = false, _ element: (inout KafkaReader) throws -> T
  ) throws -> [T]? {
    guard let count = try readArrayCount(what, compact: compact) else { return nil }
    var items: [T] = []
    items.reserveCapacity(count)
    for _ in 0..<count { items.append(try element(&self)) }
    return items
  }

  /// Reads a tagged-field section, handing each field's bytes to `field`; a handler that ignores
  /// a tag skips it (unknown tags must be skipped).
  public mutating func readTaggedFields(
    _ what: StaticString, _ field: (_ tag: UInt32, _ value: inout KafkaReader) throws -> Void = { _, _ in }
  ) throws {
    let count = try readUnsignedVarint(what)
    for _ in 0..<count {
      let tag = try readUnsignedVarint(what)
      let size = Int(try readUnsignedVarint(what))
      var value = KafkaReader(try readRaw(size, what))
      try field(tag, &value)
    }
  }

  /// Skips a tagged-field section when `flexible`.
  public mutating func skipTaggedFields(_ what: StaticString, flexible: Bool = true) throws {
    if flexible { try readTaggedFields(what) }
  }
}
