import KinesisClient
import SluiceCore
import SluiceKinesis
import XCTest

@testable import SluiceJob

final class KinesisJobSpecTests: XCTestCase {
  private func parse(_ source: String) throws -> JobSpec {
    try JobSpec.parse(
      yaml: """
        name: k
        source:
        \(source.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
        transforms:
          - clean: pin
        sink: {kind: jsonl, path: out}
        """)
  }

  private func assertError(_ source: String, contains text: String, line: UInt = #line) {
    XCTAssertThrowsError(try parse(source), line: line) { error in
      XCTAssertTrue("\(error)".contains(text), "\(error)", line: line)
    }
  }

  func testEveryKeyDecodes() throws {
    let spec = try parse(
      """
      kind: kinesis
      streamName: streaming-12c0d092d679-pin
      startingPosition: AT_TIMESTAMP
      startingTimestamp: "2024-05-01T00:00:00Z"
      maxRecordsPerShardPerTrigger: 500
      maxRecordsPerBatch: 2000
      region: eu-west-1
      endpoint: http://127.0.0.1:4566
      profile: dev
      metadata: [partitionKey, sequenceNumber, shardId, approximateArrivalTimestamp]
      """)
    guard case .kinesis(let kinesis) = spec.source else { return XCTFail("expected a kinesis source") }
    XCTAssertEqual(spec.source.kind, "kinesis")
    XCTAssertEqual(kinesis.stream, .name("streaming-12c0d092d679-pin"))
    XCTAssertEqual(kinesis.startingPosition, .atTimestamp(1_714_521_600_000))
    XCTAssertEqual(kinesis.maxRecordsPerShardPerTrigger, 500)
    XCTAssertEqual(kinesis.region, "eu-west-1")
    XCTAssertEqual(kinesis.endpoint, "http://127.0.0.1:4566")
    XCTAssertEqual(kinesis.profile, "dev")
    XCTAssertEqual(spec.readLimit.maxRecords, 2000)
    XCTAssertEqual(spec.metadata, [.partitionKey, .sequenceNumber, .shardId, .approximateArrivalTimestamp])
  }

  func testDefaultsAndARN() throws {
    let spec = try parse("kind: kinesis\nstreamARN: arn:aws:kinesis:us-east-1:123456789012:stream/pin")
    guard case .kinesis(let kinesis) = spec.source else { return XCTFail("expected a kinesis source") }
    XCTAssertEqual(kinesis.stream, .arn("arn:aws:kinesis:us-east-1:123456789012:stream/pin"))
    XCTAssertEqual(kinesis.startingPosition, .trimHorizon)
    XCTAssertEqual(kinesis.maxRecordsPerShardPerTrigger, 10_000)
    XCTAssertNil(kinesis.endpoint)
    let latest = try parse("kind: kinesis\nstreamName: s\nstartingPosition: LATEST").source
    XCTAssertEqual(
      latest,
      .kinesis(
        KinesisSourceSpec(
          stream: .name("s"), startingPosition: .latest, maxRecordsPerShardPerTrigger: 10_000, region: nil,
          endpoint: nil,
          profile: nil)))
  }

  func testMistakesAreNamed() {
    assertError("kind: kinesis", contains: "streamName")
    assertError(
      "kind: kinesis\nstreamName: s\nstreamARN: arn:aws:kinesis:us-east-1:1:stream/s", contains: "not both")
    assertError("kind: kinesis\nstreamName: s\nstartingPosition: AT_TIMESTAMP", contains: "startingTimestamp")
    assertError("kind: kinesis\nstreamName: s\nstartingPosition: EARLIEST", contains: "TRIM_HORIZON")
    assertError("kind: kinesis\nstreamName: s\nstartingTimestamp: 5", contains: "only used with")
    assertError("kind: kinesis\nstreamName: s\nendpoint: localhost:4566", contains: "http")
    assertError("kind: kinesis\nstreamName: s\nstreamname: t", contains: "streamName")
    assertError("kind: kinesis\nstreamName: bad/name", contains: "streamName")
    assertError("kind: kinesis\nstreamARN: pin", contains: "ARN")
    assertError(
      "kind: kinesis\nstreamName: s\nmaxRecordsPerShardPerTrigger: 0",
      contains: "maxRecordsPerShardPerTrigger")
    assertError("kind: kinesis\nstreamName: s\ntopics: [x]", contains: "topics")
  }
}
