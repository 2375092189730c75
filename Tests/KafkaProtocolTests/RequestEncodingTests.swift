import KafkaProtocol
import XCTest

/// Our request frames equal, byte for byte, the frames the fixture generator encoded by hand from
/// the protocol spec and sent to Tansu (which answered them: see BrokerResponseTests).
final class RequestEncodingTests: XCTestCase {
  let client = "fixture-generator"

  func assertMatches<R: KafkaRequest>(
    _ request: R, version: Int16, correlation: Int32, fixture: String, file: StaticString = #filePath,
    line: UInt = #line
  ) throws {
    let frame = try request.encodeFrame(version: version, correlationID: correlation, clientID: client)
    XCTAssertEqual(frame, try Fixtures.bytes("request_\(fixture).bin"), fixture, file: file, line: line)
  }

  func testApiVersions() throws {
    try assertMatches(
      ApiVersionsRequest(clientSoftwareName: "sluice-fixtures", clientSoftwareVersion: "1.0"), version: 3,
      correlation: 1, fixture: "apiversions_v3")
    try assertMatches(ApiVersionsRequest(), version: 0, correlation: 2, fixture: "apiversions_v0")
  }

  func testMetadata() throws {
    try assertMatches(
      MetadataRequest(topics: ["fixture-topic"]), version: 12, correlation: 3, fixture: "metadata_v12")
    try assertMatches(MetadataRequest(topics: nil), version: 1, correlation: 4, fixture: "metadata_v1")
  }

  func testListOffsets() throws {
    let request = ListOffsetsRequest(topics: [
      .init(
        name: "fixture-topic",
        partitions: [
          .init(partitionIndex: 0, timestamp: ListOffsetsRequest.earliest),
          .init(partitionIndex: 1, timestamp: ListOffsetsRequest.latest),
        ])
    ])
    try assertMatches(request, version: 7, correlation: 5, fixture: "listoffsets_v7")
  }

  func testFetch() throws {
    let v12 = FetchRequest(
      topics: [
        .init(
          name: "fixture-topic",
          partitions: [0, 1].map { .init(partition: $0, fetchOffset: 0, partitionMaxBytes: 1 << 20) })
      ], maxWaitMs: 100, minBytes: 1, maxBytes: 1 << 20)
    try assertMatches(v12, version: 12, correlation: 6, fixture: "fetch_v12")
    let v4 = FetchRequest(
      topics: [
        .init(
          name: "fixture-topic", partitions: [.init(partition: 0, fetchOffset: 0, partitionMaxBytes: 1 << 20)]
        )
      ],
      maxWaitMs: 100, minBytes: 1, maxBytes: 1 << 20)
    try assertMatches(v4, version: 4, correlation: 7, fixture: "fetch_v4")
  }

  func testVersionsOutsideTheRangeAreRefused() {
    XCTAssertThrowsError(
      try FetchRequest(topics: []).encodeFrame(version: 13, correlationID: 1, clientID: nil)
    ) {
      XCTAssertEqual(($0 as? KafkaProtocolError)?.code, .unsupportedVersion)
    }
    XCTAssertThrowsError(
      try MetadataRequest(topics: nil).encodeFrame(version: 0, correlationID: 1, clientID: nil))
  }

  func testHeaderVersions() throws {
    // Flexible request → header v2 (tagged fields after the int16-prefixed client id).
    let flexible = try SaslAuthenticateRequest(authBytes: [1]).encodeFrame(
      version: 2, correlationID: 9, clientID: "c")
    XCTAssertEqual(Array(flexible[4...]), [0, 36, 0, 2, 0, 0, 0, 9, 0, 1, 0x63, 0, 2, 1, 0])
    XCTAssertTrue(ApiVersionsRequest.isFlexible(3))
    XCTAssertFalse(ApiVersionsRequest.responseHeaderIsFlexible(3), "ApiVersions responses use header v0")
    XCTAssertTrue(FetchRequest.responseHeaderIsFlexible(12))
    XCTAssertEqual(try ResponseHeader.correlationID(of: [0, 0, 1, 2, 9]), 258)
  }

  func testNegotiation() {
    let broker = ApiVersionRange(.fetch, 0...17)
    XCTAssertEqual(negotiate(ours: 4...12, broker: broker), 12)
    XCTAssertEqual(negotiate(ours: 4...12, broker: ApiVersionRange(.fetch, 0...6)), 6)
    XCTAssertNil(negotiate(ours: 4...12, broker: ApiVersionRange(.fetch, 0...3)))
    XCTAssertNil(negotiate(ours: 4...12, broker: ApiVersionRange(.fetch, 13...17)))
  }
}
