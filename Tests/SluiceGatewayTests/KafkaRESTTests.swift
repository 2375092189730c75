import Foundation
import SluiceGateway
import SluiceLog
import XCTest

final class KafkaRESTTests: XCTestCase {
  func testProduceAppendsAndAnswersLikeTheProxy() async throws {
    let harness = try GatewayHarness()
    try await harness.run { client in
      let first = try await client.send(
        .post, "/topics/pinterest.pin", #"{"records":[{"value":{"index":7528,"title":"TireBuyer"}}]}"#,
        headers: kafkaJSON)
      XCTAssertEqual(first.status, 200, first.text)
      XCTAssertEqual(
        first.text,
        #"{"offsets":[{"partition":0,"offset":0,"error_code":null,"error":null}],"key_schema_id":null,"value_schema_id":null}"#
      )
      let second = try await client.send(
        .post, "/prod/topics/pinterest.pin", #"{"records":[{"value":{"index":1}},{"value":{"index":2}}]}"#,
        headers: ["Content-Type": "application/json; charset=utf-8"])
      XCTAssertEqual(second.status, 200, second.text)
      let offsets = (second.json as? [String: Any])?["offsets"] as? [[String: Any]]
      XCTAssertEqual(offsets?.compactMap { $0["offset"] as? Int }, [1, 2])
    }
    XCTAssertEqual(
      try harness.values("pinterest.pin"),
      [#"{"index":7528,"title":"TireBuyer"}"#, #"{"index":1}"#, #"{"index":2}"#])
  }

  func testKeyedRecordsGoWhereKafkasPartitionerSends() async throws {
    let harness = try GatewayHarness()
    try harness.store.createTopic("keyed", partitions: 4)
    try await harness.run { client in
      let result = try await client.send(
        .post, "/topics/keyed",
        #"{"records":[{"key":"user-1","value":1},{"key":"user-2","value":2},{"value":3,"partition":3}]}"#,
        headers: kafkaJSON)
      XCTAssertEqual(result.status, 200, result.text)
      let partitions = ((result.json as? [String: Any])?["offsets"] as? [[String: Any]])?.compactMap {
        $0["partition"] as? Int
      }
      XCTAssertEqual(
        partitions,
        [
          Int(Murmur2.partition(for: Array("\"user-1\"".utf8), partitions: 4)),
          Int(Murmur2.partition(for: Array("\"user-2\"".utf8), partitions: 4)), 3,
        ])
    }
  }

  func testListAndDescribeTopics() async throws {
    let harness = try GatewayHarness()
    try harness.store.createTopic("a", partitions: 2)
    try harness.store.createTopic("b", partitions: 1)
    try await harness.run { client in
      let list = try await client.send(.get, "/topics")
      XCTAssertEqual(list.json as? [String], ["a", "b"])
      let topic = try await client.send(.get, "/topics/a")
      let json = topic.json as? [String: Any]
      XCTAssertEqual(json?["name"] as? String, "a")
      XCTAssertEqual((json?["partitions"] as? [[String: Any]])?.count, 2)
      XCTAssertNotNil(json?["configs"] as? [String: Any])
      let missing = try await client.send(.get, "/topics/nope")
      XCTAssertEqual(missing.status, 404)
      XCTAssertEqual((missing.json as? [String: Any])?["error_code"] as? Int, 40401)
    }
  }

  func testBadRequestsAreAnsweredInTheProxysShapeAndChangeNothing() async throws {
    let harness = try GatewayHarness(
      configuration: GatewayConfiguration(maxRequestBytes: 4096, maxRecordBytes: 64, topicCreation: .off))
    try harness.store.createTopic("t", partitions: 2)
    try await harness.run { client in
      _ = try await client.send(.post, "/topics/t", #"{"records":[{"value":1}]}"#, headers: kafkaJSON)
      let before = try harness.endOffsets()
      let big = String(repeating: "x", count: 100)
      let huge = String(repeating: "y", count: 5000)
      let cases: [(String, String, [String: String], Int, Int)] = [
        ("/topics/missing", #"{"records":[{"value":1}]}"#, kafkaJSON, 404, 40401),
        ("/topics/t", #"{"records":[{"value":1}"#, kafkaJSON, 400, 400),
        ("/topics/t", #"{"records":[{"value":1}]}"#, ["Content-Type": "text/plain"], 415, 415),
        (
          "/topics/t", #"{"records":[{"value":1}]}"#, ["Content-Type": "application/vnd.kafka.avro.v2+json"],
          415, 415
        ),
        ("/topics/t", #"{"records":[{"value":1}]}"#, [:], 415, 415),
        ("/topics/t", #"{"records":[{"value":1},{"value":"\#(big)"}]}"#, kafkaJSON, 422, 42201),
        ("/topics/t", #"{"records":[{"value":1},{"value":2,"partition":7}]}"#, kafkaJSON, 404, 40402),
        ("/topics/t", #"{"records":[]}"#, kafkaJSON, 422, 422),
        ("/topics/t", #"{"records":[{"value":"\#(huge)"}]}"#, kafkaJSON, 413, 413),
        ("/topics/bad%20name", #"{"records":[{"value":1}]}"#, kafkaJSON, 422, 42202),
      ]
      for (uri, body, headers, status, code) in cases {
        let result = try await client.send(.post, uri, body, headers: headers)
        XCTAssertEqual(result.status, status, "\(uri) \(body.prefix(60)): \(result.text)")
        let json = result.json as? [String: Any]
        XCTAssertEqual(json?["error_code"] as? Int, code, result.text)
        XCTAssertFalse((json?["message"] as? String ?? "").isEmpty)
      }
      XCTAssertEqual(try harness.endOffsets(), before, "no rejected request may change the log")
      XCTAssertEqual(try harness.store.topicNames(), ["t"], "no topic was created")
    }
  }
}
