/// CreatePartitions (key 37), v0–v3: raises a topic's partition count (tests, admin tooling).
public struct CreatePartitionsRequest: KafkaRequest, Hashable {
  public typealias Response = CreatePartitionsResponse
  public static let apiKey = ApiKey.createPartitions
  public static let versions: ClosedRange<Int16> = 0...3
  public static let firstFlexibleVersion: Int16 = 2

  public struct Topic: Sendable, Hashable {
    public var name: String
    /// The new total partition count.
    public var count: Int32
    /// Replica broker ids per new partition; `nil` lets the broker choose.
    public var assignments: [[Int32]]?
    public init(name: String, count: Int32, assignments: [[Int32]]? = nil) {
      self.name = name
      self.count = count
      self.assignments = assignments
    }
  }

  public var topics: [Topic]
  public var timeoutMs: Int32
  public var validateOnly: Bool

  public init(topics: [Topic], timeoutMs: Int32 = 30_000, validateOnly: Bool = false) {
    self.topics = topics
    self.timeoutMs = timeoutMs
    self.validateOnly = validateOnly
  }

  public func encodeBody(into writer: inout KafkaWriter, version: Int16) throws {
    try Self.checkVersion(version)
    let flexible = Self.isFlexible(version)
    writer.writeArray(topics, compact: flexible) { w, topic in
      w.writeString(topic.name, compact: flexible)
      w.writeInt32(topic.count)
      w.writeNullableArray(topic.assignments, compact: flexible) { w, brokers in
        w.writeArray(brokers, compact: flexible) { $0.writeInt32($1) }
        w.writeEmptyTaggedFields(flexible: flexible)
      }
      w.writeEmptyTaggedFields(flexible: flexible)
    }
    writer.writeInt32(timeoutMs)
    writer.writeBool(validateOnly)
    writer.writeEmptyTaggedFields(flexible: flexible)
  }

  public static func decodeResponse(_ reader: inout KafkaReader, version: Int16) throws
    -> CreatePartitionsResponse
  {
    let flexible = isFlexible(version)
    let throttle = try reader.readInt32("CreatePartitions throttle time")
    let results = try reader.readArray("CreatePartitions results", compact: flexible) { r in
      let result = CreatePartitionsResponse.Result(
        name: try r.readString("CreatePartitions topic name", compact: flexible),
        errorCode: KafkaErrorCode(try r.readInt16("CreatePartitions error code")),
        errorMessage: try r.readNullableString("CreatePartitions error message", compact: flexible))
      try r.skipTaggedFields("CreatePartitions result tagged fields", flexible: flexible)
      return result
    }
    try reader.skipTaggedFields("CreatePartitions tagged fields", flexible: flexible)
    return CreatePartitionsResponse(throttleTimeMs: throttle, results: results)
  }
}

public struct CreatePartitionsResponse: Sendable, Hashable {
  public struct Result: Sendable, Hashable {
    public var name: String
    public var errorCode: KafkaErrorCode
    public var errorMessage: String?

    public init(name: String, errorCode: KafkaErrorCode = .none, errorMessage: String? = nil) {
      self.name = name
      self.errorCode = errorCode
      self.errorMessage = errorMessage
    }
  }

  public var throttleTimeMs: Int32
  public var results: [Result]

  public init(throttleTimeMs: Int32 = 0, results: [Result]) {
    self.throttleTimeMs = throttleTimeMs
    self.results = results
  }
}
