/// ApiVersions (key 18), v0–v3: the first request on every connection. v3 requests are flexible
/// but the response header is always v0. A broker that does not support the requested version
/// answers UNSUPPORTED_VERSION encoded as v0 (with its key list): retry with a lower version.
public struct ApiVersionsRequest: KafkaRequest {
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
    fatalError("todo")
  }

  public static func decodeResponse(_ reader: inout KafkaReader, version: Int16) throws -> ApiVersionsResponse
  {
    fatalError("todo")
  }
}

/// The broker's supported versions per API.
public struct ApiVersionsResponse: Sendable, Hashable {
  public var errorCode: KafkaErrorCode
  public var apiKeys: [ApiVersionRange]
  public var throttleTimeMs: Int32

  public init(errorCode: KafkaErrorCode, apiKeys: [ApiVersionRange], throttleTimeMs: Int32 = 0) {
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
}
