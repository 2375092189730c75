import SluiceCore
import XCTest

@testable import DeltaLake

final class SnapshotReplayTests: XCTestCase {
  func makeTable() -> MemoryTable {
    let t = MemoryTable()
    t.commit(
      0,
      [
        Fixtures.commitInfo("CREATE", timestamp: 1000), Fixtures.basicProtocol, Fixtures.basicMetadata,
        Fixtures.add("part=a/f1.parquet"), Fixtures.txn("q", 0),
      ], modificationTime: 1000)
    t.commit(
      1,
      [
        Fixtures.commitInfo("WRITE", timestamp: 2000),
        Fixtures.add("part=b/f2.parquet", part: "b", size: 50, records: 3),
        Fixtures.txn("q", 1), Fixtures.txn("other", 5),
      ], modificationTime: 2000)
    t.commit(
      2,
      [
        Fixtures.commitInfo("DELETE", timestamp: 3000), Fixtures.remove("part=a/f1.parquet"),
        Fixtures.add("part=a/f3.parquet", size: 70, records: 2),
      ], modificationTime: 3000)
    return t
  }

  func testReplayAppliesAddsRemovesAndTxns() throws {
    let snapshot = try SnapshotLoader(store: makeTable().log).load()
    XCTAssertEqual(snapshot.version, 2)
    XCTAssertEqual(snapshot.files.map(\.path), ["part=b/f2.parquet", "part=a/f3.parquet"])
    XCTAssertEqual(snapshot.tombstones.map(\.path), ["part=a/f1.parquet"])
    XCTAssertEqual(snapshot.sizeInBytes, 120)
    XCTAssertEqual(snapshot.numRecords, 5)
    XCTAssertEqual(snapshot.transactionVersion(appId: "q"), 1)
    XCTAssertEqual(snapshot.transactionVersion(appId: "other"), 5)
    XCTAssertNil(snapshot.transactionVersion(appId: "nobody"))
    XCTAssertEqual(snapshot.schema, Schema([Field("id", .int64), Field("part", .string)]))
    XCTAssertEqual(snapshot.partitionColumns, ["part"])
    XCTAssertEqual(snapshot.commitTimestamp, 3000)
  }

  func testReAddingARemovedFileRevivesIt() throws {
    let t = makeTable()
    t.commit(3, [Fixtures.add("part=a/f1.parquet", size: 5)])
    let snapshot = try SnapshotLoader(store: t.log).load()
    XCTAssertEqual(snapshot.numFiles, 3)
    XCTAssertTrue(snapshot.tombstones.isEmpty)
  }

