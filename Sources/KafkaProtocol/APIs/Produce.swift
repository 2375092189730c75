/// Produce (key 0), v3–v9: appends record batches (from ``RecordBatchEncoder``) — for tests and
/// tooling. With `acks` 0 the broker sends no response.
public struct ProduceRequest: KafkaRequest, Hashable {
  public typealias Response = ProduceResponse
  public static let apiKey = ApiKey.produce
  public static let versions: ClosedRange<Int16> = 3...9
  public static let firstFlexibleVersion: Int16 = 9

  public struct Partition: Sendable, Hashable {
    public var index: Int32
    public var records: [UInt8]
    public init(index: Int32, records: [UInt8]) {
      self.index = index
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

  public var transactionalID: String?
  /// 0 none, 1 leader, −1 all in-sync replicas.
  public var acks: Int16
  public var timeoutMs: Int32
  public var topics: [Topic]

  public init(topics: [Topic], acks: Int16 = -1, timeoutMs: Int32 = 30_000, transactionalID: String? = nil) {
    self.topics = topics
    self.acks = acks
    self.timeoutMs = timeoutMs
    self.transactionalID = transactionalID
  }

  public var expectsResponse: Bool { acks != 0 }

  public func encodeBody(into writer: inout KafkaWriter, version: Int16) throws {
    try Self.checkVersion(version)
    let flexible = Self.isFlexible(version)
    writer.writeNullableString(transactionalID, compact: flexible)
    writer.writeInt16(acks)
    writer.writeInt32(timeoutMs)
    writer.writeArray(topics, compact: flexible) { w, topic in
      w.writeString(topic.name, compact: flexible)
      w.writeArray(topic.partitions, compact: flexible) { w, p in
        w.writeInt32(p.index)
        w.writeBytes(p.records, compact: flexible)
        w.writeEmptyTaggedFields(flexible: flexible)
      }
      w.writeEmptyTaggedFields(flexible: flexible)
    }
    writer.writeEmptyTaggedFields(flexible: flexible)
  }

  public static func decodeResponse(_ reader: inout KafkaReader, version: Int16) throws -> ProduceResponse {
    let flexible = isFlexible(version)
    let topics = try reader.readArray("Produce responses", compact: flexible) { r in
      let name = try r.readString("Produce topic name", compact: flexible)
      let partitions = try r.readArray("Produce partition responses", compact: flexible) { p in
        let index = try p.readInt32("Produce partition index")
        let error = KafkaErrorCode(try p.readInt16("Produce error code"))
        let base = try p.readInt64("Produce base offset")
        let appendTime = try p.readInt64("Produce log append time")
        let logStart = version >= 5 ? try p.readInt64("Produce log start offset") : -1
        var recordErrors: [ProduceResponse.RecordError] = []
        var message: String?
        if version >= 8 {
          recordErrors = try p.readArray("Produce record errors", compact: flexible) { e in
            let recordError = ProduceResponse.RecordError(
              batchIndex: try e.readInt32("Produce record error batch index"),
              message: try e.readNullableString("Produce record error message", compact: flexible))
            try e.skipTaggedFields("Produce record error tagged fields", flexible: flexible)
            return recordError
          }
          message = try p.readNullableString("Produce error message", compact: flexible)
        }
        try p.skipTaggedFields("Produce partition tagged fields", flexible: flexible)
        return ProduceResponse.Partition(
          index: index, errorCode: error, baseOffset: base, logAppendTimeMs: appendTime,
          logStartOffset: logStart,
          recordErrors: recordErrors, errorMessage: message)
      }
      try r.skipTaggedFields("Produce topic tagged fields", flexible: flexible)
      return ProduceResponse.Topic(name: name, partitions: partitions)
    }
    let throttle = try reader.readInt32("Produce throttle time")
    try reader.skipTaggedFields("Produce tagged fields", flexible: flexible)
    return ProduceResponse(topics: topics, throttleTimeMs: throttle)
  }
}

public struct ProduceResponse: Sendable, Hashable {
  public struct RecordError: Sendable, Hashable {
    public var batchIndex: Int32
    public var message: String?

