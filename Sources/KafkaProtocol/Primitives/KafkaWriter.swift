/// Appends Kafka protocol primitives (big-endian integers, varints, strings, bytes, arrays,
/// tagged fields; compact variants for flexible versions) to a byte array.
public struct KafkaWriter: Sendable {
  public private(set) var bytes: [UInt8]

  public init(capacity: Int = 256) {
    bytes = []
    bytes.reserveCapacity(capacity)
  }

  public var count: Int { bytes.count }

  @inline(__always)
  mutating func store<T: FixedWidthInteger>(_ value: T) {
    withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
  }

  public mutating func writeInt8(_ value: Int8) { bytes.append(UInt8(bitPattern: value)) }
  public mutating func writeInt16(_ value: Int16) { store(value) }
  public mutating func writeInt32(_ value: Int32) { store(value) }
  public mutating func writeInt64(_ value: Int64) { store(value) }
  public mutating func writeUInt32(_ value: UInt32) { store(value) }
  public mutating func writeBool(_ value: Bool) { bytes.append(value ? 1 : 0) }

  public mutating func writeUUID(_ value: KafkaUUID) {
    store(value.high)
    store(value.low)
  }

  /// LEB128 without zigzag.
  public mutating func writeUnsignedVarint(_ value: UInt32) {
    writeUnsignedVarlong(UInt64(value))
  }

  /// LEB128 without zigzag, 64 bits.
  public mutating func writeUnsignedVarlong(_ value: UInt64) {
    var v = value
    while v >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
      v >>= 7
    }
    bytes.append(UInt8(v))
  }

  /// Zigzag varint (records).
  public mutating func writeVarint(_ value: Int32) {
    writeUnsignedVarint(UInt32(bitPattern: (value << 1) ^ (value >> 31)))
  }

  /// Zigzag varlong (records).
  public mutating func writeVarlong(_ value: Int64) {
    writeUnsignedVarlong(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
  }

  /// Raw bytes, no length prefix.
  public mutating func writeRaw<C: Collection>(_ raw: C) where C.Element == UInt8 {
    bytes.append(contentsOf: raw)
  }

  /// A length prefix: `int16`/`int32`, or compact `uvarint N+1`; `nil` writes null.
  mutating func writeLength(_ length: Int?, compact: Bool, wide: Bool) {
    if compact {
      writeUnsignedVarint(UInt32(truncatingIfNeeded: (length ?? -1) + 1))
    } else if wide {
      writeInt32(Int32(truncatingIfNeeded: length ?? -1))
    } else {
      writeInt16(Int16(truncatingIfNeeded: length ?? -1))
    }
  }

  /// STRING or COMPACT_STRING.
  public mutating func writeString(_ value: String, compact: Bool = false) {
    writeNullableString(value, compact: compact)
  }

  /// NULLABLE_STRING or COMPACT_NULLABLE_STRING.
  public mutating func writeNullableString(_ value: String?, compact: Bool = false) {
    guard let value else { return writeLength(nil, compact: compact, wide: false) }
    let utf8 = value.utf8
    writeLength(utf8.count, compact: compact, wide: false)
    bytes.append(contentsOf: utf8)
  }

  /// BYTES or COMPACT_BYTES.
  public mutating func writeBytes<C: Collection>(_ value: C, compact: Bool = false) where C.Element == UInt8 {
    writeLength(value.count, compact: compact, wide: true)
    bytes.append(contentsOf: value)
  }

  /// NULLABLE_BYTES or COMPACT_NULLABLE_BYTES (also RECORDS).
  public mutating func writeNullableBytes(_ value: [UInt8]?, compact: Bool = false) {
    guard let value else { return writeLength(nil, compact: compact, wide: true) }
    writeBytes(value, compact: compact)
  }

  /// ARRAY / COMPACT_ARRAY element count; `nil` writes a null array.
  public mutating func writeArrayCount(_ count: Int?, compact: Bool = false) {
    writeLength(count, compact: compact, wide: true)
  }

  /// An array whose elements `element` writes.
  public mutating func writeArray<T>(
    _ items: [T], compact: Bool = false, _ element: (inout KafkaWriter, T) throws -> Void
  ) rethrows {
    writeArrayCount(items.count, compact: compact)
    for item in items { try element(&self, item) }
  }

  /// A nullable array (`nil` writes null).
  public mutating func writeNullableArray<T>(
    _ items: [T]?, compact: Bool = false, _ element: (inout KafkaWriter, T) throws -> Void
  ) rethrows {
    guard let items else { return writeArrayCount(nil, compact: compact) }
    try writeArray(items, compact: compact, element)
  }

  /// A tagged-field section: `fields` in ascending tag order (empty writes the single byte 0).
  public mutating func writeTaggedFields(_ fields: [(tag: UInt32, value: [UInt8])] = []) {
    writeUnsignedVarint(UInt32(fields.count))
    for field in fields.sorted(by: { $0.tag < $1.tag }) {
      writeUnsignedVarint(field.tag)
      writeUnsignedVarint(UInt32(field.value.count))
      bytes.append(contentsOf: field.value)
    }
  }

  /// An empty tagged-field section when `flexible`.
  public mutating func writeEmptyTaggedFields(flexible: Bool = true) {
    if flexible { bytes.append(0) }
  }

  /// Overwrites four bytes at `offset` with `value` (big-endian): size prefixes written last.
  public mutating func patchInt32(at offset: Int, _ value: Int32) {
    withUnsafeBytes(of: value.bigEndian) { raw in
      for i in 0..<4 { bytes[offset + i] = raw[i] }
    }
  }

  /// Overwrites four bytes at `offset` with `value` (big-endian).
  public mutating func patchUInt32(at offset: Int, _ value: UInt32) {
    patchInt32(at: offset, Int32(bitPattern: value))
  }
}
