/// A request body of one Kafka API together with its response decoder.
///
/// Conformers encode the body for any version in ``versions`` (throwing
/// ``KafkaProtocolError/Code/unsupportedVersion`` outside it) and decode the matching response
/// body. The extension adds the size prefix and headers.
public protocol KafkaRequest: Sendable {
  associatedtype Response: Sendable
  static var apiKey: ApiKey { get }
  /// The versions this codec implements.
  static var versions: ClosedRange<Int16> { get }
  /// The first flexible version (compact encodings, tagged fields, header v2/v1).
  static var firstFlexibleVersion: Int16 { get }
  /// Whether the broker answers (Produce with acks 0 does not).
  var expectsResponse: Bool { get }

  func encodeBody(into writer: inout KafkaWriter, version: Int16) throws
  static func decodeResponse(_ reader: inout KafkaReader, version: Int16) throws -> Response
}

extension KafkaRequest {
  public var expectsResponse: Bool { true }

  public static func isFlexible(_ version: Int16) -> Bool { version >= firstFlexibleVersion }

  /// Whether responses to `version` use header v1 (ApiVersions always uses v0).
  public static func responseHeaderIsFlexible(_ version: Int16) -> Bool {
    apiKey != .apiVersions && isFlexible(version)
  }

  static func checkVersion(_ version: Int16) throws {
    guard versions.contains(version) else {
      throw KafkaProtocolError(
        .unsupportedVersion,
        "\(apiKey) version \(version) is not implemented (this codec supports \(versions.lowerBound)–\(versions.upperBound))"
      )
    }
  }

  /// The complete request frame: `int32` size, header (v2 if flexible, else v1), body.
  public func encodeFrame(version: Int16, correlationID: Int32, clientID: String?) throws -> [UInt8] {
    try Self.checkVersion(version)
    var writer = KafkaWriter()
    writer.writeInt32(0)
    RequestHeader(
      apiKey: Self.apiKey.rawValue, apiVersion: version, correlationID: correlationID, clientID: clientID
    ).encode(into: &writer, flexible: Self.isFlexible(version))
    try encodeBody(into: &writer, version: version)
    writer.patchInt32(at: 0, Int32(writer.count - 4))
    return writer.bytes
  }

  /// Decodes a response frame (without its size prefix, as ``KafkaFrameDecoder`` returns it):
  /// header, then body.
  public static func decodeResponseFrame(_ frame: [UInt8], version: Int16) throws -> (
    correlationID: Int32, response: Response
  ) {
    try checkVersion(version)
    var reader = KafkaReader(frame)
    let header = try ResponseHeader.decode(&reader, flexible: responseHeaderIsFlexible(version))
    let response = try decodeResponse(&reader, version: version)
    return (header.correlationID, response)
  }
}
