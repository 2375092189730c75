public import SluiceCore

/// A log root directory: its topics, their writers and readers. See ``LogLayout`` for the files.
///
/// A `LogStore` holds no open files and no caches, so it is cheap, `Sendable`, and always sees
/// what other processes wrote: every read lists the partition's segments afresh. Reads are safe
/// while a writer (in this or another process) appends: they return only complete records with
/// a valid CRC.
public final class LogStore: Sendable {
  /// The root directory (without a trailing `/`).
  public let root: String
  public let configuration: LogConfiguration

  /// Opens the log root at `root`. The directory is created when the first topic is.
  public init(root: String, configuration: LogConfiguration = .init()) throws(LogError) {
    try configuration.validate()
    var trimmed = root
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
    guard !trimmed.isEmpty else { throw LogError(.invalidArgument, "the log root path is empty") }
    self.root = trimmed
    self.configuration = configuration
  }

  /// Creates `name` with `partitions` partitions, recording this store's `segmentBytes` and
  /// `indexIntervalBytes`. Idempotent when the topic exists with the same partition count;
  /// `topicExists` when it has a different one.
  @discardableResult
  public func createTopic(_ name: String, partitions: Int) throws(LogError) -> TopicDescription {
    try LogLayout.validateTopicName(name)
    guard partitions >= 1, partitions <= 100_000 else {
      throw LogError(.invalidArgument, "a topic needs 1 to 100000 partitions, got \(partitions)")
    }
    let directory = LogLayout.topicDirectory(root: root, topic: name)
    try FileSystem.makeDirectories(directory)
    let metadata = TopicMetadata(
      partitions: partitions, createdMs: FileSystem.nowMilliseconds(),
      segmentBytes: configuration.segmentBytes, indexIntervalBytes: configuration.indexIntervalBytes)
    let created = try FileSystem.writeAtomically(
      metadata.fileBytes, to: LogLayout.topicFile(root: root, topic: name), replace: false)
    if !created {
      let existing = try TopicMetadata.load(root: root, topic: name)
      guard existing.partitions == partitions else {
        throw LogError(
          .topicExists,
          "topic \(name) already exists with \(existing.partitions) partitions, not \(partitions); "
            + "use it as it is, or choose another name")
      }
    }
    for p in 0..<partitions {
      try FileSystem.makeDirectories(
        LogLayout.partitionDirectory(root: root, topic: name, partition: Int32(p)))
    }
    if configuration.fsync != .never { try FileSystem.syncDirectory(directory) }
    return try describe(topic: name)
  }

  /// Names of the topics under the root, sorted. An absent root has none.
  public func topicNames() throws(LogError) -> [String] {
    guard let names = try FileSystem.list(root) else { return [] }
    return names.filter { name in
      (try? LogLayout.validateTopicName(name)) != nil
        && FileSystem.exists(LogLayout.topicFile(root: root, topic: name))
    }.sorted()
  }

  /// The topic's metadata (`topic.json`); `topicNotFound` says how to create a missing topic.
  public func metadata(topic: String) throws(LogError) -> TopicMetadata {
    try LogLayout.validateTopicName(topic)
    return try TopicMetadata.load(root: root, topic: topic)
  }

  /// Partitions with their earliest/latest offsets and sizes.
  public func describe(topic: String) throws(LogError) -> TopicDescription {
    let metadata = try metadata(topic: topic)
    var partitions: [PartitionDescription] = []
    for p in 0..<metadata.partitions {
      let summary = try PartitionReader(root: root, topic: topic, partition: Int32(p)).summary()
      partitions.append(
        PartitionDescription(
          partition: Int32(p), earliestOffset: summary.earliestOffset, latestOffset: summary.latestOffset,
          sizeBytes: summary.sizeBytes, segmentCount: summary.segmentCount))
    }
    return TopicDescription(
      name: topic, partitionCount: metadata.partitions, partitions: partitions, metadata: metadata)
  }

  /// Opens the topic's one writer, recovering torn tails (see ``TopicWriter/recovery``). Throws
  /// `writerLocked` (naming the holder's pid) when another writer has the topic.
  public func openWriter(topic: String) throws(LogError) -> TopicWriter {
    try LogLayout.validateTopicName(topic)
    return try TopicWriter(store: self, topic: topic)
  }

  /// Up to `maxRecords` records of one partition from `offset` on, stopping before a record that
  /// would take the key + value bytes past `maxBytes` (the first record is always returned).
  /// Reading at the log end returns no records; before the earliest or past the log end throws
  /// `offsetOutOfRange`.
  public func read(
    topic: String, partition: Int32, from offset: Int64, maxRecords: Int, maxBytes: Int = .max
  ) throws(LogError) -> RawRecords {
    var records = RawRecords()
    try read(
      topic: topic, partition: partition, from: offset, maxRecords: maxRecords, maxBytes: maxBytes,
      into: &records)
    return records
  }

  /// Like ``read(topic:partition:from:maxRecords:maxBytes:)`` but appends to `records`; returns
  /// how many records were appended.
  @discardableResult
  public func read(
    topic: String, partition: Int32, from offset: Int64, maxRecords: Int, maxBytes: Int = .max,
    into records: inout RawRecords
  ) throws(LogError) -> Int {
    try read(
      topic: topic, partition: partition, from: offset, maxRecords: maxRecords, maxBytes: maxBytes,
      into: &records, reserving: true)
  }

  /// The read above; `reserving: false` when the caller already reserved room in `records` for
  /// everything it is about to read (``LogSource`` does, for a whole batch), so the reader does
  /// not grow the buffers again from its own guess.
  func read(
    topic: String, partition: Int32, from offset: Int64, maxRecords: Int, maxBytes: Int = .max,
    into records: inout RawRecords, reserving: Bool
  ) throws(LogError) -> Int {
    let metadata = try metadata(topic: topic)
    guard partition >= 0, Int(partition) < metadata.partitions else {
      throw LogError(
        .invalidArgument,
        "partition \(partition) does not exist in topic \(topic) (partitions 0...\(metadata.partitions - 1))")
    }
    guard maxRecords >= 0, maxBytes >= 0 else {
      throw LogError(.invalidArgument, "maxRecords and maxBytes must not be negative")
    }
    let slot = records.topicSlot(topic)
    return try PartitionReader(root: root, topic: topic, partition: partition).read(
      from: offset, maxRecords: maxRecords, maxBytes: maxBytes, into: &records, topicSlot: slot,
      reserving: reserving)
  }

  /// Raises the partition count of `topic` to `partitions` (never lowers it; keyed records may
  /// then map to other partitions, as in Kafka). Takes the writer lock for the change, so it
  /// fails with `writerLocked` while a writer is open.
  @discardableResult
  public func increasePartitions(topic: String, to partitions: Int) throws(LogError) -> TopicDescription {
    var metadata = try metadata(topic: topic)
    guard partitions >= metadata.partitions, partitions <= 100_000 else {
      throw LogError(
        .invalidArgument,
        "topic \(topic) has \(metadata.partitions) partitions; the count can only grow (up to 100000), not become \(partitions)"
      )
    }
    let lock = try WriterLock(root: root, topic: topic)
    defer { lock.release() }
    for p in metadata.partitions..<partitions {
      try FileSystem.makeDirectories(
        LogLayout.partitionDirectory(root: root, topic: topic, partition: Int32(p)))
    }
    metadata.partitions = partitions
    try FileSystem.writeAtomically(
      metadata.fileBytes, to: LogLayout.topicFile(root: root, topic: topic), replace: true)
    return try describe(topic: topic)
  }
}
