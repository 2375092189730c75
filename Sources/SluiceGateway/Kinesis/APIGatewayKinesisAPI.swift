import SluiceCore

/// The REST API the seeds' streaming producers call (an AWS API Gateway in front of Kinesis, per
/// AWS's tutorial): `PUT /streams/{stream}/record`, `PUT|POST /streams/{stream}/records`,
/// `GET /streams`, `GET|POST|DELETE /streams/{stream}`. The stream comes from the path (a
/// `StreamName` in the body is ignored, as the mapping template does); bodies and answers are the
/// Kinesis ones (`application/json`). See ``KinesisPutRequest`` for what is stored.
struct APIGatewayKinesisAPI: Sendable {
  static let contentType = "application/json"

  let streams: KinesisStreams
  let configuration: GatewayConfiguration

  /// API Gateway maps JSON bodies; a missing Content-Type is taken as JSON (its default).
  static func checkContentType(_ contentType: String?) throws(GatewayError) {
    switch contentType {
    case nil, "application/json", "application/x-amz-json-1.1", "application/x-amz-json-1.0": return
    case let other?:
      throw GatewayError(
        .unsupportedMediaType, "Content-Type \(other) is not supported; send application/json")
    }
  }

  func putRecord(stream: String, contentType: String?, body: [UInt8]) async throws(GatewayError)
    -> GatewayReply
  {
    try Self.checkContentType(contentType)
    let request = try KinesisPutRequest(
      body: body, shape: .apiGateway, batch: false, maxRecordBytes: configuration.maxRecordBytes)
    let positions = try await streams.put(request, stream: stream, creation: configuration.topicCreation)
    return reply(KinesisStreams.putRecordResponse(positions[0]), request)
  }

  func putRecords(stream: String, contentType: String?, body: [UInt8]) async throws(GatewayError)
    -> GatewayReply
  {
    try Self.checkContentType(contentType)
    let request = try KinesisPutRequest(
      body: body, shape: .apiGateway, batch: true, maxRecordBytes: configuration.maxRecordBytes)
    let positions = try await streams.put(request, stream: stream, creation: configuration.topicCreation)
    return reply(KinesisStreams.putRecordsResponse(positions), request)
  }

  func listStreams() throws(GatewayError) -> GatewayReply {
    GatewayReply(
      contentType: Self.contentType,
      body: try streams.listStreams(limit: 10_000, exclusiveStartStreamName: nil))
  }

  func describeStream(_ stream: String) throws(GatewayError) -> GatewayReply {
    GatewayReply(
      contentType: Self.contentType,
      body: try streams.describeStream(stream, limit: 10_000, exclusiveStartShardID: nil))
  }

  /// Body `{"ShardCount": n}` (optional; empty body = the default shard count).
  func createStream(_ stream: String, contentType: String?, body: [UInt8]) throws(GatewayError)
    -> GatewayReply
  {
    var shardCount: Int?
    if !body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
      try Self.checkContentType(contentType)
      let json = try ControlRequest(body: body)
      shardCount = try json.int("ShardCount")
    }
    return GatewayReply(
      contentType: Self.contentType, body: try streams.createStream(stream, shardCount: shardCount))
  }

  func deleteStream(_ stream: String) async throws(GatewayError) -> GatewayReply {
    GatewayReply(contentType: Self.contentType, body: try await streams.deleteStream(stream))
  }

  private func reply(_ body: [UInt8], _ request: KinesisPutRequest) -> GatewayReply {
    var reply = GatewayReply(contentType: Self.contentType, body: body)
    reply.records = request.records.count
    reply.recordBytes = request.records.payloadBytes
    return reply
  }
}
