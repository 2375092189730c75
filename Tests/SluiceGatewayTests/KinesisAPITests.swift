import Foundation
import SluiceLog
import XCTest

@testable import SluiceGateway

final class KinesisAPITests: XCTestCase {
  func testNativeProduceAndConsumeRoundTrip() async throws {
    let harness = try GatewayHarness()
    try await harness.run { client in
      let created = try await client.kinesis("CreateStream", ["StreamName": "orders", "ShardCount": 2])
      XCTAssertEqual(created.status, 200, created.text)
      let again = try await client.kinesis("CreateStream", ["StreamName": "orders", "ShardCount": 2])
      XCTAssertEqual(again.status, 400)
      XCTAssertEqual(again.json["__type"] as? String, "ResourceInUseException")

      let payloads = (0..<20).map { "{\"n\":\($0)}" }
      let put = try await client.kinesis(
        "PutRecords",
        [
          "StreamName": "orders",
          "Records": payloads.enumerated().map { i, p in
            ["Data": Data(p.utf8).base64EncodedString(), "PartitionKey": "key-\(i)"]
          },
        ])
      XCTAssertEqual(put.status, 200, put.text)
      XCTAssertEqual(put.json["FailedRecordCount"] as? Int, 0)
      let results = put.json["Records"] as? [[String: Any]] ?? []
      XCTAssertEqual(results.count, 20)
      let shards = Set(results.compactMap { $0["ShardId"] as? String })
      XCTAssertEqual(
        shards, ["shardId-000000000000", "shardId-000000000001"], "20 keys spread over both shards")

      let single = try await client.kinesis(
        "PutRecord",
        [
          "StreamName": "orders", "Data": Data("{\"n\":20}".utf8).base64EncodedString(),
          "PartitionKey": "key-x",
        ])
      XCTAssertEqual(single.status, 200, single.text)
      XCTAssertNotNil(single.json["SequenceNumber"] as? String)

      let list = try await client.kinesis("ListShards", ["StreamName": "orders"])
      let listed = list.json["Shards"] as? [[String: Any]] ?? []
      XCTAssertEqual(
        listed.compactMap { $0["ShardId"] as? String }, ["shardId-000000000000", "shardId-000000000001"])

      var seen: [String] = []
      var sequences: [String: [String]] = [:]
      for shard in ["shardId-000000000000", "shardId-000000000001"] {
        let iterator = try await client.kinesis(
          "GetShardIterator", ["StreamName": "orders", "ShardId": shard, "ShardIteratorType": "TRIM_HORIZON"])
        XCTAssertEqual(iterator.status, 200, iterator.text)
        let got = try await client.kinesis(
          "GetRecords", ["ShardIterator": iterator.json["ShardIterator"] as? String ?? ""])
        XCTAssertEqual(got.status, 200, got.text)
        XCTAssertEqual(got.json["MillisBehindLatest"] as? Int, 0)
        XCTAssertNotNil(got.json["NextShardIterator"] as? String)
        for record in got.json["Records"] as? [[String: Any]] ?? [] {
          let data = Data(base64Encoded: record["Data"] as? String ?? "") ?? Data()
          seen.append(String(decoding: data, as: UTF8.self))
          sequences[shard, default: []].append(record["SequenceNumber"] as? String ?? "")
          XCTAssertNotNil(record["PartitionKey"] as? String)
          XCTAssertNotNil(record["ApproximateArrivalTimestamp"] as? Double)
        }
        let next = try await client.kinesis(
          "GetRecords", ["ShardIterator": got.json["NextShardIterator"] as? String ?? ""])
        XCTAssertEqual((next.json["Records"] as? [Any])?.count, 0, "caught up")
      }
      XCTAssertEqual(Set(seen), Set(payloads + ["{\"n\":20}"]))
      for (_, numbers) in sequences {
        XCTAssertEqual(numbers, numbers.sorted(), "sequence numbers grow within a shard")
      }

      // AT / AFTER_SEQUENCE_NUMBER, LATEST, AT_TIMESTAMP on shard 0.
      let shard0 = sequences["shardId-000000000000"] ?? []
      XCTAssertGreaterThan(shard0.count, 1)
      func read(_ parameters: [String: Any]) async throws -> [String] {
        var request: [String: Any] = ["StreamName": "orders", "ShardId": "shardId-000000000000"]
        request.merge(parameters) { $1 }
        let iterator = try await client.kinesis("GetShardIterator", request)
        XCTAssertEqual(iterator.status, 200, iterator.text)
        let got = try await client.kinesis(
          "GetRecords", ["ShardIterator": iterator.json["ShardIterator"] as? String ?? ""])
        return (got.json["Records"] as? [[String: Any]] ?? []).compactMap { $0["SequenceNumber"] as? String }
      }
      let at = try await read([
        "ShardIteratorType": "AT_SEQUENCE_NUMBER", "StartingSequenceNumber": shard0[1],
      ])
      XCTAssertEqual(at, Array(shard0.dropFirst()))
      let after = try await read([
        "ShardIteratorType": "AFTER_SEQUENCE_NUMBER", "StartingSequenceNumber": shard0[1],
      ])
      XCTAssertEqual(after, Array(shard0.dropFirst(2)))
      let latest = try await read(["ShardIteratorType": "LATEST"])
      XCTAssertEqual(latest, [])
      let past = try await read(["ShardIteratorType": "AT_TIMESTAMP", "Timestamp": 1_000_000])
      XCTAssertEqual(past, shard0)
      let future = try await read([
        "ShardIteratorType": "AT_TIMESTAMP", "Timestamp": Date().timeIntervalSince1970 + 3600,
      ])
      XCTAssertEqual(future, [])

      let summary = try await client.kinesis("DescribeStreamSummary", ["StreamName": "orders"])
      let description = summary.json["StreamDescriptionSummary"] as? [String: Any]
      XCTAssertEqual(description?["OpenShardCount"] as? Int, 2)
      XCTAssertEqual(description?["StreamStatus"] as? String, "ACTIVE")
      let streams = try await client.kinesis("ListStreams", [:])
      XCTAssertEqual(streams.json["StreamNames"] as? [String], ["orders"])

      let deleted = try await client.kinesis("DeleteStream", ["StreamName": "orders"])
      XCTAssertEqual(deleted.status, 200, deleted.text)
      let gone = try await client.kinesis("DescribeStream", ["StreamName": "orders"])
      XCTAssertEqual(gone.status, 400)
      XCTAssertEqual(gone.json["__type"] as? String, "ResourceNotFoundException")
    }
    XCTAssertEqual(try harness.store.topicNames(), [])
  }

