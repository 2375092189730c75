/// One entry of a segment's sparse offset index: the record with offset
/// `baseOffset + relativeOffset` starts at byte `position` of the segment.
struct IndexEntry: Equatable {
  var relativeOffset: Int64
  var position: Int64
}

/// The sparse offset index of one segment, as loaded from its `.index` file.
///
/// Loading never fails on damage: it keeps the longest valid prefix of entries (strictly
/// increasing, pointing inside the segment) and reports whether anything was dropped, so that a
/// writer can rewrite the file. Entries are hints; whoever uses one checks the record it points at.
struct SparseIndex {
  var entries: [IndexEntry]
  /// The file was missing, had a bad header, a partial entry or entries that had to be dropped.
  var isDamaged: Bool

  static let empty = SparseIndex(entries: [], isDamaged: false)

  /// Loads the index at `path` for a segment whose valid data ends before `segmentLimit`.
  static func load(path: String, segmentLimit: Int64) throws(LogError) -> SparseIndex {
    guard let file = try SystemFile.openForReadingIfPresent(path) else {
      return SparseIndex(entries: [], isDamaged: true)
    }
    defer { file.close() }
    let size = try file.size()
    let bytes = try file.readBytes(count: Int(size), at: 0)
    return parse(bytes, segmentLimit: segmentLimit)
  }

  static func parse(_ bytes: [UInt8], segmentLimit: Int64) -> SparseIndex {
    guard bytes.count >= RecordFormat.indexHeaderSize, bytes.prefix(8).elementsEqual(RecordFormat.indexMagic)
    else { return SparseIndex(entries: [], isDamaged: true) }
    return bytes.withUnsafeBytes { raw in
      let version = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
      guard version == RecordFormat.indexVersion else { return SparseIndex(entries: [], isDamaged: true) }
      let payload = bytes.count - RecordFormat.indexHeaderSize
      let count = payload / RecordFormat.indexEntrySize
      var damaged = payload % RecordFormat.indexEntrySize != 0
      var entries: [IndexEntry] = []
      entries.reserveCapacity(count)
      var previous = IndexEntry(relativeOffset: -1, position: Int64(RecordFormat.segmentHeaderSize) - 1)
      for i in 0..<count {
        let at = RecordFormat.indexHeaderSize + i * RecordFormat.indexEntrySize
        let entry = IndexEntry(
          relativeOffset: Int64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: Int64.self)),
          position: Int64(littleEndian: raw.loadUnaligned(fromByteOffset: at + 8, as: Int64.self)))
        guard entry.relativeOffset > previous.relativeOffset, entry.position > previous.position,
          entry.position < segmentLimit
        else {
          damaged = true
          break
        }
        entries.append(entry)
        previous = entry
      }
      return SparseIndex(entries: entries, isDamaged: damaged)
    }
  }

  /// The last entry with `relativeOffset <= relative`, if any.
  func floorEntry(relativeOffset relative: Int64) -> IndexEntry? {
    var low = 0
    var high = entries.count
    while low < high {
      let mid = (low + high) / 2
      if entries[mid].relativeOffset <= relative { low = mid + 1 } else { high = mid }
    }
    return low == 0 ? nil : entries[low - 1]
  }

  /// The whole file for `entries`.
  static func fileBytes(_ entries: [IndexEntry]) -> [UInt8] {
    var bytes = RecordFormat.indexHeader()
    bytes.reserveCapacity(bytes.count + entries.count * RecordFormat.indexEntrySize)
    for entry in entries {
      RecordFormat.appendLittleEndian(UInt64(bitPattern: entry.relativeOffset), to: &bytes)
      RecordFormat.appendLittleEndian(UInt64(bitPattern: entry.position), to: &bytes)
    }
    return bytes
  }
}
