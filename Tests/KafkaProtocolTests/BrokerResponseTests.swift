import KafkaProtocol
import SluiceCore
import XCTest

/// Responses captured from a real broker (Tansu 0.6) after kafka-python produced three records
/// per codec (gzip, snappy (xerial), lz4, zstd, none) to partition 0 of `fixture-topic`
/// (2 partitions). Tansu stores batches as produced, so each codec arrives as kafka-python wrote it.
final class BrokerResponseTests: XCTestCase {
  func testApiVersionsV3AndV0() throws {
    let (correlation, v3) = try ApiVersionsRequest.decodeResponseFrame(
      try Fixtures.response("apiversions_v3"), version: 3)
    XCTAssertEqual(correlation, 1)
    XCTAssertEqual(v3.errorCode, .none)
    XCTAssertGreaterThan(v3.apiKeys.count, 20)
    XCTAssertEqual(v3.range(for: .apiVersions)?.maxVersion ?? 0 >= 3, true)
    XCTAssertEqual(v3.version(for: FetchRequest.self), 12)
    XCTAssertEqual(v3.version(for: MetadataRequest.self), 12)
    XCTAssertEqual(v3.version(for: ListOffsetsRequest.self), 7)
    XCTAssertEqual(v3.version(for: ProduceRequest.self), 9)
    let (_, v0) = try ApiVersionsRequest.decodeResponseFrame(
      try Fixtures.response("apiversions_v0"), version: 0)
    XCTAssertEqual(v0.apiKeys, v3.apiKeys)
  }

  func testMetadataV12AndV1() throws {
    let (correlation, metadata) = try MetadataRequest.decodeResponseFrame(
      try Fixtures.response("metadata_v12"), version: 12)
    XCTAssertEqual(correlation, 3)
    let topic = try XCTUnwrap(metadata.topic("fixture-topic"))
    XCTAssertEqual(topic.errorCode, .none)
    XCTAssertFalse(topic.topicID.isZero, "v10+ carries the topic id")
    XCTAssertEqual(topic.partitions.map(\.partitionIndex).sorted(), [0, 1])
    for partition in topic.partitions {
      let leader = try XCTUnwrap(
        metadata.broker(partition.leaderID), "leader \(partition.leaderID) is listed")
      XCTAssertEqual(leader.host, "127.0.0.1")
    }
    let (_, all) = try MetadataRequest.decodeResponseFrame(try Fixtures.response("metadata_v1"), version: 1)
    XCTAssertNotNil(all.topic("fixture-topic"))
    XCTAssertEqual(all.topic("fixture-topic")?.topicID, .zero)
  }

  func testListOffsetsV7() throws {
    let (_, response) = try ListOffsetsRequest.decodeResponseFrame(
      try Fixtures.response("listoffsets_v7"), version: 7)
    let partitions = try XCTUnwrap(response.topics.first { $0.name == "fixture-topic" }).partitions
    let earliest = try XCTUnwrap(partitions.first { $0.partitionIndex == 0 })
    XCTAssertEqual(earliest.errorCode, .none)
    XCTAssertEqual(earliest.offset, 0)
    let latestOfEmpty = try XCTUnwrap(partitions.first { $0.partitionIndex == 1 })
    XCTAssertEqual(latestOfEmpty.offset, 0)
  }

