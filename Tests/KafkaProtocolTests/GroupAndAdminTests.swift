import KafkaProtocol
import XCTest

/// CreateTopics, Produce, FindCoordinator, OffsetCommit/OffsetFetch, SASL and CreatePartitions:
/// request frames equal the generator's spec-encoded frames; responses come from Tansu.
final class GroupAndAdminTests: XCTestCase {
  let client = "fixture-generator"

  func frame<R: KafkaRequest>(_ request: R, _ version: Int16, _ correlation: Int32) throws -> [UInt8] {
    try request.encodeFrame(version: version, correlationID: correlation, clientID: client)
  }

  func testCreateTopics() throws {
    let request = CreateTopicsRequest(topics: [
      .init(
        name: "created-by-fixture", numPartitions: 3, replicationFactor: 1, configs: ["retention.ms": "60000"]
      )
    ])
    XCTAssertEqual(try frame(request, 7, 11), try Fixtures.bytes("request_createtopics_v7.bin"))
    let (_, response) = try CreateTopicsRequest.decodeResponseFrame(
      try Fixtures.response("createtopics_v7"), version: 7)
    XCTAssertEqual(response.topics.map(\.name), ["created-by-fixture"])
    XCTAssertEqual(response.topics.first?.errorCode, KafkaErrorCode.none)
    XCTAssertEqual(response.topics.first?.numPartitions, 3)
  }

  func testProduceV9AndV3() throws {
    let batch = try Fixtures.bytes("produce_batch_zstd.bin")
    let v9 = ProduceRequest(topics: [
      .init(name: "created-by-fixture", partitions: [.init(index: 2, records: batch)])
    ])
    XCTAssertEqual(try frame(v9, 9, 12), try Fixtures.bytes("request_produce_v9.bin"))
    let (_, response9) = try ProduceRequest.decodeResponseFrame(
      try Fixtures.response("produce_v9"), version: 9)
    let partition = try XCTUnwrap(response9.topics.first?.partitions.first)
    XCTAssertEqual(partition.index, 2)
    XCTAssertEqual(partition.errorCode, .none)
    XCTAssertEqual(partition.baseOffset, 0)
    let v3 = ProduceRequest(topics: [
      .init(name: "created-by-fixture", partitions: [.init(index: 0, records: batch)])
    ])
    XCTAssertEqual(try frame(v3, 3, 13), try Fixtures.bytes("request_produce_v3.bin"))
    let (_, response3) = try ProduceRequest.decodeResponseFrame(
      try Fixtures.response("produce_v3"), version: 3)
    XCTAssertEqual(response3.topics.first?.partitions.first?.errorCode, KafkaErrorCode.none)
    XCTAssertFalse(ProduceRequest(topics: [], acks: 0).expectsResponse)
  }

  func testFindCoordinator() throws {
    let request = FindCoordinatorRequest(key: "fixture-group")
    XCTAssertEqual(try frame(request, 4, 14), try Fixtures.bytes("request_findcoordinator_v4.bin"))
    XCTAssertEqual(try frame(request, 1, 15), try Fixtures.bytes("request_findcoordinator_v1.bin"))
    let (_, v4) = try FindCoordinatorRequest.decodeResponseFrame(
      try Fixtures.response("findcoordinator_v4"), version: 4)
    XCTAssertEqual(v4.coordinators.first?.key, "fixture-group")
    XCTAssertEqual(v4.coordinators.first?.host, "127.0.0.1")
    XCTAssertEqual(v4.coordinators.first?.errorCode, KafkaErrorCode.none)
    let (_, v1) = try FindCoordinatorRequest.decodeResponseFrame(
      try Fixtures.response("findcoordinator_v1"), version: 1)
    XCTAssertNil(v1.coordinators.first?.key)
    XCTAssertEqual(v1.coordinators.first?.port, v4.coordinators.first?.port)
  }

