/// ApiVersions (key 18), v0–v3: the first request on every connection. v3 requests are flexible
/// but the response header is always v0. A broker that does not support the requested version
/// answers UNSUPPORTED_VERSION encoded as v0 (with its key list): retry with a lower version.
public struct ApiVersionsRequest: KafkaRequest, Hashable {
  public typealias Response = ApiVersionsResponse
  public static let apiKey = ApiKey.apiVersions
  public static let versions: ClosedRange<Int16> = 0...3
  public static let firstFlexibleVersion: Int16 = 3

  public var clientSoftwareName: String
  public var clientSoftwareVersion: String

  public init(clientSoftwareName: String = "sluice", clientSoftwareVersion: String = "0.1.0") {
    self.clientSoftwareName = clientSoftwareName
    self.clientSoftwareVersion = clientSoftwareVersion
  }

  public func encodeBody(into writer: inout KafkaWriter, version: Int16) throws {
    try Self.checkVersion(version)
    guard version >= 3 else { return }
    writer.writeString(clientSoftwareName, compact: true)
    writer.writeString(clientSoftwareVersion, compact: true)
    writer.writeEmptyTaggedFields()
  }

  public static func decodeResponse(_ reader: inout KafkaReader, version: Int16) throws -> ApiVersionsResponse
  {
    try ApiVersionsResponse.decode(&reader, version: version)
  }
}

/// The broker's supported versions per API.
public struct ApiVersionsResponse: Sendable, Hashable {
  public var errorCode: KafkaErrorCode
  public var apiKeys: [ApiVersionRange]
  public var throttleTimeMs: Int32

  public init(errorCode: KafkaErrorCode = .none, apiKeys: [ApiVersionRange], throttleTimeMs: Int32 = 0) {
    self.errorCode = errorCode
    self.apiKeys = apiKeys
    self.throttleTimeMs = throttleTimeMs
  }

  /// The broker's range for `key`, if it supports the API at all.
  public func range(for key: ApiKey) -> ApiVersionRange? {
    apiKeys.first { $0.apiKey == key.rawValue }
  }

  /// The version to use for `request`: the highest both support, or `nil`.
  public func version<R: KafkaRequest>(for request: R.Type) -> Int16? {
    range(for: R.apiKey).flatMap { negotiate(ours: R.versions, broker: $0) }
  }

  static func decode(_ reader: inout KafkaReader, version: Int16) throws -> ApiVersionsResponse {
    let errorCode = KafkaErrorCode(try reader.readInt16("ApiVersions error code"))
    // A broker rejecting our version answers in v0 layout whatever we asked.
    let effective = errorCode == .unsupportedVersion ? 0 : version
    let flexible = effective >= 3
    let keys = try reader.readArray("ApiVersions api keys", compact: flexible) { r in
      let range = ApiVersionRange(
        apiKey: try r.readInt16("ApiVersions api key"),
        minVersion: try r.readInt16("ApiVersions min version"),
        maxVersion: try r.readInt16("ApiVersions max version"))
      try r.skipTaggedFields("ApiVersions api key tagged fields", flexible: flexible)
      return range
    }
    var throttle: Int32 = 0
    if effective >= 1 {
      throttle = try reader.readInt32("ApiVersions throttle time")
    }
    try reader.skipTaggedFields("ApiVersions tagged fields", flexible: flexible)
    return ApiVersionsResponse(errorCode: errorCode, apiKeys: keys, throttleTimeMs: throttle)
  }

  /// Writes the response body for `version` (for test brokers and fixtures).
  public func encode(into writer: inout KafkaWriter, version: Int16) {
    let flexible = version >= 3
    writer.writeInt16(errorCode.rawValue)
    writer.writeArray(apiKeys, compact: flexible) { w, range in
      w.writeInt16(range.apiKey)
      w.writeInt16(range.minVersion)
      w.writeInt16(range.maxVersion)
      w.writeEmptyTaggedFields(flexible: flexible)
    }
    if version >= 1 { writer.writeInt32(throttleTimeMs) }
    writer.writeEmptyTaggedFields(flexible: flexible)
  }
}

extension ApiVersionsRequest: KafkaDecodableRequest {
  public static func decodeBody(_ reader: inout KafkaReader, version: Int16) throws -> ApiVersionsRequest {
    try checkVersion(version)
    guard version >= 3 else { return ApiVersionsRequest(clientSoftwareName: "", clientSoftwareVersion: "") }
    let name = try reader.readString("ApiVersions client software name", compact: true)
    let softwareVersion = try reader.readString("ApiVersions client software version", compact: true)
    try reader.skipTaggedFields("ApiVersions request tagged fields")
    return ApiVersionsRequest(clientSoftwareName: name, clientSoftwareVersion: softwareVersion)
  }
}
