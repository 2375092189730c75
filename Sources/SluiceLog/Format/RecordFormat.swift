/// Byte-level framing of segment and index files (see ``LogLayout`` for the description).
enum RecordFormat {
  /// `"SLUICLOG"`.
  static let segmentMagic: [UInt8] = Array("SLUICLOG".utf8)
  /// `"SLUICEIX"`.
  static let indexMagic: [UInt8] = Array("SLUICEIX".utf8)
  static let segmentVersion: UInt32 = 1
  static let indexVersion: UInt32 = 1
  static let segmentHeaderSize = 24
  static let indexHeaderSize = 16
  static let indexEntrySize = 16

  /// `length` + `crc`.
  static let frameSize = 8
  /// offset, timestamp, key length, value length.
  static let bodyHeaderSize = 24
  /// Bytes a record takes besides its key and value.
  static let overhead = frameSize + bodyHeaderSize
  /// Largest body the format accepts; a larger `length` field is treated as damage.
  static let maxBodySize = 1 << 30

  /// Size on disk of a record with these key and value sizes.
  @inline(__always)
  static func recordSize(keyCount: Int, valueCount: Int) -> Int {
    overhead + keyCount + valueCount
  }

  static func segmentHeader(baseOffset: Int64) -> [UInt8] {
    var bytes = segmentMagic
    appendLittleEndian(segmentVersion, to: &bytes)
    appendLittleEndian(UInt32(0), to: &bytes)
    appendLittleEndian(UInt64(bitPattern: baseOffset), to: &bytes)
    return bytes
  }

  static func indexHeader() -> [UInt8] {
    var bytes = indexMagic
    appendLittleEndian(indexVersion, to: &bytes)
    appendLittleEndian(UInt32(0), to: &bytes)
    return bytes
  }

  static func appendLittleEndian<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  /// Checks a segment header; returns its base offset.
  static func parseSegmentHeader(_ header: UnsafeRawBufferPointer, path: String) throws(LogError) -> Int64 {
    guard header.count >= segmentHeaderSize, header.prefix(8).elementsEqual(segmentMagic) else {
      throw LogError(
        .corruptLog,
        "\(path) is not a Sluice log segment (bad magic in its header); remove the file if it "
          + "does not belong to the log")
    }
    let version = UInt32(littleEndian: header.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
    guard version == segmentVersion else {
      throw LogError(
        .unsupportedFormat,
        "\(path) has segment format version \(version); this Sluice reads version "
          + "\(segmentVersion): use the Sluice release that wrote it")
    }
    return Int64(littleEndian: header.loadUnaligned(fromByteOffset: 16, as: Int64.self))
  }

  /// Writes one record at `destination` (which has room for `recordSize` bytes).
  @inline(__always)
  static func encode(
    offset: Int64, timestampMs: Int64, key: UnsafeRawBufferPointer?, value: UnsafeRawBufferPointer,
    into destination: UnsafeMutableRawPointer
  ) {
    let keyCount = key?.count ?? 0
    let bodySize = bodyHeaderSize + keyCount + value.count
    let body = destination + frameSize
    body.storeBytes(of: offset.littleEndian, toByteOffset: 0, as: Int64.self)
    body.storeBytes(of: timestampMs.littleEndian, toByteOffset: 8, as: Int64.self)
    body.storeBytes(
      of: (key == nil ? Int32(-1) : Int32(keyCount)).littleEndian, toByteOffset: 16, as: Int32.self)
    body.storeBytes(of: Int32(value.count).littleEndian, toByteOffset: 20, as: Int32.self)
    if let key, let source = key.baseAddress, keyCount > 0 {
      (body + bodyHeaderSize).copyMemory(from: source, byteCount: keyCount)
    }
    if let source = value.baseAddress, value.count > 0 {
      (body + bodyHeaderSize + keyCount).copyMemory(from: source, byteCount: value.count)
    }
    let crc = CRC32C.checksum(UnsafeRawBufferPointer(start: body, count: bodySize))
    destination.storeBytes(of: UInt32(bodySize).littleEndian, toByteOffset: 0, as: UInt32.self)
    destination.storeBytes(of: crc.littleEndian, toByteOffset: 4, as: UInt32.self)
  }
}
