/// Request header v1 (api key, version, correlation id, nullable client id) and v2 (v1 + tagged
/// fields, for flexible request versions). The client id stays an `int16`-prefixed string in v2.
public struct RequestHeader: Sendable, Hashable {
  public var apiKey: Int16
  public var apiVersion: Int16
  public var correlationID: Int32
  public var clientID: String?

  public init(apiKey: Int16, apiVersion: Int16, correlationID: Int32, clientID: String?) {
    self.apiKey = apiKey
    self.apiVersion = apiVersion
    self.correlationID = correlationID
    self.clientID = clientID
  }

  /// Writes the header: v2 when `flexible`, else v1.
  public func encode(into writer: inout KafkaWriter, flexible: Bool) {
    writer.writeInt16(apiKey)
    writer.writeInt16(apiVersion)
    writer.writeInt32(correlationID)
    writer.writeNullableString(clientID)
    writer.writeEmptyTaggedFields(flexible: flexible)
  }

  /// Reads a v1 or v2 header (for brokers and tests).
  public static func decode(_ reader: inout KafkaReader, flexible: Bool) throws -> RequestHeader {
    let key = try reader.readInt16("request header api key")
    let version = try reader.readInt16("request header api version")
    let correlation = try reader.readInt32("request header correlation id")
    let client = try reader.readNullableString("request header client id")
    try reader.skipTaggedFields("request header tagged fields", flexible: flexible)
    return RequestHeader(apiKey: key, apiVersion: version, correlationID: correlation, clientID: client)
  }
}

/// Response header v0 (correlation id) and v1 (v0 + tagged fields, flexible responses except
/// ApiVersions, which always uses v0).
public struct ResponseHeader: Sendable, Hashable {
  public var correlationID: Int32

  public init(correlationID: Int32) { self.correlationID = correlationID }

  public func encode(into writer: inout KafkaWriter, flexible: Bool) {
    writer.writeInt32(correlationID)
    writer.writeEmptyTaggedFields(flexible: flexible)
  }

  public static func decode(_ reader: inout KafkaReader, flexible: Bool) throws -> ResponseHeader {
    let correlation = try reader.readInt32("response header correlation id")
    try reader.skipTaggedFields("response header tagged fields", flexible: flexible)
    return ResponseHeader(correlationID: correlation)
  }

  /// The correlation id of a response frame (its first four bytes), without decoding the rest:
  /// lets a connection match a frame to its pending request before knowing the API.
  public static func correlationID(of frame: [UInt8]) throws -> Int32 {
    var reader = KafkaReader(frame)
    return try reader.readInt32("response header correlation id")
  }
}