  func testLatestMetadataAndProtocolWin() throws {
    let t = makeTable()
    let newMetadata = Fixtures.basicMetadata.replacingOccurrences(
      of: #""configuration":{}"#, with: #""configuration":{"delta.checkpointInterval":"3"}"#)
    t.commit(3, [newMetadata, #"{"protocol":{"minReaderVersion":1,"minWriterVersion":3}}"#])
    let snapshot = try SnapshotLoader(store: t.log).load()
    XCTAssertEqual(snapshot.metadata.checkpointInterval, 3)
    XCTAssertEqual(snapshot.protocolAction.minWriterVersion, 3)
    let older = try SnapshotLoader(store: t.log).load(version: 2)
    XCTAssertEqual(older.metadata.checkpointInterval, 10)
  }

  func testIncrementalUpdateEqualsFullReplay() throws {
    let t = makeTable()
    let loader = SnapshotLoader(store: t.log)
    let early = try loader.load(version: 0)
    let updated = try loader.update(early)
    let full = try loader.load()
    XCTAssertEqual(updated.version, full.version)
    XCTAssertEqual(updated.files, full.files)
    XCTAssertEqual(updated.appTransactions, full.appTransactions)
  }

  func testTimeTravelByVersion() throws {
    let table = makeTable().table
    XCTAssertEqual(try table.snapshot(version: 0).files.map(\.path), ["part=a/f1.parquet"])
    XCTAssertEqual(try table.snapshot(version: 1).numFiles, 2)
    XCTAssertThrowsError(try table.snapshot(version: 3)) {
      let error = $0 as! DeltaError
      XCTAssertEqual(error.code, .versionNotFound)
      XCTAssertTrue(error.message.contains("the latest is 2"), error.message)
    }
  }

  func testTimeTravelByTimestampUsesCommitFileTimes() throws {
    let table = makeTable().table
    XCTAssertEqual(try table.version(atTimestamp: 1000), 0)
    XCTAssertEqual(try table.version(atTimestamp: 1999), 0)
    XCTAssertEqual(try table.version(atTimestamp: 2000), 1)
    XCTAssertEqual(try table.version(atTimestamp: 99_999), 2)
    XCTAssertEqual(try table.snapshot(timestamp: 2500).version, 1)
    XCTAssertThrowsError(try table.version(atTimestamp: 999)) {
      XCTAssertEqual(($0 as! DeltaError).code, .versionNotFound)
    }
  }

  func testTimestampsAreMadeMonotonic() throws {
    let t = MemoryTable()
    t.commit(0, [Fixtures.basicProtocol, Fixtures.basicMetadata], modificationTime: 5000)
    t.commit(1, [Fixtures.add("f")], modificationTime: 4000)
    let times = try SnapshotLoader(store: t.log).commitTimestamps()
    XCTAssertEqual(times.map(\.timestamp), [5000, 5001])
    XCTAssertEqual(try t.table.version(atTimestamp: 5000), 0)
  }

  func testHistoryIsNewestFirstWithLimit() throws {
    let table = makeTable().table
    let history = try table.history()
    XCTAssertEqual(history.map(\.version), [2, 1, 0])
    XCTAssertEqual(history.map(\.operation), ["DELETE", "WRITE", "CREATE"])
    XCTAssertEqual(history.map(\.timestamp), [3000, 2000, 1000])
    XCTAssertEqual(try table.history(limit: 2).map(\.version), [2, 1])
    XCTAssertEqual(history[0].json["version"]?.intValue, 2)
    XCTAssertEqual(history[0].json["operation"]?.stringValue, "DELETE")
  }

  func testCorruptCommitStopsReplayWithFileAndLine() {
    let t = makeTable()
    t.commit(1, [Fixtures.add("x"), #"{"add":{"path":"y","size":1,"#])
    XCTAssertThrowsError(try t.table.snapshot()) {
      let error = $0 as! DeltaError
      XCTAssertEqual(error.code, .corruptCommit)
      XCTAssertTrue(error.message.contains("00000000000000000001.json line 2"), error.message)
    }
    XCTAssertEqual(try t.table.snapshot(version: 0).numFiles, 1, "earlier versions stay readable")
  }

  func testGapInVersionsIsCorruptLog() {
    let t = makeTable()
    t.log.overwriteCommit(1, contents: nil)
    XCTAssertThrowsError(try t.table.snapshot()) {
      let error = $0 as! DeltaError
      XCTAssertEqual(error.code, .corruptLog)
      XCTAssertTrue(error.message.contains("00000000000000000001.json is missing"), error.message)
    }
  }

  func testUnsupportedReaderVersionAndFeatureAreRefused() {
    let t = MemoryTable()
    t.commit(0, [#"{"protocol":{"minReaderVersion":4,"minWriterVersion":7}}"#, Fixtures.basicMetadata])
    XCTAssertThrowsError(try t.table.snapshot()) {
      let error = $0 as! DeltaError
      XCTAssertEqual(error.code, .unsupportedProtocol)
      XCTAssertTrue(error.message.contains("reader version 4"), error.message)
    }
    let u = MemoryTable()
    u.commit(
      0,
      [
        #"{"protocol":{"minReaderVersion":3,"minWriterVersion":7,"readerFeatures":["variantType"],"writerFeatures":["variantType"]}}"#,
        Fixtures.basicMetadata,
      ])
    XCTAssertThrowsError(try u.table.snapshot()) {
      let error = $0 as! DeltaError
      XCTAssertEqual(error.code, .unsupportedFeature)
      XCTAssertTrue(
        error.message.contains("unsupported") || error.message.contains("'variantType'"), error.message)
    }
  }

  func testColumnMappingNameModeIsRefusedButModeNoneReads() throws {
    let t = MemoryTable()
    let mapped = Fixtures.basicMetadata.replacingOccurrences(
      of: #""configuration":{}"#, with: #""configuration":{"delta.columnMapping.mode":"name"}"#)
    t.commit(0, [#"{"protocol":{"minReaderVersion":2,"minWriterVersion":5}}"#, mapped])
    XCTAssertThrowsError(try t.table.snapshot()) {
      XCTAssertEqual(($0 as! DeltaError).code, .unsupportedFeature)
    }
    let u = MemoryTable()
    u.commit(0, [#"{"protocol":{"minReaderVersion":2,"minWriterVersion":5}}"#, Fixtures.basicMetadata])
    XCTAssertEqual(try u.table.snapshot().version, 0)
  }

  func testEmptyLogIsNotATable() {
    XCTAssertThrowsError(try MemoryTable().table.snapshot()) {
      XCTAssertEqual(($0 as! DeltaError).code, .notATable)
    }
    XCTAssertThrowsError(try MemoryTable().table.history()) {
      XCTAssertEqual(($0 as! DeltaError).code, .notATable)
    }
  }

  func testLogWithoutMetadataIsCorrupt() {
    let t = MemoryTable()
    t.commit(0, [Fixtures.basicProtocol])
    XCTAssertThrowsError(try t.table.snapshot()) {
      let error = $0 as! DeltaError
      XCTAssertEqual(error.code, .corruptLog)
      XCTAssertTrue(error.message.contains("no metaData"), error.message)
    }
  }

  func testListingIgnoresForeignFiles() {
    let listing = LogListing(
      names: [
        ("00000000000000000001.json", 1), ("00000000000000000000.json", 0), ("_last_checkpoint", 0),
        ("00000000000000000001.crc", 0), ("00000000000000000001.checkpoint.parquet", 0),
        ("00000000000000000002.checkpoint.0000000001.0000000002.parquet", 0),
        ("00000000000000000003.checkpoint.80a083e8-7026-4e79-81be-64bd76c43a11.json", 0),
        ("00000000000000000000.00000000000000000001.compacted.json", 0),
        (".00000000000000000002.json.a.tmp", 0),
      ], fromVersion: 0)
    XCTAssertEqual(listing.commits.map(\.version), [0, 1])
    XCTAssertEqual(listing.checkpoints.map(\.version), [1, 2, 3])
    XCTAssertEqual(listing.checkpoints.map(\.isSingleFile), [true, false, false])
    XCTAssertEqual(listing.checkpoints[1].parts, 2)
    XCTAssertTrue(listing.checkpoints[2].isV2)
  }
}
