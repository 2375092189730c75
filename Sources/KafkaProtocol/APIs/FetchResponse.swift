/// The Fetch response: per partition its error, high watermark, log start offset, aborted
/// transactions and the raw record bytes (a slice of the response frame, not copied; decode with
/// ``RecordBatchDecoder``).
public struct FetchResponse: Sendable, Hashable {
  public struct LeaderIDAndEpoch: Sendable, Hashable {
    public var leaderID: Int32
    public var leaderEpoch: Int32

    public init(leaderID: Int32, leaderEpoch: Int32) {
      self.leaderID = leaderID
      self.leaderEpoch = leaderEpoch
    }
  }

  public struct Partition: Sendable, Hashable {
    public var partitionIndex: Int32
    public var errorCode: KafkaErrorCode
    public var highWatermark: Int64
    /// v4+, else −1.
    public var lastStableOffset: Int64
    /// v5+, else −1.
    public var logStartOffset: Int64
    /// `nil` when the broker sent none (always for READ_UNCOMMITTED).
    public var abortedTransactions: [AbortedTransaction]?
    /// v11+, else −1.
    public var preferredReadReplica: Int32
    /// v12+ tagged field: the new leader after NOT_LEADER_OR_FOLLOWER / FENCED_LEADER_EPOCH.
    public var currentLeader: LeaderIDAndEpoch?
    /// RecordBatch bytes (possibly ending in a truncated batch); empty when null.
    public var records: ArraySlice<UInt8>

    public init(
      partitionIndex: Int32, errorCode: KafkaErrorCode = .none, highWatermark: Int64,
      lastStableOffset: Int64 = -1, logStartOffset: Int64 = -1,
      abortedTransactions: [AbortedTransaction]? = nil,
      preferredReadReplica: Int32 = -1, currentLeader: LeaderIDAndEpoch? = nil,
      records: ArraySlice<UInt8> = []
    ) {
      self.partitionIndex = partitionIndex
      self.errorCode = errorCode
      self.highWatermark = highWatermark
      self.lastStableOffset = lastStableOffset
      self.logStartOffset = logStartOffset
      self.abortedTransactions = abortedTransactions
      self.preferredReadReplica = preferredReadReplica
      self.currentLeader = currentLeader
      self.records = records
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

  public var throttleTimeMs: Int32
  /// v7+ top-level error (session errors), else NONE.
  public var errorCode: KafkaErrorCode
  /// v7+, else 0.
  public var sessionID: Int32
  public var topics: [Topic]

  public init(
    throttleTimeMs: Int32 = 0, errorCode: KafkaErrorCode = .none, sessionID: Int32 = 0, topics: [Topic]
  ) {
    self.throttleTimeMs = throttleTimeMs
    self.errorCode = errorCode
    self.sessionID = sessionID
    self.topics = topics
  }

  static func decode(_ reader: inout KafkaReader, version: Int16) throws -> FetchResponse {
    let flexible = version >= 12
    let throttle = try reader.readInt32("Fetch throttle time")
    let errorCode = version >= 7 ? KafkaErrorCode(try reader.readInt16("Fetch error code")) : .none
    let sessionID = version >= 7 ? try reader.readInt32("Fetch session id") : 0
    let topics = try reader.readArray("Fetch responses", compact: flexible) { r in
      let name = try r.readString("Fetch topic name", compact: flexible)
      let partitions = try r.readArray("Fetch partitions", compact: flexible) { p in
        try decodePartition(&p, version: version)
      }
      try r.skipTaggedFields("Fetch topic tagged fields", flexible: flexible)
      return Topic(name: name, partitions: partitions)
    }
    try reader.skipTaggedFields("Fetch tagged fields", flexible: flexible)
    return FetchResponse(throttleTimeMs: throttle, errorCode: errorCode, sessionID: sessionID, topics: topics)
  }

  private static func decodePartition(_ p: inout KafkaReader, version: Int16) throws -> Partition {
    let flexible = version >= 12
    let index = try p.readInt32("Fetch partition index")
    let errorCode = KafkaErrorCode(try p.readInt16("Fetch partition error code"))
    let highWatermark = try p.readInt64("Fetch high watermark")
    let lastStable = try p.readInt64("Fetch last stable offset")
    let logStart = version >= 5 ? try p.readInt64("Fetch log start offset") : -1
    let aborted = try p.readNullableArray("Fetch aborted transactions", compact: flexible) { a in
      let txn = AbortedTransaction(
        producerID: try a.readInt64("Fetch aborted producer id"),
        firstOffset: try a.readInt64("Fetch aborted first offset"))
      try a.skipTaggedFields("Fetch aborted transaction tagged fields", flexible: flexible)
      return txn
    }
    let preferred = version >= 11 ? try p.readInt32("Fetch preferred read replica") : -1
    let records = try p.readNullableBytes("Fetch records", compact: flexible) ?? []
    var leader: LeaderIDAndEpoch?
    if flexible {
      try p.readTaggedFields("Fetch partition tagged fields") { tag, value in
        guard tag == 1 else { return }
        leader = LeaderIDAndEpoch(
          leaderID: try value.readInt32("Fetch current leader id"),
          leaderEpoch: try value.readInt32("Fetch current leader epoch"))
      }
    }
    return Partition(
      partitionIndex: index, errorCode: errorCode, highWatermark: highWatermark, lastStableOffset: lastStable,
      logStartOffset: logStart, abortedTransactions: aborted, preferredReadReplica: preferred,
      currentLeader: leader, records: records)
  }

  /// Writes the response body for `version` (for test brokers and fixtures).
  public func encode(into writer: inout KafkaWriter, version: Int16) {
    let flexible = version >= 12
    writer.writeInt32(throttleTimeMs)
    if version >= 7 {
      writer.writeInt16(errorCode.rawValue)
      writer.writeInt32(sessionID)
    }
    writer.writeArray(topics, compact: flexible) { w, topic in
      w.writeString(topic.name, compact: flexible)
      w.writeArray(topic.partitions, compact: flexible) { w, p in
        w.writeInt32(p.partitionIndex)
        w.writeInt16(p.errorCode.rawValue)
        w.writeInt64(p.highWatermark)
        w.writeInt64(p.lastStableOffset)
        if version >= 5 { w.writeInt64(p.logStartOffset) }
        w.writeNullableArray(p.abortedTransactions, compact: flexible) { w, txn in
          w.writeInt64(txn.producerID)
          w.writeInt64(txn.firstOffset)
          w.writeEmptyTaggedFields(flexible: flexible)
        }
        if version >= 11 { w.writeInt32(p.preferredReadReplica) }
        w.writeBytes(p.records, compact: flexible)
        if flexible {
          if let leader = p.currentLeader {
            var tagged = KafkaWriter(capacity: 9)
            tagged.writeInt32(leader.leaderID)
            tagged.writeInt32(leader.leaderEpoch)
            tagged.writeEmptyTaggedFields()
            w.writeTaggedFields([(tag: 1, value: tagged.bytes)])
          } else {
            w.writeEmptyTaggedFields()
          }
        }
      }
      w.writeEmptyTaggedFields(flexible: flexible)
    }
    writer.writeEmptyTaggedFields(flexible: flexible)
  }
}
