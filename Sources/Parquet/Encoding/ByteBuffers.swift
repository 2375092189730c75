/// Little-endian appends and typed-throws raw access on byte buffers.
extension Array where Element == UInt8 {
  @inline(__always) mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
    Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
  }

  @inline(__always) mutating func appendVarint(_ value: UInt64) {
    var remaining = value
    while remaining >= 0x80 {
      append(UInt8(truncatingIfNeeded: remaining) | 0x80)
      remaining >>= 7
    }
    append(UInt8(remaining))
  }

  /// `withUnsafeBytes` for bodies that throw ``ParquetError`` (the standard library's version is
  /// `rethrows`, which erases the error type).
  @discardableResult
  func withParquetBytes<R>(
    _ body: (UnsafeRawBufferPointer) throws(ParquetError) -> R
  ) throws(ParquetError) -> R {
    let result: Result<R, ParquetError> = withUnsafeBytes { raw in
      Result { () throws(ParquetError) -> R in try body(raw) }
    }
    return try result.get()
  }
}

extension UnsafeRawBufferPointer {
  /// Reads a little-endian integer at `offset` (caller checks bounds).
  @inline(__always) func loadLittleEndian<T: FixedWidthInteger>(at offset: Int, as type: T.Type) -> T {
    T(littleEndian: loadUnaligned(fromByteOffset: offset, as: T.self))
  }
}

/// Number of bits needed to represent `value` (0 for 0).
@inline(__always) func bitWidth(of value: UInt64) -> Int {
  value == 0 ? 0 : 64 - value.leadingZeroBitCount
}