  func testOffsetCommitThenFetch() throws {
    var v8 = OffsetCommitRequest(
      groupID: "fixture-group",
      topics: [
        .init(
          name: "fixture-topic",
          partitions: [.init(partitionIndex: 0, committedOffset: 7, committedMetadata: "m")])
      ])
    XCTAssertEqual(try frame(v8, 8, 16), try Fixtures.bytes("request_offsetcommit_v8.bin"))
    v8.topics = [.init(name: "fixture-topic", partitions: [.init(partitionIndex: 1, committedOffset: 3)])]
    XCTAssertEqual(try frame(v8, 2, 17), try Fixtures.bytes("request_offsetcommit_v2.bin"))
    for (name, version) in [("offsetcommit_v8", Int16(8)), ("offsetcommit_v2", 2)] {
      let (_, response) = try OffsetCommitRequest.decodeResponseFrame(
        try Fixtures.response(name), version: version)
      XCTAssertEqual(response.topics.first?.partitions.first?.errorCode, KafkaErrorCode.none, name)
    }
    let fetch = OffsetFetchRequest(
      groupID: "fixture-group", topics: [.init(name: "fixture-topic", partitionIndexes: [0, 1])])
    XCTAssertEqual(try frame(fetch, 7, 18), try Fixtures.bytes("request_offsetfetch_v7.bin"))
    XCTAssertEqual(try frame(fetch, 1, 19), try Fixtures.bytes("request_offsetfetch_v1.bin"))
    for (name, version) in [("offsetfetch_v7", Int16(7)), ("offsetfetch_v1", 1)] {
      let (_, response) = try OffsetFetchRequest.decodeResponseFrame(
        try Fixtures.response(name), version: version)
      let partitions = response.topics.first?.partitions ?? []
      XCTAssertEqual(partitions.first { $0.partitionIndex == 0 }?.committedOffset, 7, name)
      XCTAssertEqual(partitions.first { $0.partitionIndex == 1 }?.committedOffset, 3, name)
      // (Tansu answers committed metadata as "" whatever was committed.)
    }
    XCTAssertThrowsError(
      try frame(OffsetFetchRequest(groupID: "g", topics: nil), 1, 1), "all topics needs v2+")
  }

  func testSasl() throws {
    XCTAssertEqual(
      try frame(SaslHandshakeRequest(mechanism: "PLAIN"), 1, 20),
      try Fixtures.bytes("request_saslhandshake_v1.bin"))
    let (_, handshake) = try SaslHandshakeRequest.decodeResponseFrame(
      try Fixtures.response("saslhandshake_v1"), version: 1)
    // Tansu without SASL configured rejects the mechanism and lists what it knows.
    XCTAssertEqual(handshake.errorCode, .unsupportedSaslMechanism)
    XCTAssertEqual(handshake.mechanisms, ["PLAIN"])
    let token = [0] + Array("user".utf8) + [0] + Array("secret".utf8)
    let authenticate = SaslAuthenticateRequest(authBytes: token)
    XCTAssertEqual(try frame(authenticate, 2, 23), try Fixtures.bytes("request_saslauthenticate_v2.bin"))
    XCTAssertEqual(try frame(authenticate, 0, 24), try Fixtures.bytes("request_saslauthenticate_v0.bin"))
    // A failed authentication as a broker sends it (v2: compact strings, session lifetime, tags).
    var writer = KafkaWriter()
    writer.writeInt32(5)
    writer.writeEmptyTaggedFields()
    writer.writeInt16(58)
    writer.writeNullableString("Authentication failed: Invalid username or password", compact: true)
    writer.writeBytes([UInt8](), compact: true)
    writer.writeInt64(0)
    writer.writeEmptyTaggedFields()
    let (_, failed) = try SaslAuthenticateRequest.decodeResponseFrame(writer.bytes, version: 2)
    XCTAssertEqual(failed.errorCode, .saslAuthenticationFailed)
    XCTAssertEqual(failed.errorMessage, "Authentication failed: Invalid username or password")
  }

  func testCreatePartitions() throws {
    XCTAssertEqual(
      try frame(CreatePartitionsRequest(topics: [.init(name: "fixture-topic", count: 4)]), 3, 21),
      try Fixtures.bytes("request_createpartitions_v3.bin"))
    XCTAssertEqual(
      try frame(
        CreatePartitionsRequest(
          topics: [.init(name: "fixture-topic", count: 6, assignments: [[1], [2]])], validateOnly: true), 1,
        22),
      try Fixtures.bytes("request_createpartitions_v1.bin"))
  }

  func testTruncatedAdminResponsesFailClearly() throws {
    let cases: [(String, ([UInt8]) throws -> Void)] = [
      ("createtopics_v7", { _ = try CreateTopicsRequest.decodeResponseFrame($0, version: 7) }),
      ("produce_v9", { _ = try ProduceRequest.decodeResponseFrame($0, version: 9) }),
      ("produce_v3", { _ = try ProduceRequest.decodeResponseFrame($0, version: 3) }),
      ("findcoordinator_v4", { _ = try FindCoordinatorRequest.decodeResponseFrame($0, version: 4) }),
      ("offsetcommit_v8", { _ = try OffsetCommitRequest.decodeResponseFrame($0, version: 8) }),
      ("offsetfetch_v7", { _ = try OffsetFetchRequest.decodeResponseFrame($0, version: 7) }),
      ("saslhandshake_v1", { _ = try SaslHandshakeRequest.decodeResponseFrame($0, version: 1) }),
    ]
    for (name, decode) in cases {
      let frame = try Fixtures.response(name)
      for cut in 0..<frame.count {
        XCTAssertThrowsError(try decode(Array(frame[0..<cut])), "\(name) cut at \(cut)") { error in
          XCTAssertTrue(error is KafkaProtocolError, "\(name) cut at \(cut): \(error)")
        }
      }
    }
  }
}
