/// One record as a ``SegmentScanner`` sees it. `key` and `value` point into the scanner's
/// buffer and stay valid only until the next call to `next()`.
struct ScannedRecord {
  /// Byte position of the record (its length field) in the segment file.
  var position: Int64
  var offset: Int64
  var timestampMs: Int64
  var key: UnsafeRawBufferPointer?
  var value: UnsafeRawBufferPointer
  /// Bytes the record takes in the file.
  var size: Int
}

/// How a scan ended.
enum ScanEnd: Equatable {
  /// At the end of the file, after a complete record (or the header).
  case clean
  /// At an incomplete or damaged record in the last segment with nothing valid after it: a
  /// torn tail (a crash, or a record still being written). Nothing from `position` on is served.
  case torn(position: Int64, bytes: Int64, reason: String)
  /// The scan started at an index hint that does not point at a valid record.
  case invalidStart(reason: String)
}

/// Reads the records of one segment file in order, with large positioned reads into one
/// reusable buffer, checking each record's length, CRC-32C and offset.
///
/// A damaged record is a torn tail (the scan just ends, see ``ScanEnd/torn(position:bytes:reason:)``)
/// only in the last segment and only when no valid record follows it; otherwise `next()` throws
/// `corruptLog` naming the file and byte position.
final class SegmentScanner {
  let file: SystemFile
  let baseOffset: Int64
  let isLastSegment: Bool
  /// File size when the scan began; later appends are not looked at.
  let limit: Int64

  private var buffer: UnsafeMutableRawPointer
  private var capacity: Int
  /// File position of `buffer[0]`.
  private var bufferPosition: Int64
  private var bufferCount = 0
  private var cursor = 0
  private var expectedOffset: Int64?
  private let startIsHint: Bool
  private(set) var end: ScanEnd?
  /// Offset after the last record returned (`nil` until one was returned).
  private(set) var nextOffset: Int64?

  /// - Parameters:
  ///   - start: position of the first record to read (the header size, or an index hint).
  ///   - expectedOffset: offset the first record must carry, or `nil` to accept the first
  ///     record's offset (the following ones must then be contiguous).
  ///   - startIsHint: a damaged first record means a bad hint (``ScanEnd/invalidStart(reason:)``),
  ///     not damage to the log.
  init(
    file: SystemFile, baseOffset: Int64, isLastSegment: Bool, limit: Int64, start: Int64,
    expectedOffset: Int64?, startIsHint: Bool, chunkSize: Int = 1 << 20
  ) {
    self.file = file
    self.baseOffset = baseOffset
    self.isLastSegment = isLastSegment
    self.limit = limit
    self.expectedOffset = expectedOffset
    self.startIsHint = startIsHint
    bufferPosition = start
    capacity = Int(max(4096, min(Int64(chunkSize), limit - start)))
    buffer = .allocate(byteCount: capacity, alignment: 16)
  }

  deinit { buffer.deallocate() }

  /// File position of the next record.
  var position: Int64 { bufferPosition + Int64(cursor) }

