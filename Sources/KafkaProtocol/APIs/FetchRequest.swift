/// Fetch (key 1), v4–v12: record bytes per partition from an offset. Sessionless full fetches by
/// default (session id 0, epoch −1); topics by name (v13+ would need topic ids).
public struct FetchRequest: KafkaRequest, Hashable {
  public typealias Response = FetchResponse
  public static let apiKey = ApiKey.fetch
  public static let versions: ClosedRange<Int16> = 4...12
  public static let firstFlexibleVersion: Int16 = 12

  public struct Partition: Sendable, Hashable {
    public var partition: Int32
    /// v9+; −1 = unknown.
    public var currentLeaderEpoch: Int32
    public var fetchOffset: Int64
    /// v12+; −1 = unknown.
    public var lastFetchedEpoch: Int32
    /// v5+; −1 for consumers.
    public var logStartOffset: Int64
    public var partitionMaxBytes: Int32

    public init(
      partition: Int32, fetchOffset: Int64, partitionMaxBytes: Int32, currentLeaderEpoch: Int32 = -1,
      lastFetchedEpoch: Int32 = -1, logStartOffset: Int64 = -1
    ) {
      self.partition = partition
      self.fetchOffset = fetchOffset
      self.partitionMaxBytes = partitionMaxBytes
      self.currentLeaderEpoch = currentLeaderEpoch
      self.lastFetchedEpoch = lastFetchedEpoch
      self.logStartOffset = logStartOffset
    }
  }

  public struct Topic: Sendable, Hashable {
    public var name: String
    public var partitions: [Partition]
    public init(name: String, partitions: [Partition]) {
      self.name = name
      self.partitions = partitions
    }
  }

  public var replicaID: Int32 = -1
  public var maxWaitMs: Int32
  public var minBytes: Int32
  public var maxBytes: Int32
  public var isolationLevel: IsolationLevel
  /// v7+: 0 = no session.
  public var sessionID: Int32 = 0
  /// v7+: −1 = full fetch, no session.
  public var sessionEpoch: Int32 = -1
  public var topics: [Topic]
  /// v11+.
  public var rackID: String = ""

  public init(
    topics: [Topic], maxWaitMs: Int32 = 500, minBytes: Int32 = 1, maxBytes: Int32 = 50 * 1024 * 1024,
    isolationLevel: IsolationLevel = .readUncommitted
  ) {
    self.topics = topics
    self.maxWaitMs = maxWaitMs
    self.minBytes = minBytes
    self.maxBytes = maxBytes
    self.isolationLevel = isolationLevel
  }

  public func encodeBody(into writer: inout KafkaWriter, version: Int16) throws {
    try Self.checkVersion(version)
    let flexible = Self.isFlexible(version)
    writer.writeInt32(replicaID)
    writer.writeInt32(maxWaitMs)
    writer.writeInt32(minBytes)
    writer.writeInt32(maxBytes)
    writer.writeInt8(isolationLevel.rawValue)
    if version >= 7 {
      writer.writeInt32(sessionID)
      writer.writeInt32(sessionEpoch)
    }
    writer.writeArray(topics, compact: flexible) { w, topic in
      w.writeString(topic.name, compact: flexible)
      w.writeArray(topic.partitions, compact: flexible) { w, p in
        w.writeInt32(p.partition)
        if version >= 9 { w.writeInt32(p.currentLeaderEpoch) }
        w.writeInt64(p.fetchOffset)
        if version >= 12 { w.writeInt32(p.lastFetchedEpoch) }
        if version >= 5 { w.writeInt64(p.logStartOffset) }
        w.writeInt32(p.partitionMaxBytes)
        w.writeEmptyTaggedFields(flexible: flexible)
      }
      w.writeEmptyTaggedFields(flexible: flexible)
    }
    if version >= 7 { writer.writeArrayCount(0, compact: flexible) }
    if version >= 11 { writer.writeString(rackID, compact: flexible) }
    writer.writeEmptyTaggedFields(flexible: flexible)
  }

  public static func decodeResponse(_ reader: inout KafkaReader, version: Int16) throws -> FetchResponse {
    try FetchResponse.decode(&reader, version: version)
  }
}

extension FetchRequest: KafkaDecodableRequest {
  public static func decodeBody(_ reader: inout KafkaReader, version: Int16) throws -> FetchRequest {
    try checkVersion(version)
    let flexible = isFlexible(version)
    let replica = try reader.readInt32("Fetch replica id")
    let maxWait = try reader.readInt32("Fetch max wait")
    let minBytes = try reader.readInt32("Fetch min bytes")
    let maxBytes = try reader.readInt32("Fetch max bytes")
    let isolation = try reader.readInt8("Fetch isolation level")
    let session = version >= 7 ? try reader.readInt32("Fetch session id") : 0
    let epoch = version >= 7 ? try reader.readInt32("Fetch session epoch") : -1
    let topics = try reader.readArray("Fetch request topics", compact: flexible) { r in
      let name = try r.readString("Fetch request topic", compact: flexible)
      let partitions = try r.readArray("Fetch request partitions", compact: flexible) { p in
        let index = try p.readInt32("Fetch request partition")
        let leaderEpoch = version >= 9 ? try p.readInt32("Fetch current leader epoch") : -1
        let offset = try p.readInt64("Fetch offset")
        let lastFetched = version >= 12 ? try p.readInt32("Fetch last fetched epoch") : -1
        let logStart = version >= 5 ? try p.readInt64("Fetch request log start offset") : -1
        let partitionMax = try p.readInt32("Fetch partition max bytes")
        try p.skipTaggedFields("Fetch request partition tagged fields", flexible: flexible)
        return Partition(
          partition: index, fetchOffset: offset, partitionMaxBytes: partitionMax,
          currentLeaderEpoch: leaderEpoch,
          lastFetchedEpoch: lastFetched, logStartOffset: logStart)
      }
      try r.skipTaggedFields("Fetch request topic tagged fields", flexible: flexible)
      return Topic(name: name, partitions: partitions)
    }
    if version >= 7 {
      _ = try reader.readArray("Fetch forgotten topics", compact: flexible) { r in
        _ = try r.readString("Fetch forgotten topic", compact: flexible)
        _ = try r.readArray("Fetch forgotten partitions", compact: flexible) {
          try $0.readInt32("forgotten partition")
        }
        try r.skipTaggedFields("Fetch forgotten topic tagged fields", flexible: flexible)
      }
    }
    let rack = version >= 11 ? try reader.readString("Fetch rack id", compact: flexible) : ""
    try reader.skipTaggedFields("Fetch request tagged fields", flexible: flexible)
    var request = FetchRequest(
      topics: topics, maxWaitMs: maxWait, minBytes: minBytes, maxBytes: maxBytes,
      isolationLevel: IsolationLevel(rawValue: isolation) ?? .readUncommitted)
    request.replicaID = replica
    request.sessionID = session
    request.sessionEpoch = epoch
    request.rackID = rack
    return request
  }
}
