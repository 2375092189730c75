/// The active segment of a partition as a writer takes it over: freshly created, or opened
/// after checking its tail (a torn tail is truncated) and repairing its sparse index.
struct RecoveredSegment {
  var reference: SegmentReference
  var segmentFile: SystemFile
  var indexFile: SystemFile
  /// Size of the segment after recovery: where the next record goes.
  var validSize: Int64
  var indexSize: Int64
  var nextOffset: Int64
  /// Record bytes since the last index entry (or the header).
  var bytesSinceIndexEntry: Int
  var torn: TornTailRecovery?

  /// Creates an empty segment at `baseOffset` so that readers see it only complete: the index
  /// first, then the segment as a temporary file renamed into place.
  static func create(baseOffset: Int64, in directory: PartitionDirectory, fsync: FsyncPolicy) throws(LogError)
    -> RecoveredSegment
  {
    let reference = directory.reference(baseOffset: baseOffset)
    let indexFile = try SystemFile.openForWriting(reference.indexPath, create: true)
    let indexHeader = RecordFormat.indexHeader()
    try indexFile.truncate(to: 0)
    try indexFile.write(indexHeader, at: 0)
    let temporary = reference.logPath + LogLayout.temporarySuffix
    let segmentFile = try SystemFile.openForWriting(temporary, create: true)
    let header = RecordFormat.segmentHeader(baseOffset: baseOffset)
    try segmentFile.truncate(to: 0)
    try segmentFile.write(header, at: 0)
    if fsync != .never { try segmentFile.sync() }
    try FileSystem.rename(temporary, to: reference.logPath)
    if fsync != .never { try FileSystem.syncDirectory(directory.path) }
    return RecoveredSegment(
      reference: reference, segmentFile: segmentFile, indexFile: indexFile, validSize: Int64(header.count),
      indexSize: Int64(indexHeader.count), nextOffset: baseOffset, bytesSinceIndexEntry: 0, torn: nil)
  }

  /// Opens the last segment for appending. Scans it from its last trustworthy index entry (from
  /// the header when the index is missing or wrong), truncates a torn tail, and rewrites the
  /// index when entries were missing, damaged or past the new end. Damage followed by valid
  /// records throws `corruptLog` (see ``SegmentScanner``).
  static func open(
    _ reference: SegmentReference, in directory: PartitionDirectory, indexIntervalBytes: Int,
    fsync: FsyncPolicy
  ) throws(LogError) -> RecoveredSegment {
    let segmentFile = try SystemFile.openForWriting(reference.logPath, create: false)
    let opened = try directory.check(segmentFile, reference, isLast: true)
    let base = reference.baseOffset
    if opened.isHeaderless {
      segmentFile.close()
      try FileSystem.remove(reference.logPath)
      var fresh = try create(baseOffset: base, in: directory, fsync: fsync)
      fresh.torn = TornTailRecovery(
        topic: directory.topic, partition: directory.partition, file: reference.logPath, position: 0,
        bytesTruncated: opened.size,
        reason: "segment shorter than its \(RecordFormat.segmentHeaderSize)-byte header")
      return fresh
    }
    let loaded = try SparseIndex.load(path: reference.indexPath, segmentLimit: opened.size)
    var entries = loaded.entries
    var rewriteIndex = loaded.isDamaged
    if try !pointsAtRecords(entries, of: segmentFile, baseOffset: base) {
      entries = []
      rewriteIndex = true
    }
    while true {
      let hint = entries.last
      let scanner = SegmentScanner(
        file: segmentFile, baseOffset: base, isLastSegment: true, limit: opened.size,
        start: hint?.position ?? Int64(RecordFormat.segmentHeaderSize),
        expectedOffset: hint.map { base + $0.relativeOffset } ?? base, startIsHint: hint != nil)
      var bytesSinceEntry = 0
      var added: [IndexEntry] = []
      while let record = try scanner.next() {
        if bytesSinceEntry >= indexIntervalBytes {
          added.append(IndexEntry(relativeOffset: record.offset - base, position: record.position))
          bytesSinceEntry = 0
        }
        bytesSinceEntry += record.size
      }
      if case .invalidStart = scanner.end {
        entries = []
        rewriteIndex = true
        continue
      }
      var validSize = opened.size
      var torn: TornTailRecovery? = nil
      if case .torn(let position, let bytes, let reason) = scanner.end {
        try segmentFile.truncate(to: position)
        if fsync != .never { try segmentFile.sync() }
        validSize = position
        torn = TornTailRecovery(
          topic: directory.topic, partition: directory.partition, file: reference.logPath,
          position: position, bytesTruncated: bytes, reason: reason)
      }
      if !added.isEmpty { rewriteIndex = true }
      entries += added
      let indexFile = try SystemFile.openForWriting(reference.indexPath, create: true)
      var indexSize = Int64(RecordFormat.indexHeaderSize + entries.count * RecordFormat.indexEntrySize)
      if rewriteIndex {
        let bytes = SparseIndex.fileBytes(entries)
        try indexFile.truncate(to: 0)
        try indexFile.write(bytes, at: 0)
        indexSize = Int64(bytes.count)
      }
      let nextOffset = scanner.nextOffset ?? (hint.map { base + $0.relativeOffset } ?? base)
      return RecoveredSegment(
        reference: reference, segmentFile: segmentFile, indexFile: indexFile, validSize: validSize,
        indexSize: indexSize, nextOffset: nextOffset, bytesSinceIndexEntry: bytesSinceEntry, torn: torn)
    }
  }

  /// Whether every entry points at a record frame carrying the entry's offset (a cheap check of
  /// 16 bytes per entry; the CRC is checked when the records are read).
  private static func pointsAtRecords(_ entries: [IndexEntry], of file: SystemFile, baseOffset: Int64)
    throws(LogError) -> Bool
  {
    for entry in entries {
      let head = try file.readBytes(count: RecordFormat.frameSize + 8, at: entry.position)
      guard head.count == RecordFormat.frameSize + 8 else { return false }
      let (length, offset) = head.withUnsafeBytes { raw in
        (
          Int(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self))),
          Int64(littleEndian: raw.loadUnaligned(fromByteOffset: RecordFormat.frameSize, as: Int64.self))
        )
      }
      guard length >= RecordFormat.bodyHeaderSize, length <= RecordFormat.maxBodySize,
        offset == baseOffset + entry.relativeOffset
      else { return false }
    }
    return true
  }
}
