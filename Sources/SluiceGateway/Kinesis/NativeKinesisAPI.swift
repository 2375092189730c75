/// The native Kinesis Data Streams API (JSON 1.1) on `POST /`: the operation is named by
/// `X-Amz-Target: Kinesis_20131202.<Operation>`, bodies are `application/x-amz-json-1.1`, blobs
/// base64 — what boto3 and the AWS SDKs send to an `endpoint_url`. Streams are never created
/// implicitly here (as in AWS).
struct NativeKinesisAPI: Sendable {
  static let contentType = "application/x-amz-json-1.1"
  static let targetPrefix = "Kinesis_20131202."

  /// The operations served.
  enum Operation: String, Sendable, CaseIterable {
    case createStream = "CreateStream"
    case deleteStream = "DeleteStream"
    case describeStream = "DescribeStream"
    case describeStreamSummary = "DescribeStreamSummary"
    case listStreams = "ListStreams"
    case listShards = "ListShards"
    case putRecord = "PutRecord"
    case putRecords = "PutRecords"
    case getShardIterator = "GetShardIterator"
    case getRecords = "GetRecords"
  }

  let streams: KinesisStreams
  let configuration: GatewayConfiguration

  /// The operation an `X-Amz-Target` names; `unknownOperation` otherwise.
  static func operation(target: String?) throws(GatewayError) -> Operation {
    guard let target else {
      throw GatewayError(
        .unknownOperation,
        "POST / needs an X-Amz-Target header like Kinesis_20131202.PutRecord (the Kinesis API)")
    }
    guard target.hasPrefix(targetPrefix),
      let operation = Operation(rawValue: String(target.dropFirst(targetPrefix.count)))
    else {
      let served = Operation.allCases.map(\.rawValue).joined(separator: ", ")
      throw GatewayError(
        .unknownOperation, "operation \(target) is not supported; this server implements \(served)")
    }
    return operation
  }

  static func checkContentType(_ contentType: String?) throws(GatewayError) {
    switch contentType {
    case "application/x-amz-json-1.1", "application/x-amz-json-1.0", "application/json": return
    case let other:
      throw GatewayError(
        .unsupportedMediaType,
        "Content-Type \(other ?? "(none)") is not supported by the Kinesis API; send application/x-amz-json-1.1 "
          + "(AWS Java SDKs: disable CBOR)")
    }
  }

  func handle(_ operation: Operation, contentType: String?, body: [UInt8]) async throws(GatewayError)
    -> GatewayReply
  {
    try Self.checkContentType(contentType)
    switch operation {
    case .putRecord, .putRecords:
      return try await put(batch: operation == .putRecords, body: body)
    default:
      break
    }
    let request = try ControlRequest(body: body)
    let output: [UInt8]
    switch operation {
    case .createStream:
      output = try streams.createStream(
        try request.requiredStreamName(), shardCount: try request.int("ShardCount"))
    case .deleteStream:
      output = try await streams.deleteStream(try request.requiredStreamName())
    case .describeStream:
      output = try streams.describeStream(
        try request.requiredStreamName(), limit: try request.int("Limit"),
        exclusiveStartShardID: try request.string("ExclusiveStartShardId"))
    case .describeStreamSummary:
      output = try streams.describeStreamSummary(try request.requiredStreamName())
    case .listStreams:
      var start = try request.string("ExclusiveStartStreamName")
      if start == nil, let token = try request.string("NextToken") {
        guard let decoded = Base64.decode(token) else {
          throw GatewayError(.invalidArgument, "NextToken is not one this server issued")
        }
        start = String(decoding: decoded, as: UTF8.self)
      }
      output = try streams.listStreams(limit: try request.int("Limit"), exclusiveStartStreamName: start)
    case .listShards:
      let nextToken = try request.string("NextToken")
      output = try streams.listShards(
        stream: nextToken == nil ? try request.requiredStreamName() : nil, nextToken: nextToken,
        exclusiveStartShardID: try request.string("ExclusiveStartShardId"),
        maxResults: try request.int("MaxResults"))
    case .getShardIterator:
      let typeName = try request.requiredString("ShardIteratorType")
      guard let type = ShardIteratorType(rawValue: typeName) else {
        let allowed = ShardIteratorType.allCases.map(\.rawValue).joined(separator: ", ")
        throw GatewayError(.invalidRequest, "ShardIteratorType \(typeName) is not one of \(allowed)")
      }
      output = try streams.shardIterator(
        stream: try request.requiredStreamName(), shardID: try request.requiredString("ShardId"), type: type,
        sequenceNumber: try request.string("StartingSequenceNumber"),
        timestampMs: try request.epochMilliseconds("Timestamp"))
    case .getRecords:
      output = try streams.records(
        iteratorToken: try request.requiredString("ShardIterator"), limit: try request.int("Limit"))
    case .putRecord, .putRecords:
      preconditionFailure("handled above")
    }
    return GatewayReply(contentType: Self.contentType, body: output)
  }

  private func put(batch: Bool, body: [UInt8]) async throws(GatewayError) -> GatewayReply {
    let request = try KinesisPutRequest(
      body: body, shape: .native, batch: batch, maxRecordBytes: configuration.maxRecordBytes)
    guard let stream = request.streamName else {
      throw GatewayError(.invalidRequest, "StreamName (or StreamARN) is required")
    }
    let positions = try await streams.put(request, stream: stream, creation: .off)
    let output =
      batch ? KinesisStreams.putRecordsResponse(positions) : KinesisStreams.putRecordResponse(positions[0])
    var reply = GatewayReply(contentType: Self.contentType, body: output)
    reply.records = request.records.count
    reply.recordBytes = request.records.payloadBytes
    return reply
  }
}
