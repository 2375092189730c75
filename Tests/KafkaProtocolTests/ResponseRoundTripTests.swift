import KafkaProtocol
import SluiceCore
import XCTest

/// The response encoders (for test brokers) and decoders agree in every supported version, and
/// every truncation of every version fails with a KafkaProtocolError.
final class ResponseRoundTripTests: XCTestCase {
  func frame(flexible: Bool, _ body: (inout KafkaWriter) -> Void) -> [UInt8] {
    var writer = KafkaWriter()
    ResponseHeader(correlationID: 42).encode(into: &writer, flexible: flexible)
    body(&writer)
    return writer.bytes
  }

  func assertEveryCutFails(_ bytes: [UInt8], _ what: String, _ decode: ([UInt8]) throws -> Void) {
    for cut in 0..<bytes.count {
      XCTAssertThrowsError(try decode(Array(bytes[0..<cut])), "\(what) cut at \(cut)") {
        XCTAssertTrue($0 is KafkaProtocolError, "\(what) cut at \(cut): \($0)")
      }
    }
  }

  func testMetadataEveryVersion() throws {
    for version in MetadataRequest.versions {
      var expected = MetadataResponse(
        throttleTimeMs: version >= 3 ? 5 : 0,
        brokers: [.init(nodeID: 1, host: "b1", port: 9092, rack: version >= 1 ? "r" : nil)],
        clusterID: version >= 2 ? "cluster" : nil, controllerID: 1,
        topics: [
          .init(
            errorCode: .none, name: "pins", topicID: version >= 10 ? KafkaUUID(high: 7, low: 9) : .zero,
            isInternal: false,
            partitions: [
              .init(
                partitionIndex: 0, leaderID: 1, leaderEpoch: version >= 7 ? 3 : -1, replicaNodes: [1],
                isrNodes: [1],
                offlineReplicas: version >= 5 ? [2] : [])
            ]),
          .init(errorCode: .unknownTopicOrPartition, name: "gone", partitions: []),
        ])
      let bytes = frame(flexible: version >= 9) { expected.encode(into: &$0, version: version) }
      let (correlation, decoded) = try MetadataRequest.decodeResponseFrame(bytes, version: version)
      XCTAssertEqual(correlation, 42)
      XCTAssertEqual(decoded, expected, "v\(version)")
      expected.controllerID = 0
      assertEveryCutFails(bytes, "Metadata v\(version)") {
        _ = try MetadataRequest.decodeResponseFrame($0, version: version)
      }
    }
  }

  func testListOffsetsEveryVersion() throws {
    for version in ListOffsetsRequest.versions {
      let expected = ListOffsetsResponse(
        throttleTimeMs: version >= 2 ? 1 : 0,
        topics: [
          .init(
            name: "pins",
            partitions: [
              .init(partitionIndex: 0, timestamp: 17, offset: 1234, leaderEpoch: version >= 4 ? 2 : -1),
              .init(partitionIndex: 1, errorCode: .notLeaderOrFollower, offset: -1),
            ])
        ])
      let bytes = frame(flexible: version >= 6) { expected.encode(into: &$0, version: version) }
      XCTAssertEqual(try ListOffsetsRequest.decodeResponseFrame(bytes, version: version).response, expected)
      assertEveryCutFails(bytes, "ListOffsets v\(version)") {
        _ = try ListOffsetsRequest.decodeResponseFrame($0, version: version)
      }
    }
  }

  func testFetchEveryVersion() throws {
    var batch = RecordBatchEncoder(baseOffset: 10, compression: .lz4)
    batch.append(key: nil, value: Array("v".utf8), timestamp: 1)
    let records = try batch.encode()
    for version in FetchRequest.versions {
      let expected = FetchResponse(
        throttleTimeMs: 3, errorCode: .none, sessionID: 0,
        topics: [
          .init(
            name: "pins",
            partitions: [
              .init(
                partitionIndex: 0, highWatermark: 11, lastStableOffset: 11,
                logStartOffset: version >= 5 ? 0 : -1,
                abortedTransactions: [AbortedTransaction(producerID: 5, firstOffset: 2)],
                preferredReadReplica: -1, currentLeader: nil, records: records[...]),
              .init(
                partitionIndex: 1, errorCode: .notLeaderOrFollower, highWatermark: -1,
                logStartOffset: version >= 5 ? -1 : -1,
                currentLeader: version >= 12 ? .init(leaderID: 2, leaderEpoch: 8) : nil),
            ])
        ])
      let bytes = frame(flexible: version >= 12) { expected.encode(into: &$0, version: version) }
      let decoded = try FetchRequest.decodeResponseFrame(bytes, version: version).response
      XCTAssertEqual(decoded, expected, "v\(version)")
      assertEveryCutFails(bytes, "Fetch v\(version)") {
        _ = try FetchRequest.decodeResponseFrame($0, version: version)
      }
    }
  }

  func testApiVersionsEveryVersionAndUnsupportedVersionFallback() throws {
    let expected = ApiVersionsResponse(apiKeys: [
      ApiVersionRange(.fetch, 0...17), ApiVersionRange(apiKey: 999, minVersion: 0, maxVersion: 1),
    ])
    for version in ApiVersionsRequest.versions {
      var body = expected
      body.throttleTimeMs = version >= 1 ? 9 : 0
      let bytes = frame(flexible: false) { body.encode(into: &$0, version: version) }
      XCTAssertEqual(try ApiVersionsRequest.decodeResponseFrame(bytes, version: version).response, body)
      assertEveryCutFails(bytes, "ApiVersions v\(version)") {
        _ = try ApiVersionsRequest.decodeResponseFrame($0, version: version)
      }
    }
    // A broker that cannot answer v3 replies UNSUPPORTED_VERSION in the v0 layout.
    let rejection = ApiVersionsResponse(
      errorCode: .unsupportedVersion, apiKeys: [ApiVersionRange(.apiVersions, 0...2)])
    let bytes = frame(flexible: false) { rejection.encode(into: &$0, version: 0) }
    let decoded = try ApiVersionsRequest.decodeResponseFrame(bytes, version: 3).response
    XCTAssertEqual(decoded.errorCode, .unsupportedVersion)
    XCTAssertEqual(decoded.range(for: .apiVersions)?.maxVersion, 2)
    XCTAssertNil(decoded.range(for: .fetch))
    XCTAssertEqual(ApiVersionRange(apiKey: 999, minVersion: 0, maxVersion: 1).key, nil)
  }
}
