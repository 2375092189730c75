/// FindCoordinator (key 10), v0–v4: the broker coordinating a consumer group (key type 0) or a
/// transactional id (1). v4+ batches keys; this codec sends one key in every version.
public struct FindCoordinatorRequest: KafkaRequest {
  public typealias Response = FindCoordinatorResponse
  public static let apiKey = ApiKey.findCoordinator
  public static let versions: ClosedRange<Int16> = 0...4
  public static let firstFlexibleVersion: Int16 = 3

  public var key: String
  /// 0 = group, 1 = transaction (v1+).
  public var keyType: Int8

  public init(key: String, keyType: Int8 = 0) {
    self.key = key
    self.keyType = keyType
  }

  public func encodeBody(into writer: inout KafkaWriter, version: Int16) throws {
    fatalError("todo")
  }

  public static func decodeResponse(_ reader: inout KafkaReader, version: Int16) throws
    -> FindCoordinatorResponse
  {
    fatalError("todo")
  }
}

public struct FindCoordinatorResponse: Sendable, Hashable {
  public struct Coordinator: Sendable, Hashable {
    /// The key (v4+); `nil` in v0–v3 responses, which answer the single requested key.
    public var key: String?
    public var nodeID: Int32
    public var host: String
    public var port: Int32
    public var errorCode: KafkaErrorCode
    public var errorMessage: String?
  }

  public var throttleTimeMs: Int32
  /// One entry in v0–v3.
  public var coordinators: [Coordinator]
}
