/// When a ``TopicWriter`` forces written data to stable storage.
public enum FsyncPolicy: Sendable, Hashable, CustomStringConvertible {
  /// Never fsync; the operating system writes back on its own schedule. Fastest; a machine
  /// crash (not a process crash) can lose the most recent records.
  case never
  /// fsync the touched segments at the end of every `flush()` (and on segment roll and close).
  case always
  /// fsync at the end of a `flush()` when at least this many milliseconds passed since the
  /// previous fsync (and always on segment roll and close).
  case interval(milliseconds: Int)

  public var description: String {
    switch self {
    case .never: "never"
    case .always: "always"
    case .interval(let ms): "every \(ms) ms"
    }
  }
}

/// Tuning of a log root.
///
/// `segmentBytes` and `indexIntervalBytes` are recorded in `topic.json` when a topic is created
/// and the topic keeps them from then on (writers use the recorded values); `fsync` and
/// `writeBufferBytes` apply to the writers this configuration opens.
public struct LogConfiguration: Sendable, Hashable {
  /// A segment is rolled (a new file started) before a record would make it larger than this.
  /// A single record larger than the limit still gets a segment of its own.
  public var segmentBytes: Int
  /// About every this many bytes of records, an entry is added to the sparse offset index.
  public var indexIntervalBytes: Int
  /// When writers fsync.
  public var fsync: FsyncPolicy
  /// A writer flushes by itself once its buffered records exceed this many bytes.
  public var writeBufferBytes: Int

  public static let defaultSegmentBytes = 128 * 1024 * 1024
  public static let defaultIndexIntervalBytes = 4096
  public static let defaultWriteBufferBytes = 4 * 1024 * 1024

  public init(
    segmentBytes: Int = LogConfiguration.defaultSegmentBytes,
    indexIntervalBytes: Int = LogConfiguration.defaultIndexIntervalBytes,
    fsync: FsyncPolicy = .never,
    writeBufferBytes: Int = LogConfiguration.defaultWriteBufferBytes
  ) {
    self.segmentBytes = segmentBytes
    self.indexIntervalBytes = indexIntervalBytes
    self.fsync = fsync
    self.writeBufferBytes = writeBufferBytes
  }

  /// Throws `invalidArgument` naming the first setting out of range.
  public func validate() throws(LogError) {
    guard segmentBytes >= 1024 else {
      throw LogError(.invalidArgument, "segmentBytes must be at least 1024, got \(segmentBytes)")
    }
    guard indexIntervalBytes >= 1 else {
      throw LogError(
        .invalidArgument, "indexIntervalBytes must be at least 1, got \(indexIntervalBytes)")
    }
    guard writeBufferBytes >= 1 else {
      throw LogError(.invalidArgument, "writeBufferBytes must be at least 1, got \(writeBufferBytes)")
    }
    if case .interval(let ms) = fsync, ms < 0 {
      throw LogError(.invalidArgument, "fsync interval must not be negative, got \(ms) ms")
    }
  }
}