    public init(batchIndex: Int32, message: String?) {
      self.batchIndex = batchIndex
      self.message = message
    }
  }

  public struct Partition: Sendable, Hashable {
    public var index: Int32
    public var errorCode: KafkaErrorCode
    public var baseOffset: Int64
    /// −1 unless the topic uses LogAppendTime.
    public var logAppendTimeMs: Int64
    /// v5+, else −1.
    public var logStartOffset: Int64
    /// v8+.
    public var recordErrors: [RecordError]
    /// v8+.
    public var errorMessage: String?

    public init(
      index: Int32, errorCode: KafkaErrorCode = .none, baseOffset: Int64, logAppendTimeMs: Int64 = -1,
      logStartOffset: Int64 = -1, recordErrors: [RecordError] = [], errorMessage: String? = nil
    ) {
      self.index = index
      self.errorCode = errorCode
      self.baseOffset = baseOffset
      self.logAppendTimeMs = logAppendTimeMs
      self.logStartOffset = logStartOffset
      self.recordErrors = recordErrors
      self.errorMessage = errorMessage
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

  public var topics: [Topic]
  public var throttleTimeMs: Int32

  public init(topics: [Topic], throttleTimeMs: Int32 = 0) {
    self.topics = topics
    self.throttleTimeMs = throttleTimeMs
  }
}

extension ProduceRequest: KafkaDecodableRequest {
  public static func decodeBody(_ reader: inout KafkaReader, version: Int16) throws -> ProduceRequest {
    try checkVersion(version)
    let flexible = isFlexible(version)
    let transactional = try reader.readNullableString("Produce transactional id", compact: flexible)
    let acks = try reader.readInt16("Produce acks")
    let timeout = try reader.readInt32("Produce timeout")
    let topics = try reader.readArray("Produce topic data", compact: flexible) { r in
      let name = try r.readString("Produce topic name", compact: flexible)
      let partitions = try r.readArray("Produce partition data", compact: flexible) { p in
        let index = try p.readInt32("Produce partition index")
        let records = try p.readNullableBytes("Produce records", compact: flexible) ?? []
        try p.skipTaggedFields("Produce partition tagged fields", flexible: flexible)
        return Partition(index: index, records: Array(records))
      }
      try r.skipTaggedFields("Produce topic tagged fields", flexible: flexible)
      return Topic(name: name, partitions: partitions)
    }
    try reader.skipTaggedFields("Produce request tagged fields", flexible: flexible)
    return ProduceRequest(topics: topics, acks: acks, timeoutMs: timeout, transactionalID: transactional)
  }
}

extension ProduceResponse {
  /// Writes the response body for `version` (for test brokers and fixtures).
  public func encode(into writer: inout KafkaWriter, version: Int16) {
    let flexible = version >= 9
    writer.writeArray(topics, compact: flexible) { w, topic in
      w.writeString(topic.name, compact: flexible)
      w.writeArray(topic.partitions, compact: flexible) { w, p in
        w.writeInt32(p.index)
        w.writeInt16(p.errorCode.rawValue)
        w.writeInt64(p.baseOffset)
        w.writeInt64(p.logAppendTimeMs)
        if version >= 5 { w.writeInt64(p.logStartOffset) }
        if version >= 8 {
          w.writeArray(p.recordErrors, compact: flexible) { w, e in
            w.writeInt32(e.batchIndex)
            w.writeNullableString(e.message, compact: flexible)
            w.writeEmptyTaggedFields(flexible: flexible)
          }
          w.writeNullableString(p.errorMessage, compact: flexible)
        }
        w.writeEmptyTaggedFields(flexible: flexible)
      }
      w.writeEmptyTaggedFields(flexible: flexible)
    }
    writer.writeInt32(throttleTimeMs)
    writer.writeEmptyTaggedFields(flexible: flexible)
  }
}
