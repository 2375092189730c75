import SluiceCore

/// Offsets and size of one partition at one moment.
struct PartitionSummary: Equatable {
  var earliestOffset: Int64
  var latestOffset: Int64
  var sizeBytes: Int64
  var segmentCount: Int
}

/// How scanning one segment ended when it was not stopped by the caller.
struct SegmentScanOutcome {
  var end: ScanEnd
  /// The offset after the last valid record of the segment.
  var endOffset: Int64
}

/// Reads one partition: records from an offset, and its earliest/latest offsets. Stateless; every
/// call lists the segments afresh, so it sees segments a concurrent writer rolled meanwhile.
struct PartitionReader {
  let directory: PartitionDirectory

  init(root: String, topic: String, partition: Int32) {
    directory = PartitionDirectory(root: root, topic: topic, partition: partition)
  }

  /// Appends up to `maxRecords` records from `offset` on to `records`, stopping before a record
  /// that would take the key + value bytes past `maxBytes` (the first record is always taken).
  /// Returns how many were appended. `offset` equal to the log end returns none. With
  /// `reserving`, room for the records is reserved up front, guessed from the first one (see
  /// ``reserve(_:like:maxRecords:maxBytes:)``); callers that reserved for the whole read pass
  /// `false`.
  func read(
    from offset: Int64, maxRecords: Int, maxBytes: Int, into records: inout RawRecords, topicSlot: Int32,
    reserving: Bool = true
  ) throws(LogError) -> Int {
    guard maxRecords > 0 else { return 0 }
    let estimate = min(maxBytes, maxRecords >= (1 << 20) ? 1 << 20 : maxRecords * 2048, 1 << 20)
    let chunk = max(64 * 1024, estimate + 4096)
    var attempts = 0
    retry: while true {
      attempts += 1
      let segments = try directory.segments()
      guard let first = segments.first else {
        if offset == 0 { return 0 }
        throw beyondEnd(offset, end: 0)
      }
      guard offset >= first.baseOffset else {
        throw LogError(
          .offsetOutOfRange,
          "offset \(offset) of \(directory.name) is before the earliest available offset "
            + "\(first.baseOffset) (older segments were deleted); restart from offset \(first.baseOffset) or later"
        )
      }
      var i = segments.lastIndex { $0.baseOffset <= offset }!
      var next = offset
      var count = 0
      var bytes = 0
      while i < segments.count {
        let isLast = i == segments.count - 1
        guard let segment = try directory.open(segments[i], isLast: isLast) else {
          if count == 0 && attempts < 3 { continue retry }
          return count
        }
        defer { segment.file.close() }
        var stopped = false
        let outcome = try scan(segment, isLast: isLast, from: next, chunkSize: chunk) { record in
          let size = record.value.count + (record.key?.count ?? 0)
          if count > 0 && bytes + size > maxBytes {
            stopped = true
            return false
          }
          if count == 0 && reserving {
            reserve(&records, like: record, maxRecords: maxRecords, maxBytes: maxBytes)
          }
          records.append(
            value: record.value, key: record.key, topic: topicSlot, partition: directory.partition,
            offset: record.offset, timestamp: record.timestampMs)
          count += 1
          bytes += size
          next = record.offset + 1
          if count >= maxRecords {
            stopped = true
            return false
          }
          return true
        }
        if stopped { return count }
        if isLast {
          if next > outcome.endOffset { throw beyondEnd(offset, end: outcome.endOffset) }
          return count
        }
        let following = segments[i + 1].baseOffset
        guard outcome.endOffset == following else {
          throw LogError(
            .corruptLog,
            "\(segment.reference.logPath) ends at offset \(outcome.endOffset) but the next segment of "
              + "\(directory.name) starts at offset \(following): records are missing (a crash with "
              + "fsync disabled can do this); restore the partition from a copy")
        }
        next = max(next, following)
        i += 1
      }
      return count
    }
  }

