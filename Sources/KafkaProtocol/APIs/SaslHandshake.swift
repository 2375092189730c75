/// SaslHandshake (key 17), v0–v1: selects the SASL mechanism (`PLAIN`, `SCRAM-SHA-256`,
/// `SCRAM-SHA-512`). With v1 the exchange continues with ``SaslAuthenticateRequest``.
public struct SaslHandshakeRequest: KafkaRequest, Hashable {
  public typealias Response = SaslHandshakeResponse
  public static let apiKey = ApiKey.saslHandshake
  public static let versions: ClosedRange<Int16> = 0...1
  public static let firstFlexibleVersion: Int16 = .max

  public var mechanism: String

  public init(mechanism: String) { self.mechanism = mechanism }

  public func encodeBody(into writer: inout KafkaWriter, version: Int16) throws {
    try Self.checkVersion(version)
    let flexible = Self.isFlexible(version)
    _ = flexible
    writer.writeString(mechanism)
  }

  public static func decodeResponse(_ reader: inout KafkaReader, version: Int16) throws
    -> SaslHandshakeResponse
  {
    let error = KafkaErrorCode(try reader.readInt16("SaslHandshake error code"))
    let mechanisms = try reader.readArray("SaslHandshake mechanisms") {
      try $0.readString("SaslHandshake mechanism")
    }
    return SaslHandshakeResponse(errorCode: error, mechanisms: mechanisms)
  }
}

public struct SaslHandshakeResponse: Sendable, Hashable {
  public var errorCode: KafkaErrorCode
  /// Mechanisms the broker enables.
  public var mechanisms: [String]

  public init(errorCode: KafkaErrorCode = .none, mechanisms: [String]) {
    self.errorCode = errorCode
    self.mechanisms = mechanisms
  }
}
