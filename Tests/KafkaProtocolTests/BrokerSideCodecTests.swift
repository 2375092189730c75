import KafkaProtocol
import XCTest

/// The broker side (request decoding, response frames) for in-memory test brokers: our request
/// frames decode back to the same request in every version; the generator's spec-encoded frames
/// decode to what they say.
final class BrokerSideCodecTests: XCTestCase {
  func roundTrip<R: KafkaDecodableRequest & Equatable>(
    _ request: R, version: Int16, file: StaticString = #filePath, line: UInt = #line
  )
    throws
  {
    let frame = try request.encodeFrame(version: version, correlationID: 77, clientID: "c")
    var (header, body) = try KafkaBrokerCodec.decodeRequest(Array(frame[4...]))
    XCTAssertEqual(
      header, RequestHeader(apiKey: R.apiKey.rawValue, apiVersion: version, correlationID: 77, clientID: "c"))
    XCTAssertEqual(
      try R.decodeBody(&body, version: version), request, "\(R.apiKey) v\(version)", file: file, line: line)
    XCTAssertTrue(body.isAtEnd, "\(R.apiKey) v\(version) leaves no bytes", file: file, line: line)
  }

  func testRequestsRoundTripInEveryVersion() throws {
    for version in ApiVersionsRequest.versions {
      try roundTrip(
        version >= 3
          ? ApiVersionsRequest() : ApiVersionsRequest(clientSoftwareName: "", clientSoftwareVersion: ""),
        version: version)
    }
    for version in MetadataRequest.versions {
      try roundTrip(
        MetadataRequest(topics: ["a", "b"], allowAutoTopicCreation: version < 4), version: version)
      try roundTrip(MetadataRequest(topics: nil, allowAutoTopicCreation: version < 4), version: version)
    }
    for version in ListOffsetsRequest.versions {
      let partitions: [ListOffsetsRequest.Partition] = [
        .init(partitionIndex: 0, timestamp: -2, currentLeaderEpoch: version >= 4 ? 6 : -1),
        .init(partitionIndex: 3, timestamp: 1_700_000_000_000),
      ]
      try roundTrip(
        ListOffsetsRequest(
          topics: [.init(name: "t", partitions: partitions)],
          isolationLevel: version >= 2 ? .readCommitted : .readUncommitted), version: version)
    }
    for version in FetchRequest.versions {
      var request = FetchRequest(
        topics: [
          .init(
            name: "pins",
            partitions: [
              .init(
                partition: 2, fetchOffset: 99, partitionMaxBytes: 1024,
                currentLeaderEpoch: version >= 9 ? 4 : -1,
                lastFetchedEpoch: version >= 12 ? 3 : -1, logStartOffset: version >= 5 ? 7 : -1)
            ])
        ], maxWaitMs: 250, minBytes: 10, maxBytes: 4096, isolationLevel: .readCommitted)
      if version >= 7 {
        request.sessionID = 5
        request.sessionEpoch = 1
      }
      if version >= 11 { request.rackID = "rack-1" }
      try roundTrip(request, version: version)
    }
    for version in ProduceRequest.versions {
      try roundTrip(
        ProduceRequest(
          topics: [.init(name: "t", partitions: [.init(index: 1, records: [1, 2, 3])])], acks: 1,
          timeoutMs: 5,
          transactionalID: "tx"), version: version)
    }
  }

  func testSpecEncodedFramesDecode() throws {
    var (header, body) = try KafkaBrokerCodec.decodeRequest(
      Array(try Fixtures.bytes("request_fetch_v12.bin")[4...]))
    XCTAssertEqual(header.clientID, "fixture-generator")
    let fetch = try FetchRequest.decodeBody(&body, version: header.apiVersion)
    XCTAssertEqual(fetch.topics.first?.partitions.map(\.partition), [0, 1])
    XCTAssertEqual(fetch.sessionEpoch, -1)
    (header, body) = try KafkaBrokerCodec.decodeRequest(
      Array(try Fixtures.bytes("request_produce_v9.bin")[4...]))
    let produce = try ProduceRequest.decodeBody(&body, version: header.apiVersion)
    XCTAssertEqual(
      produce.topics.first?.partitions.first?.records, try Fixtures.bytes("produce_batch_zstd.bin"))
    (header, body) = try KafkaBrokerCodec.decodeRequest(
      Array(try Fixtures.bytes("request_metadata_v12.bin")[4...]))
    XCTAssertEqual(try MetadataRequest.decodeBody(&body, version: 12).topics, ["fixture-topic"])
  }

  func testResponseFrames() throws {
    let apiVersions = ApiVersionsResponse(apiKeys: [ApiVersionRange(.fetch, 4...12)])
    let frame = KafkaBrokerCodec.encodeResponseFrame(
      apiVersions, for: ApiVersionsRequest.self, version: 3, correlationID: 8)
    var decoder = KafkaFrameDecoder()
    decoder.feed(frame)
    let body = try XCTUnwrap(try decoder.nextFrame())
    XCTAssertEqual(try ApiVersionsRequest.decodeResponseFrame(body, version: 3).response, apiVersions)
    for version in ProduceRequest.versions {
      let response = ProduceResponse(
        topics: [
          .init(
            name: "t",
            partitions: [
              .init(
                index: 0, errorCode: .notLeaderOrFollower, baseOffset: 12,
                logStartOffset: version >= 5 ? 0 : -1,
                recordErrors: version >= 8 ? [.init(batchIndex: 0, message: "bad")] : [],
                errorMessage: version >= 8 ? "moved" : nil)
            ])
        ], throttleTimeMs: 2)
      let frame = KafkaBrokerCodec.encodeResponseFrame(
        response, for: ProduceRequest.self, version: version, correlationID: 1)
      XCTAssertEqual(
        try ProduceRequest.decodeResponseFrame(Array(frame[4...]), version: version).response, response)
    }
  }

  func testUnknownApiKeyIsRefused() {
    XCTAssertThrowsError(try KafkaBrokerCodec.decodeRequest([0x03, 0xE7, 0, 0, 0, 0, 0, 1, 0xFF, 0xFF]))
  }
}