  /// Earliest and latest (next to be written) offsets, total size and segment count.
  func summary() throws(LogError) -> PartitionSummary {
    var attempts = 0
    while true {
      attempts += 1
      let segments = try directory.segments()
      guard let first = segments.first, let last = segments.last else {
        return PartitionSummary(earliestOffset: 0, latestOffset: 0, sizeBytes: 0, segmentCount: 0)
      }
      guard let segment = try directory.open(last, isLast: true) else {
        if attempts < 3 { continue }
        throw LogError(.io, "the last segment \(last.logPath) of \(directory.name) keeps vanishing")
      }
      defer { segment.file.close() }
      let outcome = try scan(segment, isLast: true, from: .max, chunkSize: 64 * 1024) { _ in true }
      var size = segment.size
      for other in segments.dropLast() { size += FileSystem.fileSize(other.logPath) ?? 0 }
      return PartitionSummary(
        earliestOffset: first.baseOffset, latestOffset: outcome.endOffset, sizeBytes: size,
        segmentCount: segments.count)
    }
  }

  /// Calls `body` with every valid record of `segment` whose offset is at least `offset`, until
  /// it returns `false`. Starts at the sparse index entry at or
  /// before `offset` when there is one, and from the header when that entry proves wrong.
  func scan(
    _ segment: OpenedSegment, isLast: Bool, from offset: Int64, chunkSize: Int,
    _ body: (ScannedRecord) -> Bool
  ) throws(LogError) -> SegmentScanOutcome {
    let base = segment.reference.baseOffset
    if segment.isHeaderless { return SegmentScanOutcome(end: .clean, endOffset: base) }
    var hint: IndexEntry? = nil
    if offset > base {
      let index = try SparseIndex.load(path: segment.reference.indexPath, segmentLimit: segment.size)
      hint = index.floorEntry(relativeOffset: offset - base)
    }
    while true {
      let scanner = SegmentScanner(
        file: segment.file, baseOffset: base, isLastSegment: isLast, limit: segment.size,
        start: hint?.position ?? Int64(RecordFormat.segmentHeaderSize),
        expectedOffset: hint == nil ? base : nil, startIsHint: hint != nil, chunkSize: chunkSize)
      var first = true
      var badHint = false
      while let record = try scanner.next() {
        if first, let hint, record.offset != base + hint.relativeOffset {
          badHint = true
          break
        }
        first = false
        if record.offset < offset { continue }
        if !body(record) { return SegmentScanOutcome(end: .clean, endOffset: record.offset + 1) }
      }
      if case .invalidStart = scanner.end { badHint = true }
      if badHint {
        hint = nil
        continue
      }
      let endOffset = scanner.nextOffset ?? (hint.map { base + $0.relativeOffset } ?? base)
      return SegmentScanOutcome(end: scanner.end ?? .clean, endOffset: endOffset)
    }
  }

  /// Reserves room for the records a read will probably return, guessed from its first record,
  /// so that the arrays do not grow (and copy) by doubling. Reserving too much only costs
  /// address space: untouched pages are never faulted in.
  private func reserve(_ records: inout RawRecords, like first: ScannedRecord, maxRecords: Int, maxBytes: Int)
  {
    let valueSize = max(first.value.count, 1)
    let keySize = first.key?.count ?? 0
    let byBytes = maxBytes / (valueSize + keySize) + 1
    let expected = min(maxRecords, byBytes, 1 << 20)
    guard expected > 1 else { return }
    let valueBytes = min(expected * valueSize + expected / 4 * valueSize, 256 << 20)
    ensureCapacity(&records.values, records.values.count + valueBytes)
    if keySize > 0 {
      ensureCapacity(&records.keys, records.keys.count + min(expected * keySize * 5 / 4, 64 << 20))
    }
    ensureCapacity(&records.valueOffsets, records.valueOffsets.count + expected)
    ensureCapacity(&records.keyOffsets, records.keyOffsets.count + expected)
    ensureCapacity(&records.hasKey, records.hasKey.count + expected)
    ensureCapacity(&records.topicIndex, records.topicIndex.count + expected)
    ensureCapacity(&records.partitions, records.partitions.count + expected)
    ensureCapacity(&records.offsets, records.offsets.count + expected)
    ensureCapacity(&records.timestamps, records.timestamps.count + expected)
  }

  /// Grows `array` to hold `needed` elements, at least doubling it, so repeated reads into one
  /// `RawRecords` stay amortised linear.
  private func ensureCapacity<T>(_ array: inout [T], _ needed: Int) {
    if array.capacity < needed { array.reserveCapacity(max(needed, array.capacity * 2)) }
  }

  private func beyondEnd(_ offset: Int64, end: Int64) -> LogError {
    LogError(
      .offsetOutOfRange,
      "offset \(offset) of \(directory.name) is beyond the log end \(end) (the next offset to be "
        + "written); read from \(end) or earlier")
  }
}
