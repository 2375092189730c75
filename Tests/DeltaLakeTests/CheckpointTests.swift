import Parquet
import SluiceCore
import XCTest

@testable import DeltaLake

final class CheckpointTests: XCTestCase {
  func sampleActions() -> [DeltaAction] {
    [
      .protocol(
        ProtocolAction(
          minReaderVersion: 3, minWriterVersion: 7, readerFeatures: [],
          writerFeatures: ["appendOnly", "invariants"])),
      .metaData(
        MetadataAction(
          id: "abc", name: "pins", schemaString: DeltaSchema.encode(Fixtures.pinSchema),
          partitionColumns: ["category", "day"], configuration: ["delta.checkpointInterval": "2", "x": "y"],
          createdTime: 17)),
      .txn(TransactionAction(appId: "q1", version: 4, lastUpdated: 99)),
      .txn(TransactionAction(appId: "q2", version: 0)),
      .add(
        AddAction(
          path: "category=a/f1.parquet", partitionValues: ["category": "a", "day": nil], size: 10,
          modificationTime: 11,
          dataChange: true, stats: #"{"numRecords":3}"#)),
      .add(
        AddAction(path: "f2.parquet", size: 20, modificationTime: 21, dataChange: false, tags: ["k": "v"])),
      .remove(
        RemoveAction(
          path: "old.parquet", deletionTimestamp: 5, dataChange: true, partitionValues: [:], size: 7)),
      .remove(RemoveAction(path: "older.parquet")),
    ]
  }

  func testCheckpointRoundTripsEveryAction() throws {
    let actions = sampleActions()
    let bytes = try CheckpointWriter.encode(actions)
    let decoded = try CheckpointReader.actions(from: bytes, name: "cp")
    XCTAssertEqual(Set(decoded.map(\.jsonLine)), Set(actions.map(\.jsonLine)))
    XCTAssertEqual(decoded.count, actions.count)
  }

  func testNullProtocolFeatureListsStayNull() throws {
    let decoded = try CheckpointReader.actions(
      from: try CheckpointWriter.encode([.protocol(.sluiceDefault)]), name: "cp")
    XCTAssertEqual(decoded, [.protocol(.sluiceDefault)])
  }

  /// A nested Parquet file with `fields` holding `records`.
  func parquet(_ fields: [NestedField], _ records: [[String: NestedValue]]) throws -> [UInt8] {
    let writer = try ParquetNestedWriter(fields: fields)
    try writer.write(records)
    return try writer.finish().bytes
  }

  func testOtherEnginesCheckpointShapesReadMissingFieldsAsNullAndSkipExtras() throws {
    let string = NestedType.primitive(.string)
    let fields = [
      NestedField(
        "add",
        .group([
          NestedField("path", string), NestedField("size", .primitive(.int64)),
          NestedField("stats_parsed", .group([NestedField("numRecords", .primitive(.int64))])),
          NestedField("deletionVector", .group([NestedField("storageType", string)])),
        ])),
      NestedField(
        "metaData",
        .group([
          NestedField("id", string), NestedField("schemaString", string),
          NestedField("format", .group([NestedField("provider", string)])),
        ])),
      NestedField(
        "protocol",
        .group([
          NestedField("minReaderVersion", .primitive(.int32)),
          NestedField("minWriterVersion", .primitive(.int32)),
        ])),
      NestedField("domainMetadata", .group([NestedField("domain", string)])),
    ]
    let bytes = try parquet(
      fields,
      [
        ["protocol": .group(["minReaderVersion": .int32(1), "minWriterVersion": .int32(2)])],
        ["metaData": .group(["id": .string("m"), "schemaString": .string("{}")])],
        ["domainMetadata": .group(["domain": .string("d")])],
        [
          "add": .group([
            "path": .string("a.parquet"), "size": .int64(5),
            "stats_parsed": .group(["numRecords": .int64(2)]),
          ])
        ],
        [
          "add": .group([
            "path": .string("b.parquet"), "size": .int64(6),
            "deletionVector": .group(["storageType": .string("u")]),
          ])
        ],
      ])
    let actions = try CheckpointReader.actions(from: bytes, name: "other.checkpoint.parquet")
    XCTAssertEqual(
      actions,
      [
        .protocol(.sluiceDefault),
        .metaData(MetadataAction(id: "m", schemaString: "{}")),
        .add(AddAction(path: "a.parquet", size: 5, modificationTime: 0)),
        .add(AddAction(path: "b.parquet", size: 6, modificationTime: 0, hasDeletionVector: true)),
      ])
  }

  func testCheckpointFieldsOfTheWrongShapeNameRowAndField() throws {
    let fields = [
      NestedField(
        "add", .group([NestedField("path", .primitive(.string)), NestedField("size", .primitive(.string))]))
    ]
    let missing = try parquet(fields, [["add": .group(["path": .string("f")])]])
    XCTAssertThrowsError(try CheckpointReader.actions(from: missing, name: "cp1")) {
      let error = $0 as! DeltaError
      XCTAssertEqual(error.code, .corruptCheckpoint)
      XCTAssertTrue(error.message.contains("cp1"), error.message)
      XCTAssertTrue(error.message.contains("row 0 has add without add.size"), error.message)
    }
    let wrongType = try parquet(
      fields, [[:], ["add": .group(["path": .string("f"), "size": .string("9")])]])
    XCTAssertThrowsError(try CheckpointReader.actions(from: wrongType, name: "cp2")) {
      let error = $0 as! DeltaError
      XCTAssertEqual(error.code, .corruptCheckpoint)
      XCTAssertTrue(error.message.contains("row 1: add.size is not an integer"), error.message)
    }
  }

  func testWriterCheckpointsEveryIntervalAndReadersUseIt() throws {
    let t = MemoryTable()
    var writer = t.writer(DeltaWriteOptions(checkpointInterval: 2))
    var checkpoints: [Int64] = []
    for i in 0..<5 {
      let result = try writer.write(
        Fixtures.pinBatch((i * 2)..<(i * 2 + 2)),
        transaction: TransactionAction(appId: "q", version: Int64(i)))
      if let version = result.checkpointVersion { checkpoints.append(version) }
      XCTAssertNil(result.checkpointFailure)
    }
    XCTAssertEqual(checkpoints, [2, 4])
    let pointer = try XCTUnwrap(LastCheckpoint.parse(try XCTUnwrap(t.log.readLastCheckpoint())))
    XCTAssertEqual(pointer.version, 4)
    XCTAssertEqual(pointer.size, 2 + 1 + 5)
    XCTAssertEqual(pointer.numOfAddFiles, 5)

    let full = try t.table.snapshot()
    for version in Int64(0)...4 { t.log.overwriteCommit(version, contents: nil) }
    let fromCheckpoint = try t.table.snapshot()
    XCTAssertEqual(fromCheckpoint.version, 4)
    XCTAssertEqual(fromCheckpoint.files, full.files)
    XCTAssertEqual(fromCheckpoint.transactionVersion(appId: "q"), 4)
    XCTAssertEqual(fromCheckpoint.schema, Fixtures.pinSchema)
    XCTAssertEqual(try t.table.scan().count, 10)
    XCTAssertThrowsError(try t.table.snapshot(version: 3)) {
      XCTAssertEqual(($0 as! DeltaError).code, .versionNotFound)
    }
  }

  func testTimeTravelBeforeTheCheckpointReplaysCommits() throws {
    let t = MemoryTable()
    var writer = t.writer(DeltaWriteOptions(checkpointInterval: 2))
    for i in 0..<4 { _ = try writer.write(Fixtures.pinBatch(i..<(i + 1))) }
    XCTAssertEqual(try t.table.snapshot(version: 1).numFiles, 2)
    XCTAssertEqual(try t.table.snapshot(version: 3).numFiles, 4)
  }

  func testStaleLastCheckpointPointerFallsBackToListing() throws {
    let t = MemoryTable()
    var writer = t.writer(DeltaWriteOptions(checkpointInterval: 2))
    for i in 0..<3 { _ = try writer.write(Fixtures.pinBatch(i..<(i + 1))) }
    try t.log.writeLastCheckpoint(Array(#"{"version":9,"size":1}"#.utf8))
    XCTAssertEqual(try t.table.snapshot().numFiles, 3)
    try t.log.writeLastCheckpoint(Array("garbage".utf8))
    XCTAssertEqual(try t.table.snapshot().numFiles, 3)
  }

  func testCorruptCheckpointNamesTheFile() throws {
    let t = MemoryTable()
    var writer = t.writer(DeltaWriteOptions(checkpointInterval: 1))
    _ = try writer.write(Fixtures.pinBatch(0..<1))
    _ = try writer.write(Fixtures.pinBatch(1..<2))
    try t.log.writeCheckpoint(1, contents: Array("PAR1 not really".utf8))
    XCTAssertThrowsError(try t.table.snapshot()) {
      let error = $0 as! DeltaError
      XCTAssertEqual(error.code, .corruptCheckpoint)
      XCTAssertTrue(error.message.contains("00000000000000000001.checkpoint.parquet"), error.message)
    }
  }

  func testMultiPartCheckpointIsReportedOnlyWhenNeeded() throws {
    let t = MemoryTable()
    t.commit(0, [Fixtures.basicProtocol, Fixtures.basicMetadata])
    t.commit(1, [Fixtures.add("f")])
    // A multi-part checkpoint is listed by name; put one next to the commits.
    let store = t.log
    store.overwriteCommit(2, contents: Array((Fixtures.add("g") + "\n").utf8))
    XCTAssertEqual(
      try SnapshotLoader(store: MultiPartListing(inner: store)).load().numFiles, 2, "commits suffice")
    store.overwriteCommit(0, contents: nil)
    store.overwriteCommit(1, contents: nil)
    XCTAssertThrowsError(try SnapshotLoader(store: MultiPartListing(inner: store)).load()) {
      let error = $0 as! DeltaError
      XCTAssertEqual(error.code, .unsupportedFeature)
      XCTAssertTrue(error.message.contains("multi-part"), error.message)
    }
  }

  func testPyarrowReadsOurCheckpoint() throws {
    let folder = TemporaryFolder()
    defer { folder.cleanup() }
    let path = folder.path + "/cp.parquet"
    XCTAssertTrue(
      FileManager.default.createFile(
        atPath: path, contents: Data(try CheckpointWriter.encode(sampleActions()))))
    let result = try InteropPython.run(
      """
      import json, sys, pyarrow.parquet as pq
      t = pq.read_table(sys.argv[1]).to_pylist()
      print(json.dumps({"rows": len(t), "add": [r["add"] for r in t if r["add"]],
        "meta": [r["metaData"] for r in t if r["metaData"]], "txn": [r["txn"] for r in t if r["txn"]],
        "protocol": [r["protocol"] for r in t if r["protocol"]]}))
      """, [path])
    XCTAssertEqual(result["rows"]?.intValue, 8)
    let adds = try XCTUnwrap(result["add"]?.arrayValue)
    XCTAssertEqual(adds[0]["path"]?.stringValue, "category=a/f1.parquet")
    XCTAssertEqual(adds[0]["partitionValues"]?.compact, #"[["category","a"],["day",null]]"#)
    XCTAssertEqual(adds[0]["stats"]?.stringValue, #"{"numRecords":3}"#)
    XCTAssertEqual(adds[1]["dataChange"], .bool(false))
    let meta = try XCTUnwrap(result["meta"]?.arrayValue?.first)
    XCTAssertEqual(meta["partitionColumns"]?.compact, #"["category","day"]"#)
    XCTAssertEqual(meta["format"]?["provider"]?.stringValue, "parquet")
    XCTAssertEqual(result["txn"]?.arrayValue?.count, 2)
    XCTAssertEqual(
      result["protocol"]?.arrayValue?.first?["writerFeatures"]?.compact, #"["appendOnly","invariants"]"#)
  }
}

/// Lists a multi-part checkpoint at version 1 in addition to the inner store's files.
struct MultiPartListing: LogStore {
  let inner: InMemoryLogStore
  var logLocation: String { inner.logLocation }
  func logExists() throws -> Bool { true }
  func list(fromVersion: Int64) throws -> LogListing {
    var listing = try inner.list(fromVersion: fromVersion)
    listing.checkpoints = [
      CheckpointFileInfo(
        version: 1, name: "00000000000000000001.checkpoint.0000000001.0000000002.parquet", part: 1, parts: 2)
    ]
    return listing
  }
  func readCommit(_ version: Int64) throws -> [UInt8] { try inner.readCommit(version) }
  func createCommit(_ version: Int64, contents: [UInt8]) throws -> Bool { false }
  func readCheckpoint(named name: String) throws -> [UInt8] { [] }
  func writeCheckpoint(_ version: Int64, contents: [UInt8]) throws {}
  func readLastCheckpoint() throws -> [UInt8]? { nil }
  func writeLastCheckpoint(_ contents: [UInt8]) throws {}
}
