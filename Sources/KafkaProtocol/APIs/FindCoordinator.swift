/// FindCoordinator (key 10), v0–v4: the broker coordinating a consumer group (key type 0) or a
/// transactional id (1). v4+ batches keys; this codec sends one key in every version.
public struct FindCoordinatorRequest: KafkaRequest, Hashable {
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
    try Self.checkVersion(version)
    let flexible = Self.isFlexible(version)
    if version >= 4 {
      writer.writeInt8(keyType)
      writer.writeArray([key], compact: flexible) { $0.writeString($1, compact: flexible) }
    } else {
      writer.writeString(key, compact: flexible)
      if version >= 1 { writer.writeInt8(keyType) }
    }
    writer.writeEmptyTaggedFields(flexible: flexible)
  }

  public static func decodeResponse(_ reader: inout KafkaReader, version: Int16) throws
    -> FindCoordinatorResponse
  {
    let flexible = isFlexible(version)
    let throttle = version >= 1 ? try reader.readInt32("FindCoordinator throttle time") : 0
    var coordinators: [FindCoordinatorResponse.Coordinator] = []
    if version >= 4 {
      coordinators = try reader.readArray("FindCoordinator coordinators", compact: true) { r in
        let key = try r.readString("FindCoordinator key", compact: true)
        let node = try r.readInt32("FindCoordinator node id")
        let host = try r.readString("FindCoordinator host", compact: true)
        let port = try r.readInt32("FindCoordinator port")
        let error = KafkaErrorCode(try r.readInt16("FindCoordinator error code"))
        let message = try r.readNullableString("FindCoordinator error message", compact: true)
        try r.skipTaggedFields("FindCoordinator coordinator tagged fields")
        return FindCoordinatorResponse.Coordinator(
          key: key, nodeID: node, host: host, port: port, errorCode: error, errorMessage: message)
      }
    } else {
      let error = KafkaErrorCode(try reader.readInt16("FindCoordinator error code"))
      let message =
        version >= 1 ? try reader.readNullableString("FindCoordinator error message", compact: flexible) : nil
      let node = try reader.readInt32("FindCoordinator node id")
      let host = try reader.readString("FindCoordinator host", compact: flexible)
      let port = try reader.readInt32("FindCoordinator port")
      coordinators = [
        .init(key: nil, nodeID: node, host: host, port: port, errorCode: error, errorMessage: message)
      ]
    }
    try reader.skipTaggedFields("FindCoordinator tagged fields", flexible: flexible)
    return FindCoordinatorResponse(throttleTimeMs: throttle, coordinators: coordinators)
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

    public init(
      key: String?, nodeID: Int32, host: String, port: Int32, errorCode: KafkaErrorCode = .none,
      errorMessage: String? = nil
    ) {
      self.key = key
      self.nodeID = nodeID
      self.host = host
      self.port = port
      self.errorCode = errorCode
      self.errorMessage = errorMessage
    }
  }

  public var throttleTimeMs: Int32
  /// One entry in v0–v3.
  public var coordinators: [Coordinator]

  public init(throttleTimeMs: Int32 = 0, coordinators: [Coordinator]) {
    self.throttleTimeMs = throttleTimeMs
    self.coordinators = coordinators
  }
}
