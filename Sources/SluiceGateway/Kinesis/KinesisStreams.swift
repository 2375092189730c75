import SluiceCore
import SluiceLog

/// Kinesis streams over the embedded log — the operations both the native JSON 1.1 API and the
/// API-Gateway REST shape use. A stream is a topic, a shard a partition (`shardId-%012d`), a
/// sequence number a ``SequenceNumber`` of (shard, offset), and records are routed by
/// ``ShardRouting``. Results are the Kinesis response bodies (JSON bytes).
struct KinesisStreams: Sendable {
  let log: GatewayLog
  let configuration: GatewayConfiguration
  let clock: @Sendable () -> Int64

  /// Kinesis' GetRecords limits.
  static let maxGetRecords = 10_000
  static let maxGetBytes = 10 * 1024 * 1024

  // MARK: Control plane

  func createStream(_ name: String, shardCount: Int?) throws(GatewayError) -> [UInt8] {
    let count = shardCount ?? configuration.defaultShardCount
    guard (1...100_000).contains(count) else {
      throw GatewayError(.invalidArgument, "ShardCount must be 1…100000, got \(count)")
    }
    _ = try log.createTopic(name, partitions: count)
    return Array("{}".utf8)
  }

  func deleteStream(_ name: String) async throws(GatewayError) -> [UInt8] {
    try await log.deleteTopic(name)
    return Array("{}".utf8)
  }

  /// `{"StreamDescription":{…, "Shards":[…], "HasMoreShards":…}}`.
  func describeStream(_ name: String, limit: Int?, exclusiveStartShardID: String?) throws(GatewayError)
    -> [UInt8]
  {
    let description = try log.describe(topic: name)
    let first =
      try exclusiveStartShardID.map { (id) throws(GatewayError) in Int(try Self.shardNumber(id)) + 1 } ?? 0
    let pageSize = min(limit ?? 100, 10_000)
    let end = min(description.partitionCount, first + max(pageSize, 1))
    var out = JSONWriter()
    out.raw("{\"StreamDescription\":{")
    writeStreamHeader(description, to: &out)
    out.raw(",\"Shards\":")
    writeShards(description, range: min(first, end)..<end, to: &out)
    out.raw(",\"HasMoreShards\":")
    out.bool(end < description.partitionCount)
    out.raw("}}")
    return out.bytes
  }

  func describeStreamSummary(_ name: String) throws(GatewayError) -> [UInt8] {
    let description = try log.describe(topic: name)
    var out = JSONWriter()
    out.raw("{\"StreamDescriptionSummary\":{")
    writeStreamHeader(description, to: &out)
    out.raw(",\"OpenShardCount\":\(description.partitionCount),\"ConsumerCount\":0}}")
    return out.bytes
  }

  func listStreams(limit: Int?, exclusiveStartStreamName: String?) throws(GatewayError) -> [UInt8] {
    var names = try log.topicNames()
    if let start = exclusiveStartStreamName { names = names.filter { $0 > start } }
    let pageSize = max(1, min(limit ?? 100, 10_000))
    let page = Array(names.prefix(pageSize))
    var out = JSONWriter()
    out.raw("{\"StreamNames\":[")
    var first = true
    for name in page {
      out.comma(&first)
      out.string(name)
    }
    out.raw("],\"HasMoreStreams\":")
    out.bool(names.count > page.count)
    out.raw(",\"StreamSummaries\":[")
    first = true
    for name in page {
      out.comma(&first)
      let created = (try? log.store.metadata(topic: name))?.createdMs ?? 0
      out.raw("{\"StreamName\":")
      out.string(name)
      out.raw(",\"StreamARN\":")
      out.string(configuration.streamARN(name))
      out.raw(",\"StreamStatus\":\"ACTIVE\",\"StreamModeDetails\":{\"StreamMode\":\"PROVISIONED\"}")
      out.raw(",\"StreamCreationTimestamp\":")
      out.epochSeconds(milliseconds: created)
      out.raw("}")
    }
    out.raw("]")
    if names.count > page.count, let last = page.last {
      out.raw(",\"NextToken\":")
      out.string(Base64.encode(Array(last.utf8)))
    }
    out.raw("}")
    return out.bytes
  }

  /// ListShards: `NextToken` (from a previous page) or `StreamName`, optional
  /// `ExclusiveStartShardId` and `MaxResults` (default 1000).
  func listShards(stream: String?, nextToken: String?, exclusiveStartShardID: String?, maxResults: Int?)
    throws(GatewayError) -> [UInt8]
  {
    var name = stream
    var first = 0
    if let nextToken {
      guard let decoded = Base64.decode(nextToken),
        case let parts = String(decoding: decoded, as: UTF8.self).split(separator: "|"),
        parts.count == 2, let next = Int(parts[1])
      else { throw GatewayError(.invalidArgument, "NextToken is not one this server issued") }
      name = String(parts[0])
      first = next
    }
    guard let name else { throw GatewayError(.invalidRequest, "ListShards needs StreamName (or NextToken)") }
    if let exclusiveStartShardID { first = max(first, Int(try Self.shardNumber(exclusiveStartShardID)) + 1) }
    let description = try log.describe(topic: name)
    let pageSize = max(1, min(maxResults ?? 1000, 10_000))
    let start = min(first, description.partitionCount)
    let end = min(description.partitionCount, start + pageSize)
    var out = JSONWriter()
    out.raw("{\"Shards\":")
    writeShards(description, range: start..<end, to: &out)
    if end < description.partitionCount {
      out.raw(",\"NextToken\":")
      out.string(Base64.encode(Array("\(name)|\(end)".utf8)))
    }
    out.raw("}")
    return out.bytes
  }