  func assertProducedRecords(
    _ partition: FetchResponse.Partition, file: StaticString = #filePath, line: UInt = #line
  )
    throws
  {
    XCTAssertEqual(partition.errorCode, .none, file: file, line: line)
    XCTAssertEqual(partition.highWatermark, 15, file: file, line: line)
    var records = RawRecords()
    let range = try partition.records.withUnsafeBytes {
      try RecordBatchDecoder.decodeRecords($0, topic: "fixture-topic", partition: 0, from: 0, into: &records)
    }
    XCTAssertEqual(range.nextOffset, 15, file: file, line: line)
    XCTAssertEqual(range.batchCount, 5, file: file, line: line)
    let codecs = ["gzip", "snappy", "lz4", "zstd", "none"]
    let padding = String(repeating: "pinterest ", count: 20)
    let values = codecs.flatMap { codec in (0..<3).map { "\(codec)-\($0) \(padding)" } }
    XCTAssertEqual(
      (0..<records.count).map { String(decoding: records.value($0), as: UTF8.self) }, values,
      file: file, line: line)
    XCTAssertEqual(records.offsets, Array(0..<15), file: file, line: line)
    XCTAssertEqual(records.key(4).map(Array.init), Array("k1".utf8), file: file, line: line)
    XCTAssertEqual(records.timestamps[5], 1_700_000_000_002, file: file, line: line)
    XCTAssertEqual(
      (0..<15).map { records.headers($0).first?.value.map { String(decoding: $0, as: UTF8.self) } },
      codecs.flatMap { Array(repeating: $0, count: 3) }, file: file, line: line)
    let batches = try partition.records.withUnsafeBytes { try RecordBatchDecoder.decodeBatches($0) }
    XCTAssertEqual(
      batches.map(\.compression), [.gzip, .snappy, .lz4, .zstd, KafkaCompression.none], file: file, line: line
    )
  }

  func testFetchV12DecodesEveryCodecFromKafkaPython() throws {
    let (correlation, response) = try FetchRequest.decodeResponseFrame(
      try Fixtures.response("fetch_v12"), version: 12)
    XCTAssertEqual(correlation, 6)
    XCTAssertEqual(response.errorCode, .none)
    let topic = try XCTUnwrap(response.topics.first)
    XCTAssertEqual(topic.name, "fixture-topic")
    try assertProducedRecords(try XCTUnwrap(topic.partitions.first { $0.partitionIndex == 0 }))
    let empty = try XCTUnwrap(topic.partitions.first { $0.partitionIndex == 1 })
    XCTAssertEqual(empty.highWatermark, 0)
    XCTAssertTrue(empty.records.isEmpty)
  }

  func testFetchV4() throws {
    let (_, response) = try FetchRequest.decodeResponseFrame(try Fixtures.response("fetch_v4"), version: 4)
    try assertProducedRecords(try XCTUnwrap(response.topics.first?.partitions.first))
  }

  func testFetchForAnUnknownTopicDecodes() throws {
    let (_, response) = try FetchRequest.decodeResponseFrame(
      try Fixtures.response("fetch_v12_unknown_topic"), version: 12)
    let errors = response.topics.flatMap(\.partitions).map(\.errorCode)
    XCTAssertTrue(errors.allSatisfy { $0 == .unknownTopicOrPartition || $0 == .unknownTopicID }, "\(errors)")
  }

  func testEveryTruncationOfEveryResponseIsAClearError() throws {
    let cases: [(String, ([UInt8]) throws -> Void)] = [
      ("apiversions_v3", { _ = try ApiVersionsRequest.decodeResponseFrame($0, version: 3) }),
      ("metadata_v12", { _ = try MetadataRequest.decodeResponseFrame($0, version: 12) }),
      ("metadata_v1", { _ = try MetadataRequest.decodeResponseFrame($0, version: 1) }),
      ("listoffsets_v7", { _ = try ListOffsetsRequest.decodeResponseFrame($0, version: 7) }),
      ("fetch_v12", { _ = try FetchRequest.decodeResponseFrame($0, version: 12) }),
      ("fetch_v4", { _ = try FetchRequest.decodeResponseFrame($0, version: 4) }),
    ]
    for (name, decode) in cases {
      let frame = try Fixtures.response(name)
      XCTAssertNoThrow(try decode(frame), name)
      for cut in 0..<frame.count {
        XCTAssertThrowsError(try decode(Array(frame[0..<cut])), "\(name) cut at \(cut)") { error in
          let error = error as? KafkaProtocolError
          XCTAssertNotNil(error, "\(name) cut at \(cut)")
          XCTAssertTrue(
            error?.code == .truncated || error?.code == .malformed,
            "\(name) cut at \(cut): \(String(describing: error))")
          XCTAssertTrue(error?.message.contains("reading") ?? false || error?.code == .malformed)
        }
      }
    }
  }
}
