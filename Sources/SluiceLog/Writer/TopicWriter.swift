/// The one writer of a topic (it holds the topic's `.writer.lock` until `close()`).
///
/// `append` encodes records into per-partition memory buffers; `flush()` writes each buffer
/// with one system call and then fsyncs according to the ``FsyncPolicy``. Buffers are flushed
/// by themselves once they hold more than ``LogConfiguration/writeBufferBytes``. Records are
/// visible to readers after the flush that writes them; they are durable against machine
/// crashes after the fsync that follows.
///
/// Partitioning: an explicit `partition` wins; otherwise a keyed record goes to
/// `Murmur2.partition(for: key, …)` (Kafka's default partitioner) and records without a key go
/// round-robin.
///
/// Not thread-safe: use one writer from one thread (or task) at a time.
public final class TopicWriter {
  public let topic: String
  /// Partitions of the topic when the writer was opened.
  public let partitionCount: Int
  /// What was truncated when the writer opened; empty when every partition was clean.
  public let recovery: [TornTailRecovery]
  /// Total bytes cut off as torn tails when the writer opened.
  public var recoveredTornBytes: Int64 { recovery.reduce(0) { $0 + $1.bytesTruncated } }

  private var partitions: [PartitionWriter]
  private var lock: WriterLock?
  private let fsync: FsyncPolicy
  private let writeBufferBytes: Int
  private var roundRobin = 0
  /// Bytes buffered over all partitions since the last flush.
  private var bufferedBytes = 0
  private var lastSyncMs: Int64

  init(store: LogStore, topic: String) throws(LogError) {
    self.topic = topic
    let metadata = try TopicMetadata.load(root: store.root, topic: topic)
    let lock = try WriterLock(root: store.root, topic: topic)
    var recovery: [TornTailRecovery] = []
    var partitions: [PartitionWriter] = []
    for p in 0..<metadata.partitions {
      partitions.append(
        try PartitionWriter(
          directory: PartitionDirectory(root: store.root, topic: topic, partition: Int32(p)),
          segmentBytes: metadata.segmentBytes, indexIntervalBytes: metadata.indexIntervalBytes,
          fsync: store.configuration.fsync, recovery: &recovery))
    }
    self.lock = lock
    self.partitions = partitions
    self.recovery = recovery
    partitionCount = metadata.partitions
    fsync = store.configuration.fsync
    writeBufferBytes = store.configuration.writeBufferBytes
    lastSyncMs = FileSystem.monotonicMilliseconds()
  }

  deinit {
    try? close()
  }

  /// Buffers one record; returns where it goes. Throws `invalidArgument` for a partition outside
  /// `0..<partitionCount`, `recordTooLarge`, or an I/O error of an automatic flush.
  @discardableResult
  public func append(
    value: UnsafeRawBufferPointer, key: UnsafeRawBufferPointer?, partition: Int32? = nil, timestampMs: Int64
  ) throws(LogError) -> (partition: Int32, offset: Int64) {
    guard lock != nil else { throw closedError() }
    let target: Int32
    if let partition {
      guard partition >= 0, Int(partition) < partitionCount else {
        throw LogError(
          .invalidArgument,
          "partition \(partition) does not exist in topic \(topic) (partitions 0...\(partitionCount - 1))")
      }
      target = partition
    } else if let key {
      target = Murmur2.partition(for: key, partitions: partitionCount)
    } else {
      target = Int32(roundRobin)
      roundRobin = roundRobin + 1 == partitionCount ? 0 : roundRobin + 1
    }
    let offset = try partitions[Int(target)].append(key: key, value: value, timestampMs: timestampMs)
    bufferedBytes += RecordFormat.recordSize(keyCount: key?.count ?? 0, valueCount: value.count)
    if bufferedBytes >= writeBufferBytes { try flush() }
    return (target, offset)
  }

  /// Buffers one record given as arrays.
  @discardableResult
  public func append(value: [UInt8], key: [UInt8]? = nil, partition: Int32? = nil, timestampMs: Int64)
    throws(LogError) -> (partition: Int32, offset: Int64)
  {
    try value.withLogBytes { (v) throws(LogError) in
      if let key {
        return try key.withLogBytes { (k) throws(LogError) in
          try append(value: v, key: k, partition: partition, timestampMs: timestampMs)
        }
      }
      return try append(value: v, key: nil, partition: partition, timestampMs: timestampMs)
    }
  }

  /// Writes every buffered record, then fsyncs according to the policy.
  public func flush() throws(LogError) {
    guard lock != nil else { throw closedError() }
    for writer in partitions { try writer.flush() }
    bufferedBytes = 0
    switch fsync {
    case .never:
      break
    case .always:
      try syncAll()
    case .interval(let milliseconds):
      if FileSystem.monotonicMilliseconds() - lastSyncMs >= Int64(milliseconds) { try syncAll() }
    }
  }

  /// The offset the next record appended to `partition` gets (the log end once flushed).
  public func nextOffset(partition: Int32) throws(LogError) -> Int64 {
    guard partition >= 0, Int(partition) < partitionCount else {
      throw LogError(.invalidArgument, "partition \(partition) does not exist in topic \(topic)")
    }
    return partitions[Int(partition)].nextOffset
  }

  /// Retention: deletes the segments of `partition` whose records all precede `offset` (never
  /// the active one), moving the partition's earliest offset up. Returns how many were deleted.
  public func deleteSegments(partition: Int32, before offset: Int64) throws(LogError) -> Int {
    guard lock != nil else { throw closedError() }
    guard partition >= 0, Int(partition) < partitionCount else {
      throw LogError(.invalidArgument, "partition \(partition) does not exist in topic \(topic)")
    }
    return try partitions[Int(partition)].deleteSegments(before: offset)
  }

  /// Flushes, fsyncs (unless the policy is `never`) and releases the writer lock. Idempotent.
  public func close() throws(LogError) {
    guard let lock else { return }
    defer {
      for writer in partitions { writer.close() }
      lock.release()
      self.lock = nil
    }
    for writer in partitions { try writer.flush() }
    if fsync != .never { try syncAll() }
  }

  private func syncAll() throws(LogError) {
    for writer in partitions { try writer.sync() }
    lastSyncMs = FileSystem.monotonicMilliseconds()
  }

  private func closedError() -> LogError {
    LogError(.writerClosed, "the writer of topic \(topic) is closed; open a new one with openWriter(topic:)")
  }
}
