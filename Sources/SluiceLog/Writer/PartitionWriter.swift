/// Appends to one partition: encodes records into an in-memory buffer, writes the buffer to the
/// active (last) segment on `flush()`, keeps the sparse index, and rolls segments.
///
/// Not thread-safe; owned by one ``TopicWriter``, which holds the topic's writer lock.
final class PartitionWriter {
  let directory: PartitionDirectory
  let segmentBytes: Int
  let indexIntervalBytes: Int
  let fsync: FsyncPolicy

  private(set) var segmentBase: Int64
  private var segmentFile: SystemFile
  private var indexFile: SystemFile
  /// Bytes of the active segment on disk (written, maybe not synced).
  private var fileSize: Int64
  private var indexFileSize: Int64
  /// Encoded records not yet written.
  private let buffer = WriteBuffer()
  /// Encoded index entries not yet written.
  private let pendingIndex = WriteBuffer(capacity: 1024)
  private var bytesSinceIndexEntry: Int
  /// Written since the last fsync.
  private(set) var needsSync = false
  /// The offset the next record gets.
  private(set) var nextOffset: Int64

  var partition: Int32 { directory.partition }

  /// Opens the partition for appending, creating its directory and first segment when new and
  /// truncating a torn tail of its last segment (reported in `recovery`).
  init(
    directory: PartitionDirectory, segmentBytes: Int, indexIntervalBytes: Int, fsync: FsyncPolicy,
    recovery: inout [TornTailRecovery]
  ) throws(LogError) {
    self.directory = directory
    self.segmentBytes = segmentBytes
    self.indexIntervalBytes = indexIntervalBytes
    self.fsync = fsync
    try FileSystem.makeDirectories(directory.path)
    for name in try FileSystem.list(directory.path) ?? [] where name.hasSuffix(LogLayout.temporarySuffix) {
      try FileSystem.remove(directory.path + "/" + name)
    }
    let state: RecoveredSegment
    if let last = try directory.segments().last {
      state = try RecoveredSegment.open(
        last, in: directory, indexIntervalBytes: indexIntervalBytes, fsync: fsync)
      if let torn = state.torn { recovery.append(torn) }
    } else {
      state = try RecoveredSegment.create(baseOffset: 0, in: directory, fsync: fsync)
    }
    segmentBase = state.reference.baseOffset
    segmentFile = state.segmentFile
    indexFile = state.indexFile
    fileSize = state.validSize
    indexFileSize = state.indexSize
    bytesSinceIndexEntry = state.bytesSinceIndexEntry
    nextOffset = state.nextOffset
  }

  /// Encodes one record into the buffer; returns its offset. Rolls the segment first when the
  /// record would make it exceed `segmentBytes` (unless the segment is still empty).
  @inline(__always)
  func append(key: UnsafeRawBufferPointer?, value: UnsafeRawBufferPointer, timestampMs: Int64)
    throws(LogError)
    -> Int64
  {
    let keyCount = key?.count ?? 0
    guard keyCount <= Int(Int32.max), value.count <= Int(Int32.max),
      RecordFormat.bodyHeaderSize + keyCount + value.count <= RecordFormat.maxBodySize
    else {
      throw LogError(
        .recordTooLarge,
        "a record with a \(keyCount)-byte key and a \(value.count)-byte value is larger than the "
          + "log's limit of \(RecordFormat.maxBodySize) bytes (\(directory.name))")
    }
    let size = RecordFormat.recordSize(keyCount: keyCount, valueCount: value.count)
    var position = fileSize + Int64(buffer.count)
    if position > Int64(RecordFormat.segmentHeaderSize) && position + Int64(size) > Int64(segmentBytes) {
      try roll()
      position = fileSize
    }
    if bytesSinceIndexEntry >= indexIntervalBytes {
      pendingIndex.appendLittleEndian(nextOffset - segmentBase)
      pendingIndex.appendLittleEndian(position)
      bytesSinceIndexEntry = 0
    }
    RecordFormat.encode(
      offset: nextOffset, timestampMs: timestampMs, key: key, value: value, into: buffer.claim(size))
    bytesSinceIndexEntry += size
    let offset = nextOffset
    nextOffset += 1
    return offset
  }

  /// Writes buffered records (then their index entries) to the files. Does not fsync.
  func flush() throws(LogError) {
    if !buffer.isEmpty {
      if TornAppendFault.shared.tearsThisFlush() {
        TornAppendFault.shared.tear(buffer.bytes, file: segmentFile, at: fileSize)
      }
      try segmentFile.write(buffer.bytes, at: fileSize)
      fileSize += Int64(buffer.count)
      buffer.removeAll()
      needsSync = true
    }
    if !pendingIndex.isEmpty {
      try indexFile.write(pendingIndex.bytes, at: indexFileSize)
      indexFileSize += Int64(pendingIndex.count)
      pendingIndex.removeAll()
    }
  }

  /// fsyncs the active segment if anything was written since the last time.
  func sync() throws(LogError) {
    guard needsSync else { return }
    try segmentFile.sync()
    needsSync = false
  }

  /// Seals the active segment (flushed, and synced unless the policy is `never`) and starts a new
  /// one at `nextOffset`.
  func roll() throws(LogError) {
    try flush()
    if fsync != .never { try sync() }
    let state = try RecoveredSegment.create(baseOffset: nextOffset, in: directory, fsync: fsync)
    segmentFile.close()
    indexFile.close()
    segmentBase = state.reference.baseOffset
    segmentFile = state.segmentFile
    indexFile = state.indexFile
    fileSize = state.validSize
    indexFileSize = state.indexSize
    bytesSinceIndexEntry = 0
    needsSync = false
  }

  /// Deletes whole segments all of whose records are before `offset`; never the active one.
  /// Returns how many were deleted. The earliest offset becomes the first remaining base offset.
  func deleteSegments(before offset: Int64) throws(LogError) -> Int {
    let segments = try directory.segments()
    var deleted = 0
    for (i, segment) in segments.enumerated() where i + 1 < segments.count {
      guard segments[i + 1].baseOffset <= offset, segment.baseOffset != segmentBase else { break }
      try FileSystem.remove(segment.logPath)
      try FileSystem.remove(segment.indexPath)
      deleted += 1
    }
    return deleted
  }

  func close() {
    segmentFile.close()
    indexFile.close()
  }
}