  /// The next valid record, or `nil` when the scan ended (see ``end``).
  func next() throws(LogError) -> ScannedRecord? {
    if end != nil { return nil }
    let start = position
    if start >= limit {
      end = .clean
      return nil
    }
    guard try ensure(RecordFormat.frameSize) else {
      return try damaged(at: start, length: nil, "incomplete record header (\(limit - start) bytes)")
    }
    let frame = buffer + cursor
    let length = Int(UInt32(littleEndian: frame.loadUnaligned(as: UInt32.self)))
    guard length >= RecordFormat.bodyHeaderSize, length <= RecordFormat.maxBodySize else {
      return try damaged(at: start, length: nil, "implausible record length \(length)")
    }
    let size = RecordFormat.frameSize + length
    guard try ensure(size) else {
      return try damaged(
        at: start, length: length, "record of \(size) bytes is cut off after \(limit - start) bytes")
    }
    let record = buffer + cursor
    let body = UnsafeRawBufferPointer(start: record + RecordFormat.frameSize, count: length)
    let stored = UInt32(littleEndian: record.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
    let computed = CRC32C.checksum(body)
    guard stored == computed else {
      return try damaged(
        at: start, length: length,
        "CRC-32C mismatch (stored \(hex(stored)), computed \(hex(computed)))")
    }
    let offset = Int64(littleEndian: body.loadUnaligned(fromByteOffset: 0, as: Int64.self))
    let timestamp = Int64(littleEndian: body.loadUnaligned(fromByteOffset: 8, as: Int64.self))
    let keyLength = Int(Int32(littleEndian: body.loadUnaligned(fromByteOffset: 16, as: Int32.self)))
    let valueLength = Int(Int32(littleEndian: body.loadUnaligned(fromByteOffset: 20, as: Int32.self)))
    guard keyLength >= -1, valueLength >= 0,
      RecordFormat.bodyHeaderSize + max(keyLength, 0) + valueLength == length
    else {
      return try damaged(
        at: start, length: length,
        "key length \(keyLength) and value length \(valueLength) do not add up to record length \(length)")
    }
    if let expectedOffset, offset != expectedOffset {
      return try damaged(
        at: start, length: length, "record has offset \(offset) where \(expectedOffset) was expected")
    }
    let keyStart = body.baseAddress! + RecordFormat.bodyHeaderSize
    let key = keyLength < 0 ? nil : UnsafeRawBufferPointer(start: keyStart, count: keyLength)
    let value = UnsafeRawBufferPointer(start: keyStart + max(keyLength, 0), count: valueLength)
    cursor += size
    expectedOffset = offset + 1
    nextOffset = offset + 1
    return ScannedRecord(
      position: start, offset: offset, timestampMs: timestamp, key: key, value: value, size: size)
  }

  /// Makes `n` bytes from `cursor` available in the buffer; `false` when the file ends first.
  private func ensure(_ n: Int) throws(LogError) -> Bool {
    if cursor + n <= bufferCount { return true }
    let fileAvailable = limit - position
    if Int64(n) > fileAvailable { return false }
    let kept = bufferCount - cursor
    if n > capacity {
      var newCapacity = capacity
      while newCapacity < n { newCapacity *= 2 }
      let newBuffer = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
      newBuffer.copyMemory(from: buffer + cursor, byteCount: kept)
      buffer.deallocate()
      buffer = newBuffer
      capacity = newCapacity
    } else if kept > 0 {
      buffer.copyMemory(from: buffer + cursor, byteCount: kept)
    }
    bufferPosition += Int64(cursor)
    cursor = 0
    bufferCount = kept
    let want = Int(min(Int64(capacity - kept), limit - (bufferPosition + Int64(kept))))
    let got = try file.read(
      into: UnsafeMutableRawBufferPointer(start: buffer + kept, count: want),
      at: bufferPosition + Int64(kept))
    bufferCount += got
    return n <= bufferCount
  }

  /// Decides what a damaged record at `position` means: a bad index hint, a torn tail (the scan
  /// ends) or damage in the middle of the log (an error).
  private func damaged(at position: Int64, length: Int?, _ reason: String) throws(LogError)
    -> ScannedRecord?
  {
    if startIsHint && nextOffset == nil {
      end = .invalidStart(reason: reason)
      return nil
    }
    guard isLastSegment else {
      throw LogError(
        .corruptLog,
        "\(file.path): damaged record at byte \(position): \(reason); this is not the last "
          + "segment of the partition, so it is not a torn tail. The log is damaged: restore the "
          + "partition from a copy, or delete this segment and the ones after it (losing their records)")
    }
    if let length, try validRecordFollows(at: position + Int64(RecordFormat.frameSize + length)) {
      throw LogError(
        .corruptLog,
        "\(file.path): damaged record at byte \(position): \(reason); a valid record follows at "
          + "byte \(position + Int64(RecordFormat.frameSize + length)), so this is damage in the "
          + "middle of the segment, not a torn tail. Restore the partition from a copy, or "
          + "truncate the segment at byte \(position) (losing the records from there on)")
    }
    end = .torn(position: position, bytes: limit - position, reason: reason)
    return nil
  }

  /// Whether a complete record with a valid CRC starts at `position`.
  private func validRecordFollows(at position: Int64) throws(LogError) -> Bool {
    guard position + Int64(RecordFormat.frameSize) <= limit else { return false }
    let frame = try file.readBytes(count: RecordFormat.frameSize, at: position)
    guard frame.count == RecordFormat.frameSize else { return false }
    let length = frame.withUnsafeBytes { Int(UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self))) }
    let stored = frame.withUnsafeBytes {
      UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
    }
    guard length >= RecordFormat.bodyHeaderSize, length <= RecordFormat.maxBodySize,
      position + Int64(RecordFormat.frameSize + length) <= limit
    else { return false }
    let body = try file.readBytes(count: length, at: position + Int64(RecordFormat.frameSize))
    return body.count == length && CRC32C.checksum(body) == stored
  }
}

private func hex(_ value: UInt32) -> String {
  let digits = String(value, radix: 16)
  return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
}
