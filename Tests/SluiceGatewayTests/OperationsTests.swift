import Foundation
import SluiceGateway
import SluiceLog
import XCTest

final class OperationsTests: XCTestCase {
  func testConcurrentProducersShareCommitsAndGetDistinctOffsets() async throws {
    let harness = try GatewayHarness()
    try harness.store.createTopic("load", partitions: 1)
    try await harness.run { client in
      let offsets = try await withThrowingTaskGroup(of: [Int].self) { group in
        for i in 0..<64 {
          group.addTask {
            let result = try await client.send(
              .post, "/topics/load", "{\"records\":[{\"value\":{\"i\":\(i)}},{\"value\":{\"i\":\(i)}}]}",
              headers: kafkaJSON)
            XCTAssertEqual(result.status, 200, result.text)
            let offsets = ((result.json as? [String: Any])?["offsets"] as? [[String: Any]])?.compactMap {
              $0["offset"] as? Int
            }
            XCTAssertEqual(offsets?.count, 2)
            XCTAssertEqual(offsets.map { $0[1] - $0[0] }, 1, "a request's records are contiguous")
            return offsets ?? []
          }
        }
        var all: [Int] = []
        for try await part in group { all += part }
        return all
      }
      XCTAssertEqual(offsets.sorted(), Array(0..<128))
    }
    XCTAssertEqual(try harness.endOffsets()["load"], [128])
  }

  func testHealthAndPrometheusMetrics() async throws {
    let harness = try GatewayHarness()
    try await harness.run { client in
      let health = try await client.send(.get, "/health")
      XCTAssertEqual(health.status, 200)
      XCTAssertEqual((health.json as? [String: Any])?["status"] as? String, "ok")
      _ = try await client.send(
        .post, "/topics/m", #"{"records":[{"value":{"a":1}},{"value":{"a":2}}]}"#, headers: kafkaJSON)
      _ = try await client.send(.post, "/topics/m", #"{"records":[{"value":"#, headers: kafkaJSON)
      let metrics = try await client.send(.get, "/metrics")
      XCTAssertEqual(metrics.status, 200)
      let text = metrics.text
      XCTAssertTrue(text.contains("# TYPE sluice_gateway_requests_total counter"), text)
      XCTAssertTrue(
        text.contains(#"sluice_gateway_requests_total{route="kafka.produce",status="200"} 1"#), text)
      XCTAssertTrue(
        text.contains(#"sluice_gateway_requests_total{route="kafka.produce",status="400"} 1"#), text)
      XCTAssertTrue(text.contains(#"sluice_gateway_records_total{route="kafka.produce"} 2"#), text)
      XCTAssertTrue(text.contains(#"sluice_gateway_record_bytes_total{route="kafka.produce"} 14"#), text)
      XCTAssertTrue(
        text.contains(#"sluice_gateway_errors_total{route="kafka.produce",code="malformedJSON"} 1"#), text)
      XCTAssertTrue(
        text.contains(#"sluice_gateway_request_duration_seconds_count{route="kafka.produce"} 2"#), text)
      XCTAssertTrue(
        text.contains(#"sluice_gateway_request_duration_seconds_bucket{route="kafka.produce",le="+Inf"} 2"#),
        text)
    }
  }

  /// An authenticator that accepts one header value, to check where authentication sits.
  private struct TokenAuthenticator: RequestAuthenticator {
    func authenticate(_ request: IncomingRequest) throws(GatewayError) {
      guard let value = request.values(of: "authorization").first else {
        throw GatewayError(.unauthenticated, "the request is not signed")
      }
      guard value == "good" else { throw GatewayError(.signatureMismatch, "the signature does not match") }
    }
  }

  func testAuthenticationFailuresAnswerInEachShapeAndChangeNothing() async throws {
    let harness = try GatewayHarness(authenticator: TokenAuthenticator())
    try harness.store.createTopic("s", partitions: 1)
    try await harness.run { client in
      let body = ["StreamName": "s", "Data": "YQ==", "PartitionKey": "k"]
      let data = String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self)
      var headers = [
        "X-Amz-Target": "Kinesis_20131202.PutRecord", "Content-Type": "application/x-amz-json-1.1",
      ]
      let unsigned = try await client.send(.post, "/", data, headers: headers)
      XCTAssertEqual(unsigned.status, 403)
      XCTAssertEqual((unsigned.json as? [String: Any])?["__type"] as? String, "UnrecognizedClientException")
      headers["Authorization"] = "bad"
      let bad = try await client.send(.post, "/", data, headers: headers)
      XCTAssertEqual(bad.status, 403)
      XCTAssertEqual((bad.json as? [String: Any])?["__type"] as? String, "InvalidSignatureException")
      let kafka = try await client.send(.post, "/topics/s", #"{"records":[{"value":1}]}"#, headers: kafkaJSON)
      XCTAssertEqual(kafka.status, 401)
      XCTAssertEqual((kafka.json as? [String: Any])?["error_code"] as? Int, 40101)
      XCTAssertEqual(try harness.endOffsets()["s"], [0])
      let health = try await client.send(.get, "/health")
      XCTAssertEqual(health.status, 200, "health needs no credentials")
      headers["Authorization"] = "good"
      let good = try await client.send(.post, "/", data, headers: headers)
      XCTAssertEqual(good.status, 200, good.text)
    }
    XCTAssertEqual(try harness.endOffsets()["s"], [1])
  }
}
