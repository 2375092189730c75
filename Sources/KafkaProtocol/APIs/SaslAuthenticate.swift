/// SaslAuthenticate (key 36), v0–v2: one SASL exchange step (opaque mechanism bytes).
public struct SaslAuthenticateRequest: KafkaRequest {
  public typealias Response = SaslAuthenticateResponse
  public static let apiKey = ApiKey.saslAuthenticate
  public static let versions: ClosedRange<Int16> = 0...2
  public static let firstFlexibleVersion: Int16 = 2

  public var authBytes: [UInt8]

  public init(authBytes: [UInt8]) { self.authBytes = authBytes }

  public func encodeBody(into writer: inout KafkaWriter, version: Int16) throws {
    fatalError("todo")
  }

  public static func decodeResponse(_ reader: inout KafkaReader, version: Int16) throws
    -> SaslAuthenticateResponse
  {
    fatalError("todo")
  }
}

public struct SaslAuthenticateResponse: Sendable, Hashable {
  public var errorCode: KafkaErrorCode
  public var errorMessage: String?
  public var authBytes: [UInt8]
  /// v1+, else 0.
  public var sessionLifetimeMs: Int64
}
