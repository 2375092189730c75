/// Produce (key 0), v3–v9: appends record batches (from ``RecordBatchEncoder``) — for tests and
/// tooling. With `acks` 0 the broker sends no response.
public struct ProduceRequest: KafkaRequest {
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
    fatalError("todo")
  }

  public static func decodeResponse(_ reader: inout KafkaReader, version: Int16) throws -> ProduceResponse {
    fatalError("todo")
  }
}

public struct ProduceResponse: Sendable, Hashable {
  public struct RecordError: Sendable, Hashable {
    public var batchIndex: Int32
    public var message: String?
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
  }

  public struct Topic: Sendable, Hashable {
    public var name: String
    public var partitions: [Partition]
  }

  public var topics: [Topic]
  public var throttleTimeMs: Int32
}
