import AsyncHTTPClient
import Foundation
public import Logging
import NIOCore
import NIOHTTP1
public import SluiceAWS
import SluiceCore

/// The Kinesis Data Streams API over HTTP(S): JSON 1.1 bodies, `X-Amz-Target:
/// Kinesis_20131202.<Operation>`, SigV4-signed with the given credentials.
///
/// Contract: one method call is one HTTP request (no retries here — wrap in ``RetryingKinesis``);
/// a non-200 answer becomes a ``KinesisError`` whose code comes from the service's `__type`
/// (JSON) or `<Code>` (XML, as moto answers signature failures) and whose message says what to do.
public struct KinesisHTTPClient: KinesisAPI {
  public let endpoint: KinesisEndpoint
  public let region: String
  public let credentials: AWSCredentials
  let signer: SigV4Signer
  let http: HTTPClient
  let clock: any KinesisClock
  let timeout: TimeAmount
  let logger: Logger

  /// - Parameters:
  ///   - endpoint: an override URL, or `nil` for the AWS endpoint of `region`.
  ///   - timeoutSeconds: per request.
  public init(
    region: String, credentials: AWSCredentials, endpoint: String? = nil, timeoutSeconds: Int64 = 30,
    clock: any KinesisClock = SystemKinesisClock(), logger: Logger = Logger(label: "sluice.kinesis")
  ) throws(KinesisError) {
    self.endpoint =
      try endpoint.map { (url) throws(KinesisError) in try KinesisEndpoint(url: url) }
      ?? KinesisEndpoint(region: region)
    self.region = region
    self.credentials = credentials
    self.signer = SigV4Signer(region: region, service: "kinesis")
    self.http = HTTPClient.shared
    self.clock = clock
    self.timeout = .seconds(timeoutSeconds)
    self.logger = logger
  }

  // MARK: operations

  public func listShards(_ stream: StreamAddress, nextToken: String?) async throws -> ListShardsPage {
    var members: [(String, JSONValue)]
    if let nextToken {
      members = [("NextToken", .string(nextToken))]
    } else {
      members = [stream.member].map { ($0.0, JSONValue.string($0.1)) }
    }
    members.append(("MaxResults", .int(1000)))
    let json = try await callJSON("ListShards", members, stream: stream)
    let shards = try (json["Shards"]?.arrayValue ?? []).map { (item) throws(KinesisError) in
      try Self.shard(item)
    }
    return ListShardsPage(shards: shards, nextToken: json["NextToken"]?.stringValue)
  }

  public func describeStreamSummary(_ stream: StreamAddress) async throws -> StreamSummary {
    let json = try await callJSON(
      "DescribeStreamSummary", [(stream.member.0, .string(stream.member.1))], stream: stream)
    guard let summary = json["StreamDescriptionSummary"] else {
      throw malformed("DescribeStreamSummary", "no StreamDescriptionSummary")
    }
    return StreamSummary(
      streamName: summary["StreamName"]?.stringValue ?? stream.streamName,
      streamARN: summary["StreamARN"]?.stringValue ?? "",
      streamStatus: summary["StreamStatus"]?.stringValue ?? "UNKNOWN",
      openShardCount: Int(summary["OpenShardCount"]?.intValue ?? 0),
      retentionPeriodHours: Int(summary["RetentionPeriodHours"]?.intValue ?? 24))
  }

  public func getShardIterator(_ stream: StreamAddress, shardID: String, position: ShardIteratorPosition)
    async throws -> String
  {
    var members: [(String, JSONValue)] = [
      (stream.member.0, .string(stream.member.1)), ("ShardId", .string(shardID)),
      ("ShardIteratorType", .string(position.typeName)),
    ]
    switch position {
    case .atSequenceNumber(let sequence), .afterSequenceNumber(let sequence):
      members.append(("StartingSequenceNumber", .string(sequence)))
    case .atTimestamp(let ms):
      members.append(("Timestamp", .double(Double(ms) / 1000)))
    case .trimHorizon, .latest:
      break
    }
    let json = try await callJSON("GetShardIterator", members, stream: stream, shard: shardID)
    guard let iterator = json["ShardIterator"]?.stringValue else {
      throw malformed("GetShardIterator", "no ShardIterator")
    }
    return iterator
  }

  public func getRecords(_ stream: StreamAddress, iterator: String, limit: Int) async throws
    -> GetRecordsResult
  {
    var members: [(String, JSONValue)] = [
      ("ShardIterator", .string(iterator)), ("Limit", .int(Int64(max(1, min(limit, 10_000))))),
    ]
    if case .arn(let arn) = stream { members.append(("StreamARN", .string(arn))) }
    let body = try await call("GetRecords", members, stream: stream)
    return try GetRecordsDecoder.decode(body)
  }

  public func createStream(name: String, shardCount: Int) async throws {
    _ = try await call(
      "CreateStream", [("StreamName", .string(name)), ("ShardCount", .int(Int64(shardCount)))],
      stream: .name(name))
  }

  public func deleteStream(_ stream: StreamAddress) async throws {
    _ = try await call(
      "DeleteStream",
      [(stream.member.0, .string(stream.member.1)), ("EnforceConsumerDeletion", .bool(true))], stream: stream)
  }

