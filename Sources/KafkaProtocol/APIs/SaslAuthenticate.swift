/// SaslAuthenticate (key 36), v0–v2: one SASL exchange step (opaque mechanism bytes).
public struct SaslAuthenticateRequest: KafkaRequest, Hashable {
  public typealias Response = SaslAuthenticateResponse
  public static let apiKey = ApiKey.saslAuthenticate
  public static let versions: ClosedRange<Int16> = 0...2
  public static let firstFlexibleVersion: Int16 = 2

  public var authBytes: [UInt8]

  public init(authBytes: [UInt8]) { self.authBytes = authBytes }

  public func encodeBody(into writer: inout KafkaWriter, version: Int16) throws {
    try Self.checkVersion(version)
    let flexible = Self.isFlexible(version)
    writer.writeBytes(authBytes, compact: flexible)
    writer.writeEmptyTaggedFields(flexible: flexible)
  }

  public static func decodeResponse(_ reader: inout KafkaReader, version: Int16) throws
    -> SaslAuthenticateResponse
  {
    let flexible = isFlexible(version)
    let error = KafkaErrorCode(try reader.readInt16("SaslAuthenticate error code"))
    let message = try reader.readNullableString("SaslAuthenticate error message", compact: flexible)
    let bytes = try reader.readNullableBytes("SaslAuthenticate auth bytes", compact: flexible) ?? []
    let lifetime = version >= 1 ? try reader.readInt64("SaslAuthenticate session lifetime") : 0
    try reader.skipTaggedFields("SaslAuthenticate tagged fields", flexible: flexible)
    return SaslAuthenticateResponse(
      errorCode: error, errorMessage: message, authBytes: Array(bytes), sessionLifetimeMs: lifetime)
  }
}

public struct SaslAuthenticateResponse: Sendable, Hashable {
  public var errorCode: KafkaErrorCode
  public var errorMessage: String?
  public var authBytes: [UInt8]
  /// v1+, else 0.
  public var sessionLifetimeMs: Int64

  public init(
    errorCode: KafkaErrorCode = .none, errorMessage: String? = nil, authBytes: [UInt8],
    sessionLifetimeMs: Int64 = 0
  ) {
    self.errorCode = errorCode
    self.errorMessage = errorMessage
    self.authBytes = authBytes
    self.sessionLifetimeMs = sessionLifetimeMs
  }
}
