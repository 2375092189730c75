import SluiceCore
import XCTest

@testable import SluiceCheckpoint

final class FileFormatGoldenTests: XCTestCase {
  func offset(_ text: String) throws -> SerializedOffset { try SerializedOffset(text: text) }

  func testOffsetSeqExactBytes() throws {
    let entry = OffsetSeq(
      metadata: OffsetSeqMetadata(batchTimestampMs: 1_700_000_000_000),
      offsets: [try offset(#"{"pinterest.pin":{"1":98,"0":120}}"#), nil])
    let expected =
      "v1\n{\"batchWatermarkMs\":0,\"batchTimestampMs\":1700000000000,\"conf\":{}}\n"
      + "{\"pinterest.pin\":{\"0\":120,\"1\":98}}\n-"
    XCTAssertEqual(String(decoding: entry.serialized(), as: UTF8.self), expected)
    XCTAssertEqual(try OffsetSeq.parse(entry.serialized(), file: "offsets/0"), entry)
  }

  func testOffsetSeqConfIsWrittenWithSortedKeys() {
    let entry = OffsetSeq(
      metadata: OffsetSeqMetadata(batchWatermarkMs: 5, batchTimestampMs: 7, conf: ["b": "2", "a": "1"]),
      offsets: [nil])
    XCTAssertEqual(
      String(decoding: entry.serialized(), as: UTF8.self),
      "v1\n{\"batchWatermarkMs\":5,\"batchTimestampMs\":7,\"conf\":{\"a\":\"1\",\"b\":\"2\"}}\n-")
  }

  func testReadsSparkWrittenOffsets() throws {
    let spark = Array(
      """
      v1
      {"batchWatermarkMs":0,"batchTimestampMs":1700000000000,"conf":{"spark.sql.shuffle.partitions":"200",\
      "spark.sql.streaming.stateStore.providerClass":"org.apache.spark.sql.execution.streaming.state.HDFSBackedStateStoreProvider"}}
      {"my-topic":{"0":1234,"1":998}}
      -
      """.utf8)
    let entry = try OffsetSeq.parse(spark, file: "offsets/4")
    XCTAssertEqual(entry.metadata.batchTimestampMs, 1_700_000_000_000)
    XCTAssertEqual(entry.metadata.conf["spark.sql.shuffle.partitions"], "200")
    XCTAssertEqual(entry.offsets, [try offset(#"{"my-topic":{"0":1234,"1":998}}"#), nil])
  }

  func testToleratesTrailingNewlineAndEmptyMetadataLine() throws {
    let entry = try OffsetSeq.parse(Array("v1\n\n{\"t\":{\"0\":1}}\n".utf8), file: "offsets/0")
    XCTAssertEqual(entry.metadata, OffsetSeqMetadata(batchTimestampMs: 0))
    XCTAssertEqual(entry.offsets, [try offset(#"{"t":{"0":1}}"#)])
  }

  func testCommitExactBytes() throws {
    XCTAssertEqual(
      String(decoding: CommitEntry().serialized(), as: UTF8.self), "v1\n{\"nextBatchWatermarkMs\":0}")
    XCTAssertEqual(try CommitEntry.parse(Array("v1".utf8), file: "commits/0"), CommitEntry())
    XCTAssertEqual(
      try CommitEntry.parse(Array("v1\n{\"nextBatchWatermarkMs\":12}".utf8), file: "commits/0"),
      CommitEntry(nextBatchWatermarkMs: 12))
  }

  func testMetadataExactBytes() throws {
    let id = try QueryID("8d5c3b3c-1111-4222-8333-444455556666")
    XCTAssertEqual(
      String(decoding: CheckpointMetadata(id: id).serialized(), as: UTF8.self),
      #"{"id":"8d5c3b3c-1111-4222-8333-444455556666"}"#)
    let full = CheckpointMetadata(id: id, name: "pin", sources: ["log:pinterest.pin"])
    XCTAssertEqual(
      String(decoding: full.serialized(), as: UTF8.self),
      #"{"id":"8d5c3b3c-1111-4222-8333-444455556666","name":"pin","sources":["log:pinterest.pin"]}"#)
    XCTAssertEqual(try CheckpointMetadata.parse(full.serialized(), file: "metadata"), full)
  }

  func testInitialOffsetExactBytes() throws {
    let bytes = InitialOffsetFile.serialize(try offset(#"{"t":{"0":0,"1":5}}"#))
    XCTAssertEqual(bytes, [0x00] + Array("v1\n{\"t\":{\"0\":0,\"1\":5}}".utf8))
    XCTAssertEqual(InitialOffsetFile.path(source: 2), "sources/2/0")
    XCTAssertEqual(
      try InitialOffsetFile.parse(bytes, file: "sources/0/0"), try offset(#"{"t":{"0":0,"1":5}}"#))
    // Spark 2.1.0 wrote the JSON without a version line.
    XCTAssertEqual(
      try InitialOffsetFile.parse(Array("{\"t\":{\"0\":3}}".utf8), file: "sources/0/0"),
      try offset(#"{"t":{"0":3}}"#))
  }

  func testMetadataVerifiesSources() throws {
    let metadata = CheckpointMetadata(id: QueryID.random(), sources: ["log:a"])
    XCTAssertNoThrow(try metadata.verifySources(["log:a"], location: "/c"))
    XCTAssertThrowsError(try metadata.verifySources(["log:b"], location: "/c")) { error in
      let error = error as! CheckpointError
      XCTAssertEqual(error.code, .sourceMismatch)
      XCTAssertTrue(
        error.message.contains(
          "checkpoint /c belongs to another query: it was written for source log:a but this job reads log:b"))
      XCTAssertTrue(error.message.contains("mv /c /c.old"), error.message)
    }
    XCTAssertNoThrow(try CheckpointMetadata(id: QueryID.random()).verifySources(["x"], location: "/c"))
    let named = CheckpointMetadata(id: QueryID.random(), name: "pin", sources: ["log:a"])
    XCTAssertNoThrow(try named.verifyJob(name: "pin", location: "/c"))
    XCTAssertThrowsError(try named.verifyJob(name: "geo", location: "/c")) { error in
      XCTAssertTrue("\(error)".contains("checkpoint /c belongs to job 'pin', not to 'geo'"), "\(error)")
    }
  }
}
