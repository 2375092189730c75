/// A segment file of a partition, by name.
struct SegmentReference: Equatable {
  var baseOffset: Int64
  var logPath: String
  var indexPath: String
}

/// An opened segment whose header was checked.
struct OpenedSegment {
  var reference: SegmentReference
  var file: SystemFile
  /// File size when opened.
  var size: Int64
  /// The file is shorter than a header (only tolerated for the last segment: a crash right
  /// after it was created, before its header reached the disk).
  var isHeaderless: Bool
}

/// The directory of one partition: `<root>/<topic>/<partition>/`.
struct PartitionDirectory {
  let path: String
  let topic: String
  let partition: Int32

  init(root: String, topic: String, partition: Int32) {
    path = LogLayout.partitionDirectory(root: root, topic: topic, partition: partition)
    self.topic = topic
    self.partition = partition
  }

  var name: String { "topic \(topic) partition \(partition)" }

  /// The segments, oldest first. A missing directory has none.
  func segments() throws(LogError) -> [SegmentReference] {
    guard let names = try FileSystem.list(path) else { return [] }
    var result: [SegmentReference] = []
    for name in names {
      guard let base = LogLayout.segmentBaseOffset(fileName: name) else { continue }
      result.append(reference(baseOffset: base))
    }
    result.sort { $0.baseOffset < $1.baseOffset }
    return result
  }

  func reference(baseOffset: Int64) -> SegmentReference {
    SegmentReference(
      baseOffset: baseOffset,
      logPath: LogLayout.segmentFile(directory: path, baseOffset: baseOffset),
      indexPath: LogLayout.indexFile(directory: path, baseOffset: baseOffset))
  }

  /// Opens a segment for reading and checks its header against its name. Returns `nil` when the
  /// file vanished (deleted by retention since it was listed).
  func open(_ segment: SegmentReference, isLast: Bool) throws(LogError) -> OpenedSegment? {
    guard let file = try SystemFile.openForReadingIfPresent(segment.logPath) else { return nil }
    return try check(file, segment, isLast: isLast)
  }

  func check(_ file: SystemFile, _ segment: SegmentReference, isLast: Bool) throws(LogError) -> OpenedSegment
  {
    let size = try file.size()
    if size < Int64(RecordFormat.segmentHeaderSize) {
      guard isLast else {
        throw LogError(
          .corruptLog,
          "\(segment.logPath) is only \(size) bytes long, shorter than a segment header, and is "
            + "not the last segment of \(name): restore the partition from a copy")
      }
      return OpenedSegment(reference: segment, file: file, size: size, isHeaderless: true)
    }
    let header = try file.readBytes(count: RecordFormat.segmentHeaderSize, at: 0)
    let base = try header.withLogBytes { (raw) throws(LogError) -> Int64 in
      try RecordFormat.parseSegmentHeader(raw, path: segment.logPath)
    }
    guard base == segment.baseOffset else {
      throw LogError(
        .corruptLog,
        "\(segment.logPath) says its base offset is \(base) but its name says \(segment.baseOffset): "
          + "the file was renamed or damaged; restore it from a copy")
    }
    return OpenedSegment(reference: segment, file: file, size: size, isHeaderless: false)
  }
}