  func testNativeErrorsUseTheAWSShapeAndChangeNothing() async throws {
    let harness = try GatewayHarness(
      configuration: GatewayConfiguration(maxRequestBytes: 2048, maxRecordBytes: 100))
    try harness.store.createTopic("s", partitions: 1)
    try await harness.run { client in
      let before = try harness.endOffsets()
      let record: [String: Any] = ["StreamName": "s", "Data": "YQ==", "PartitionKey": "k"]
      var cases: [(String, [String: Any], String, Int, String)] = [
        (
          "PutRecord", ["StreamName": "nope", "Data": "YQ==", "PartitionKey": "k"],
          "application/x-amz-json-1.1", 400, "ResourceNotFoundException"
        ),
        ("PutRecord", record, "text/plain", 415, "UnsupportedMediaTypeException"),
        (
          "PutRecord",
          ["StreamName": "s", "Data": Data(count: 200).base64EncodedString(), "PartitionKey": "k"],
          "application/x-amz-json-1.1", 400, "ValidationException"
        ),
        (
          "PutRecord", ["StreamName": "s", "Data": "***", "PartitionKey": "k"], "application/x-amz-json-1.1",
          400, "SerializationException"
        ),
        (
          "PutRecords", ["StreamName": "s", "Records": [record, ["Data": "YQ=="]]],
          "application/x-amz-json-1.1", 400, "ValidationException"
        ),
        (
          "PutRecord",
          ["StreamName": "s", "Data": Data(count: 1800).base64EncodedString(), "PartitionKey": "k"],
          "application/x-amz-json-1.1", 413, "RequestEntityTooLargeException"
        ),
        ("MergeShards", ["StreamName": "s"], "application/x-amz-json-1.1", 400, "UnknownOperationException"),
        (
          "GetRecords", ["ShardIterator": "garbage"], "application/x-amz-json-1.1", 400,
          "InvalidArgumentException"
        ),
        (
          "GetShardIterator",
          ["StreamName": "s", "ShardId": "shardId-000000000000", "ShardIteratorType": "SOMEWHERE"],
          "application/x-amz-json-1.1", 400, "ValidationException"
        ),
        (
          "GetShardIterator",
          ["StreamName": "s", "ShardId": "shardId-000000000009", "ShardIteratorType": "LATEST"],
          "application/x-amz-json-1.1", 400, "ResourceNotFoundException"
        ),
      ]
      cases.append(
        (
          "CreateStream", ["StreamName": "bad name"], "application/x-amz-json-1.1", 400,
          "InvalidArgumentException"
        ))
      for (operation, body, contentType, status, type) in cases {
        let result = try await client.kinesis(operation, body, contentType: contentType)
        XCTAssertEqual(result.status, status, "\(operation): \(result.text)")
        XCTAssertEqual(result.json["__type"] as? String, type, "\(operation): \(result.text)")
        XCTAssertFalse((result.json["message"] as? String ?? "").isEmpty)
      }
      let malformed = try await client.send(
        .post, "/", #"{"StreamName": "s", "Data": "YQ==", "#,
        headers: ["X-Amz-Target": "Kinesis_20131202.PutRecord", "Content-Type": "application/x-amz-json-1.1"])
      XCTAssertEqual(malformed.status, 400)
      XCTAssertEqual((malformed.json as? [String: Any])?["__type"] as? String, "SerializationException")
      XCTAssertEqual(try harness.endOffsets(), before)
      XCTAssertEqual(try harness.store.topicNames(), ["s"])
    }
  }

