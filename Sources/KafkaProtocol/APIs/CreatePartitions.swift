/// CreatePartitions (key 37), v0–v3: raises a topic's partition count (tests, admin tooling).
public struct CreatePartitionsRequest: KafkaRequest {
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
    fatalError("todo")
  }

  public static func decodeResponse(_ reader: inout KafkaReader, version: Int16) throws
    -> CreatePartitionsResponse
  {
    fatalError("todo")
  }
}

public struct CreatePartitionsResponse: Sendable, Hashable {
  public struct Result: Sendable, Hashable {
    public var name: String
    public var errorCode: KafkaErrorCode
    public var errorMessage: String?
  }

  public var throttleTimeMs: Int32
  public var results: [Result]
}
