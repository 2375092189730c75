import Hummingbird
import SluiceLog

/// The Confluent REST Proxy v2 surface: `POST /topics/{topic}` (produce), `GET /topics`,
/// `GET /topics/{topic}`, answering like the proxy (bodies, `application/vnd.kafka.v2+json`).
/// Records without a partition go by murmur2 of the key like Kafka's default partitioner, or
/// round-robin without a key.
struct KafkaRESTAPI: Sendable {
  let log: GatewayLog
  let configuration: GatewayConfiguration

  /// The embedded format a `Content-Type` asks for; `unsupportedMediaType` for the others.
  static func embeddedFormat(_ contentType: String?) throws(GatewayError)
    -> KafkaProduceRequest.EmbeddedFormat
  {
    switch contentType {
    case "application/vnd.kafka.json.v2+json", "application/json", "application/vnd.kafka.v2+json",
      "application/vnd.kafka+json":
      return .json
    case "application/vnd.kafka.binary.v2+json":
      return .binary
    case let other?:
      throw GatewayError(
        .unsupportedMediaType,
        "Content-Type \(other) is not supported; send application/vnd.kafka.json.v2+json (JSON values), "
          + "application/vnd.kafka.binary.v2+json (base64 values) or application/json")
    case nil:
      throw GatewayError(
        .unsupportedMediaType, "the request has no Content-Type; send application/vnd.kafka.json.v2+json")
    }
  }

  func produce(topic: String, contentType: String?, body: [UInt8]) async throws(GatewayError) -> GatewayReply
  {
    let format = try Self.embeddedFormat(contentType)
    let request = try KafkaProduceRequest(
      body: body, format: format, maxRecordBytes: configuration.maxRecordBytes)
    // Checked before the topic is opened (or created), so a rejected request changes nothing.
    let partitionCount = try log.partitionCount(topic: topic, creation: configuration.topicCreation)
    for case let partition? in request.records.partitions where Int(partition) >= partitionCount {
      throw GatewayError(
        .partitionNotFound,
        "partition \(partition) does not exist in topic \(topic) (partitions 0…\(partitionCount - 1))")
    }
    let appender = try log.appender(topic: topic, creation: configuration.topicCreation)
    let positions = try await appender.append(request.records)
    var out = JSONWriter(capacity: 64 + positions.count * 64)
    out.raw("{\"offsets\":[")
    var first = true
    for position in positions {
      out.comma(&first)
      out.raw(
        "{\"partition\":\(position.partition),\"offset\":\(position.offset),\"error_code\":null,\"error\":null}"
      )
    }
    out.raw("],\"key_schema_id\":null,\"value_schema_id\":null}")
    var reply = GatewayReply(contentType: KafkaRESTError.contentType, body: out.bytes)
    reply.records = request.records.count
    reply.recordBytes = request.records.payloadBytes
    return reply
  }

  /// `["topic", …]`.
  func listTopics() throws(GatewayError) -> GatewayReply {
    var out = JSONWriter()
    out.raw("[")
    var first = true
    for name in try log.topicNames() {
      out.comma(&first)
      out.string(name)
    }
    out.raw("]")
    return GatewayReply(contentType: KafkaRESTError.contentType, body: out.bytes)
  }

  /// `{"name":…,"configs":{…},"partitions":[{"partition":p,"leader":0,"replicas":[…]}]}` — one
  /// local "broker" 0 leads every partition.
  func describeTopic(_ topic: String) throws(GatewayError) -> GatewayReply {
    let description = try log.describe(topic: topic)
    var out = JSONWriter()
    out.raw("{\"name\":")
    out.string(topic)
    out.raw(",\"configs\":{\"segment.bytes\":\"\(description.metadata.segmentBytes)\"")
    out.raw(",\"index.interval.bytes\":\"\(description.metadata.indexIntervalBytes)\"")
    out.raw(",\"retention.ms\":\"-1\",\"cleanup.policy\":\"delete\"},\"partitions\":[")
    var first = true
    for partition in description.partitions {
      out.comma(&first)
      out.raw("{\"partition\":\(partition.partition),\"leader\":0,")
      out.raw("\"replicas\":[{\"broker\":0,\"leader\":true,\"in_sync\":true}]}")
    }
    out.raw("]}")
    return GatewayReply(contentType: KafkaRESTError.contentType, body: out.bytes)
  }
}