  public func putRecord(_ stream: StreamAddress, entry: PutRecordsEntry) async throws -> PutRecordResult {
    var members: [(String, JSONValue)] = [(stream.member.0, .string(stream.member.1))]
    members += Self.entryMembers(entry)
    let json = try await callJSON("PutRecord", members, stream: stream)
    return PutRecordResult(
      shardID: json["ShardId"]?.stringValue, sequenceNumber: json["SequenceNumber"]?.stringValue)
  }

  public func putRecords(_ stream: StreamAddress, entries: [PutRecordsEntry]) async throws
    -> [PutRecordResult]
  {
    let records = JSONValue.array(entries.map { .object(Self.entryMembers($0)) })
    let json = try await callJSON(
      "PutRecords", [(stream.member.0, .string(stream.member.1)), ("Records", records)], stream: stream)
    let results = json["Records"]?.arrayValue ?? []
    guard results.count == entries.count else {
      throw malformed("PutRecords", "\(results.count) results for \(entries.count) records")
    }
    return results.map {
      PutRecordResult(
        shardID: $0["ShardId"]?.stringValue, sequenceNumber: $0["SequenceNumber"]?.stringValue,
        errorCode: $0["ErrorCode"]?.stringValue, errorMessage: $0["ErrorMessage"]?.stringValue)
    }
  }

  // MARK: transport

  static func entryMembers(_ entry: PutRecordsEntry) -> [(String, JSONValue)] {
    var members: [(String, JSONValue)] = [
      ("Data", .string(Base64Decoder.encode(entry.data))), ("PartitionKey", .string(entry.partitionKey)),
    ]
    if let hash = entry.explicitHashKey { members.append(("ExplicitHashKey", .string(hash))) }
    return members
  }

  private func callJSON(
    _ operation: String, _ members: [(String, JSONValue)], stream: StreamAddress, shard: String? = nil
  ) async throws -> JSONValue {
    let body = try await call(operation, members, stream: stream, shard: shard)
    if body.isEmpty { return .object([]) }
    do {
      return try JSONValue.parse(String(decoding: body, as: UTF8.self))
    } catch {
      throw malformed(operation, "\(error)")
    }
  }

  /// Signs and sends one request; returns the body of a 200 answer.
  func call(
    _ operation: String, _ members: [(String, JSONValue)], stream: StreamAddress, shard: String? = nil
  ) async throws -> [UInt8] {
    let body = Array(JSONValue.object(members).compact.utf8)
    var unsigned = SigV4Request(
      method: "POST", path: endpoint.path,
      headers: [
        HTTPHeaderField("Host", endpoint.hostHeader),
        HTTPHeaderField("Content-Type", "application/x-amz-json-1.1"),
        HTTPHeaderField("X-Amz-Target", "Kinesis_20131202.\(operation)"),
      ], body: body)
    unsigned.headers.append(HTTPHeaderField("User-Agent", "sluice"))
    let signed = signer.sign(
      unsigned, credentials: credentials, date: AMZDate(epochSeconds: clock.nowMs() / 1000))

    var request = HTTPClientRequest(url: endpoint.url)
    request.method = .POST
    for header in signed.headers { request.headers.add(name: header.name, value: header.value) }
    request.body = .bytes(ByteBuffer(bytes: body))
    let status: Int
    let answer: [UInt8]
    do {
      let response = try await http.execute(request, timeout: timeout)
      status = Int(response.status.code)
      let buffer = try await response.body.collect(upTo: 64 << 20)
      answer = Array(buffer.readableBytesView)
      if status != 200 {
        throw KinesisErrorResponse.error(
          operation: operation, status: status, body: answer,
          typeHeader: response.headers.first(name: "x-amzn-ErrorType"),
          stream: stream, shard: shard, credentials: credentials, endpoint: endpoint)
      }
    } catch let error as KinesisError {
      throw error
    } catch {
      throw KinesisError(
        .transport,
        "Kinesis \(operation) on stream \(stream) via \(endpoint) failed: \(error); "
          + KinesisError.advice(for: .transport))
    }
    logger.trace("kinesis \(operation) \(stream) → \(status), \(answer.count) bytes")
    return answer
  }

  private func malformed(_ operation: String, _ detail: String) -> KinesisError {
    KinesisError(
      .malformedResponse, "Kinesis \(operation) via \(endpoint) answered something unreadable: \(detail)")
  }

  static func shard(_ json: JSONValue) throws(KinesisError) -> Shard {
    guard let id = json["ShardId"]?.stringValue else {
      throw KinesisError(.malformedResponse, "ListShards answered a shard without ShardId: \(json.compact)")
    }
    let hash = json["HashKeyRange"]
    let sequence = json["SequenceNumberRange"]
    return Shard(
      shardID: id, parentShardID: json["ParentShardId"]?.stringValue,
      adjacentParentShardID: json["AdjacentParentShardId"]?.stringValue,
      hashKeyRange: Shard.HashKeyRange(
        startingHashKey: hash?["StartingHashKey"]?.stringValue ?? "0",
        endingHashKey: hash?["EndingHashKey"]?.stringValue ?? "0"),
      sequenceNumberRange: Shard.SequenceNumberRange(
        startingSequenceNumber: sequence?["StartingSequenceNumber"]?.stringValue ?? "0",
        endingSequenceNumber: sequence?["EndingSequenceNumber"]?.stringValue))
  }
}