  // MARK: Writes

  /// Routes and appends the records of a put request to `stream`; one (shard, sequence number)
  /// per record, in request order.
  func put(_ request: KinesisPutRequest, stream: String, creation: TopicCreation) async throws(GatewayError)
    -> [SequenceNumber]
  {
    let appender = try log.appender(topic: stream, creation: creation)
    var records = request.records
    let routing = ShardRouting(shardCount: appender.partitionCount)
    let bytes = records.bytes
    bytes.withUnsafeBytes { buffer in
      for i in 0..<records.count {
        let shard: Int32
        if let hashKey = request.explicitHashKeys[i] {
          shard = routing.shard(forHashKey: hashKey)
        } else {
          shard = routing.shard(forPartitionKey: UnsafeRawBufferPointer(rebasing: buffer[records.keys[i]!]))
        }
        records.setPartition(i, shard)
      }
    }
    return try await appender.append(records).map { SequenceNumber(shard: $0.partition, offset: $0.offset) }
  }

  /// `{"ShardId":…,"SequenceNumber":…,"EncryptionType":"NONE"}`.
  static func putRecordResponse(_ position: SequenceNumber) -> [UInt8] {
    var out = JSONWriter()
    out.raw("{\"ShardId\":\"\(RawRecords.shardID(position.shard))\",\"SequenceNumber\":\"\(position.text)\"")
    out.raw(",\"EncryptionType\":\"NONE\"}")
    return out.bytes
  }

  /// `{"FailedRecordCount":0,"Records":[{"SequenceNumber":…,"ShardId":…},…],"EncryptionType":"NONE"}`.
  /// Requests are validated whole before appending, so an answered request never has failures.
  static func putRecordsResponse(_ positions: [SequenceNumber]) -> [UInt8] {
    var out = JSONWriter(capacity: 32 + positions.count * 80)
    out.raw("{\"FailedRecordCount\":0,\"Records\":[")
    var first = true
    for position in positions {
      out.comma(&first)
      out.raw(
        "{\"SequenceNumber\":\"\(position.text)\",\"ShardId\":\"\(RawRecords.shardID(position.shard))\"}")
    }
    out.raw("],\"EncryptionType\":\"NONE\"}")
    return out.bytes
  }

  // MARK: Helpers

  private func writeStreamHeader(_ description: TopicDescription, to out: inout JSONWriter) {
    out.raw("\"StreamName\":")
    out.string(description.name)
    out.raw(",\"StreamARN\":")
    out.string(configuration.streamARN(description.name))
    out.raw(",\"StreamStatus\":\"ACTIVE\",\"StreamModeDetails\":{\"StreamMode\":\"PROVISIONED\"}")
    out.raw(",\"RetentionPeriodHours\":8760,\"StreamCreationTimestamp\":")
    out.epochSeconds(milliseconds: description.metadata.createdMs)
    out.raw(",\"EnhancedMonitoring\":[{\"ShardLevelMetrics\":[]}],\"EncryptionType\":\"NONE\"")
  }

  private func writeShards(_ description: TopicDescription, range: Range<Int>, to out: inout JSONWriter) {
    let routing = ShardRouting(shardCount: description.partitionCount)
    out.raw("[")
    var first = true
    for shard in range {
      out.comma(&first)
      let hashRange = routing.hashKeyRange(shard: shard)
      let earliest = description.partitions[shard].earliestOffset
      out.raw("{\"ShardId\":\"\(RawRecords.shardID(Int32(shard)))\"")
      out.raw(",\"HashKeyRange\":{\"StartingHashKey\":\"\(hashRange.lowerBound)\",")
      out.raw("\"EndingHashKey\":\"\(hashRange.upperBound)\"}")
      out.raw(",\"SequenceNumberRange\":{\"StartingSequenceNumber\":\"")
      out.raw(SequenceNumber(shard: Int32(shard), offset: earliest).text)
      out.raw("\"}}")
    }
    out.raw("]")
  }

  /// `arn:aws:kinesis:<region>:<account>:stream/<name>` → `<name>`.
  static func streamName(fromARN arn: String) throws(GatewayError) -> String {
    let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
    guard parts.count == 6, parts[0] == "arn", parts[2] == "kinesis", parts[5].hasPrefix("stream/"),
      parts[5].count > "stream/".count
    else {
      throw GatewayError(
        .invalidArgument, "StreamARN \(arn) is not a Kinesis stream ARN (arn:aws:kinesis:…:stream/<name>)")
    }
    return String(parts[5].dropFirst("stream/".count))
  }

  /// `shardId-000000000003` → 3.
  static func shardNumber(_ id: String) throws(GatewayError) -> Int32 {
    guard id.hasPrefix("shardId-"), let number = Int32(id.dropFirst("shardId-".count)), number >= 0 else {
      throw GatewayError(.invalidArgument, "ShardId \(id) is not a shard id like shardId-000000000000")
    }
    return number
  }
}
