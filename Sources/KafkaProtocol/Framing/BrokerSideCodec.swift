/// A request a broker (or a test double of one) can decode.
public protocol KafkaDecodableRequest: KafkaRequest {
  /// Reads the request body of `version` (after the header).
  static func decodeBody(_ reader: inout KafkaReader, version: Int16) throws -> Self
}

/// A response a broker (or a test double of one) can encode.
public protocol KafkaEncodableResponse: Sendable {
  /// Writes the response body of `version` (after the header).
  func encode(into writer: inout KafkaWriter, version: Int16)
}

/// The broker side of the framing: request headers in, response frames out — for in-memory test
/// brokers speaking real Kafka bytes.
public enum KafkaBrokerCodec {
  /// Reads the header of a request frame (without its size prefix); the header version (v1 or
  /// v2) follows from the API key and version. Returns the header and a reader at the body.
  public static func decodeRequest(_ frame: [UInt8]) throws -> (header: RequestHeader, body: KafkaReader) {
    var reader = KafkaReader(frame)
    let keyValue = try reader.readInt16("request header api key")
    let version = try reader.readInt16("request header api version")
    guard let key = ApiKey(rawValue: keyValue) else {
      throw KafkaProtocolError(
        .unsupportedVersion, "request for unknown API key \(keyValue) (version \(version))")
    }
    reader = KafkaReader(frame)
    let header = try RequestHeader.decode(&reader, flexible: version >= key.firstFlexibleVersion)
    return (header, reader)
  }

  /// A complete response frame (size prefix, header v0/v1 as the API requires, body).
  public static func encodeResponseFrame<R: KafkaRequest>(
    _ response: R.Response, for request: R.Type, version: Int16, correlationID: Int32
  ) -> [UInt8] where R.Response: KafkaEncodableResponse {
    var writer = KafkaWriter()
    writer.writeInt32(0)
    ResponseHeader(correlationID: correlationID).encode(
      into: &writer, flexible: R.responseHeaderIsFlexible(version))
    response.encode(into: &writer, version: version)
    writer.patchInt32(at: 0, Int32(writer.count - 4))
    return writer.bytes
  }
}

extension ApiKey {
  /// The first flexible version of each API's request (header v2 from there on).
  public var firstFlexibleVersion: Int16 {
    switch self {
    case .produce: 9
    case .fetch: 12
    case .listOffsets: 6
    case .metadata: 9
    case .offsetCommit: 8
    case .offsetFetch: 6
    case .findCoordinator: 3
    case .joinGroup: 6
    case .heartbeat: 4
    case .leaveGroup: 4
    case .syncGroup: 4
    case .saslHandshake: .max
    case .apiVersions: 3
    case .createTopics: 5
    case .deleteTopics: 4
    case .initProducerID: 2
    case .saslAuthenticate: 2
    case .createPartitions: 2
    }
  }
}

extension ApiVersionsResponse: KafkaEncodableResponse {}
extension MetadataResponse: KafkaEncodableResponse {}
extension ListOffsetsResponse: KafkaEncodableResponse {}
extension FetchResponse: KafkaEncodableResponse {}
extension ProduceResponse: KafkaEncodableResponse {}
