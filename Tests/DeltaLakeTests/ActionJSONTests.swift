import SluiceCore
import XCTest

@testable import DeltaLake

final class ActionJSONTests: XCTestCase {
  func testProtocolLine() {
    XCTAssertEqual(
      DeltaAction.protocol(.sluiceDefault).jsonLine,
      #"{"protocol":{"minReaderVersion":1,"minWriterVersion":2}}"#)
  }

  func testMetadataLine() {
    let schema = Schema([Field("ind", .int64), Field("v", .list(.double))])
    let metadata = MetadataAction(
      id: "0f2d2c3e-0000-4000-8000-000000000001", schemaString: DeltaSchema.encode(schema),
      partitionColumns: ["category"], configuration: ["delta.appendOnly": "true"],
      createdTime: 1_700_000_000_000)
    XCTAssertEqual(
      DeltaAction.metaData(metadata).jsonLine,
      #"{"metaData":{"id":"0f2d2c3e-0000-4000-8000-000000000001","format":{"provider":"parquet","options":{}},"#
        + #""schemaString":"{\"type\":\"struct\",\"fields\":[{\"name\":\"ind\",\"type\":\"long\",\"nullable\":true,\"metadata\":{}},"#
        + #"{\"name\":\"v\",\"type\":{\"type\":\"array\",\"elementType\":\"double\",\"containsNull\":false},\"nullable\":true,\"metadata\":{}}]}","#
        + #""partitionColumns":["category"],"configuration":{"delta.appendOnly":"true"},"createdTime":1700000000000}}"#
    )
  }

  func testAddLineHasStatsAsString() {
    let stats = FileStatistics(
      numRecords: 2, minValues: .object([("ind", .int(1))]), maxValues: .object([("ind", .int(2))]),
      nullCount: .object([("ind", .int(0))]))
    let add = AddAction(
      path: "category=a%252Fb/part-00000-x.c000.zstd.parquet", partitionValues: ["category": "a/b"],
      size: 1234,
      modificationTime: 1_700_000_000_123, dataChange: true, stats: stats.jsonString)
    XCTAssertEqual(
      DeltaAction.add(add).jsonLine,
      #"{"add":{"path":"category=a%252Fb/part-00000-x.c000.zstd.parquet","partitionValues":{"category":"a/b"},"#
        + #""size":1234,"modificationTime":1700000000123,"dataChange":true,"#
        + #""stats":"{\"numRecords\":2,\"minValues\":{\"ind\":1},\"maxValues\":{\"ind\":2},\"nullCount\":{\"ind\":0}}"}}"#
    )
  }

  func testRemoveTxnAndNullPartitionLines() {
    let remove = RemoveAction(
      path: "p.parquet", deletionTimestamp: 5, dataChange: true, extendedFileMetadata: true,
      partitionValues: ["c": nil], size: 9)
    XCTAssertEqual(
      DeltaAction.remove(remove).jsonLine,
      #"{"remove":{"path":"p.parquet","deletionTimestamp":5,"dataChange":true,"extendedFileMetadata":true,"partitionValues":{"c":null},"size":9}}"#
    )
    XCTAssertEqual(
      DeltaAction.txn(TransactionAction(appId: "q", version: 7, lastUpdated: 8)).jsonLine,
      #"{"txn":{"appId":"q","version":7,"lastUpdated":8}}"#)
  }

  func testStreamingCommitInfoLine() {
    let add = AddAction(path: "f", size: 100, modificationTime: 1)
    let info = WriteOperation.streamingUpdate(queryId: "q-1", epochId: 3).commitInfo(
      timestamp: 1_700_000_000_000, readVersion: 2, partitionColumns: [], files: [add, add], rows: 42,
      engineInfo: "Sluice/0.1.0")
    XCTAssertEqual(
      DeltaAction.commitInfo(info).jsonLine,
      #"{"commitInfo":{"timestamp":1700000000000,"operation":"STREAMING UPDATE","#
        + #""operationParameters":{"outputMode":"Append","queryId":"q-1","epochId":"3"},"readVersion":2,"#
        + #""isolationLevel":"Serializable","isBlindAppend":true,"#
        + #""operationMetrics":{"numAddedFiles":"2","numRemovedFiles":"0","numOutputRows":"42","numOutputBytes":"200"},"#
        + #""engineInfo":"Sluice/0.1.0"}}"#)
  }

  func testWriteCommitInfoHasPartitionByAsJSONString() {
    let info = WriteOperation.write.commitInfo(
      timestamp: 1, readVersion: nil, partitionColumns: ["a", "b"], files: [], rows: 0, engineInfo: "Sluice")
    XCTAssertEqual(info.operationParameters["partitionBy"]?.stringValue, #"["a","b"]"#)
    XCTAssertEqual(info.operationParameters["mode"]?.stringValue, "Append")
    XCTAssertNil(info.readVersion)
    XCTAssertEqual(info.operationMetrics["numFiles"]?.stringValue, "0")
  }

  func testDecodeRoundTripsEveryAction() throws {
    let actions: [DeltaAction] = [
      .commitInfo(
        CommitInfo(
          timestamp: 1, operation: "WRITE", operationParameters: .object([("mode", .string("Append"))]))),
      .protocol(
        ProtocolAction(minReaderVersion: 3, minWriterVersion: 7, readerFeatures: ["x"], writerFeatures: ["y"])
      ),
      .metaData(
        MetadataAction(id: "id", name: "n", schemaString: "{}", partitionColumns: ["p"], createdTime: 3)),
      .add(AddAction(path: "a b", partitionValues: ["p": nil], size: 1, modificationTime: 2, stats: "{}")),
      .remove(RemoveAction(path: "r", deletionTimestamp: 4)),
      .txn(TransactionAction(appId: "app", version: 9)),
    ]
    let decoded = try CommitFile.decode(CommitFile.encode(actions), fileName: "00.json")
    XCTAssertEqual(decoded, actions)
  }

  func testUnknownActionsAndFieldsAreKeptOrIgnored() throws {
    let text =
      #"{"add":{"path":"x","size":1,"modificationTime":2,"dataChange":true,"newField":{"a":1}}}"# + "\n"
      + #"{"domainMetadata":{"domain":"d","configuration":"{}","removed":false}}"# + "\n"
      + #"{"commitInfo":{"timestamp":5,"clientVersion":"delta-rs.py-1.6.6","operationMetrics":{"num_added_files":2}}}"#
    let actions = try CommitFile.decode(Array(text.utf8), fileName: "00.json")
    XCTAssertEqual(actions.count, 3)
    guard case .add(let add) = actions[0] else { return XCTFail("expected add, got \(actions[0])") }
    XCTAssertEqual(add.path, "x")
    XCTAssertEqual(actions[1].key, "domainMetadata")
    guard case .commitInfo(let info) = actions[2] else { return XCTFail("expected commitInfo") }
    XCTAssertEqual(info.otherFields["clientVersion"]?.stringValue, "delta-rs.py-1.6.6")
    XCTAssertEqual(info.operationMetrics["num_added_files"]?.intValue, 2)
  }

  func testCorruptLineIsReportedWithFileAndLine() {
    let text = Fixtures.basicProtocol + "\n" + #"{"add":{"path":"x","size":"big"}}"# + "\n"
    XCTAssertThrowsError(
      try CommitFile.decode(Array(text.utf8), fileName: "/t/_delta_log/00000000000000000003.json")
    ) {
      let error = $0 as! DeltaError
      XCTAssertEqual(error.code, .corruptCommit)
      XCTAssertTrue(error.message.contains("00000000000000000003.json line 2"), error.message)
      XCTAssertTrue(error.message.contains("'add.size' must be an integer"), error.message)
    }
  }

  func testTruncatedCommitIsReported() {
    let text = Fixtures.basicProtocol + "\n" + #"{"metaData":{"id":"abc","schemaStr"#
    XCTAssertThrowsError(try CommitFile.decode(Array(text.utf8), fileName: "00000000000000000000.json")) {
      let error = $0 as! DeltaError
      XCTAssertEqual(error.code, .corruptCommit)
      XCTAssertTrue(error.message.contains("line 2"), error.message)
      XCTAssertTrue(error.message.contains("truncated"), error.message)
    }
  }

  func testEmptyCommitAndMissingRequiredFieldAreCorrupt() {
    XCTAssertThrowsError(try CommitFile.decode([], fileName: "c.json")) {
      XCTAssertEqual(($0 as! DeltaError).code, .corruptCommit)
    }
    XCTAssertThrowsError(try CommitFile.decode(Array(#"{"txn":{"version":1}}"#.utf8), fileName: "c.json")) {
      XCTAssertTrue(($0 as! DeltaError).message.contains("'txn' has no 'appId' field"), "\($0)")
    }
  }

  func testCommitInfoFastPathReadsOnlyThatLine() throws {
    let text = Fixtures.commitInfo("WRITE", timestamp: 77) + "\n" + "{not json at all\n"
    let info = try CommitFile.commitInfo(in: Array(text.utf8), fileName: "c.json")
    XCTAssertEqual(info?.timestamp, 77)
    XCTAssertNil(
      try CommitFile.commitInfo(in: Array((Fixtures.basicProtocol + "\n").utf8), fileName: "c.json"))
  }
}