  func testExpiredIteratorsAreRefused() async throws {
    let harness = try GatewayHarness()
    let metadata = try harness.store.createTopic("s", partitions: 1).metadata
    try await harness.run { client in
      let old = ShardIterator(
        stream: "s", shard: 0, offset: 0, issuedMs: 1_000, streamCreatedMs: metadata.createdMs
      ).token
      let result = try await client.kinesis("GetRecords", ["ShardIterator": old])
      XCTAssertEqual(result.status, 400)
      XCTAssertEqual(result.json["__type"] as? String, "ExpiredIteratorException")
    }
  }

  func testAPIGatewayShapeAsTheSeedsSendIt() async throws {
    let harness = try GatewayHarness()
    try await harness.run { client in
      let create = try await client.send(
        .post, "/streams/streaming-x-geo", #"{"ShardCount": 2}"#, headers: plainJSON)
      XCTAssertEqual(create.status, 200, create.text)
      let one = try await client.send(
        .put, "/streams/streaming-x-geo/record",
        #"{"StreamName": "streaming-x-geo", "Data": {"ind": 7528, "country": "Albania"}, "PartitionKey": "partition-2"}"#,
        headers: plainJSON)
      XCTAssertEqual(one.status, 200, one.text)
      let answer = one.json as? [String: Any]
      XCTAssertTrue((answer?["ShardId"] as? String ?? "").hasPrefix("shardId-"))
      XCTAssertEqual((answer?["SequenceNumber"] as? String)?.count, 28)
      let batch = try await client.send(
        .put, "/dev/streams/streaming-x-geo/records",
        #"{"records": [{"data": {"ind": 1}, "partition-key": "a"}, {"data": {"ind": 2}, "partition-key": "b"}]}"#,
        headers: plainJSON)
      XCTAssertEqual(batch.status, 200, batch.text)
      XCTAssertEqual((batch.json as? [String: Any])?["FailedRecordCount"] as? Int, 0)
      // Auto-created with the default shard count when the stream does not exist.
      let auto = try await client.send(
        .put, "/streams/streaming-x-user/record", #"{"Data": {"ind": 3}, "PartitionKey": "p"}"#,
        headers: plainJSON)
      XCTAssertEqual(auto.status, 200, auto.text)

      let streams = try await client.send(.get, "/streams")
      XCTAssertEqual(
        (streams.json as? [String: Any])?["StreamNames"] as? [String],
        ["streaming-x-geo", "streaming-x-user"])
      let described = try await client.send(.get, "/streams/streaming-x-geo")
      let description = (described.json as? [String: Any])?["StreamDescription"] as? [String: Any]
      XCTAssertEqual((description?["Shards"] as? [Any])?.count, 2)

      let missing = try await client.send(.get, "/streams/none")
      XCTAssertEqual(missing.status, 404)
      XCTAssertEqual((missing.json as? [String: Any])?["__type"] as? String, "ResourceNotFoundException")
      let wrongType = try await client.send(
        .put, "/streams/streaming-x-geo/record", #"{"Data": {"a": 1}, "PartitionKey": "p"}"#,
        headers: ["Content-Type": "text/csv"])
      XCTAssertEqual(wrongType.status, 415)

      let deleted = try await client.send(.delete, "/streams/streaming-x-user")
      XCTAssertEqual(deleted.status, 200, deleted.text)
    }
    var stored: [String] = []
    for partition in 0..<2 { stored += try harness.values("streaming-x-geo", partition: Int32(partition)) }
    XCTAssertEqual(Set(stored), [#"{"ind": 7528, "country": "Albania"}"#, #"{"ind": 1}"#, #"{"ind": 2}"#])
    XCTAssertEqual(try harness.store.topicNames(), ["streaming-x-geo"])
  }
}
