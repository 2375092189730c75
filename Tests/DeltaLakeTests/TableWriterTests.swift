import SluiceCore
import XCTest

@testable import DeltaLake

final class TableWriterTests: XCTestCase {
  func testFirstWriteCreatesVersionZeroWithProtocolMetadataAndFiles() throws {
    let t = MemoryTable()
    var writer = t.writer(
      DeltaWriteOptions(partitionColumns: ["category"], configuration: ["owner": "me"], tableName: "pins"))
    let result = try writer.write(Fixtures.pinBatch(0..<6))
    XCTAssertEqual(result.version, 0)
    XCTAssertEqual(result.rowsWritten, 6)
    XCTAssertEqual(result.addedFiles.count, 3, "one file per partition value")

    let actions = try CommitFile.decode(t.log.readCommit(0), fileName: "0")
    XCTAssertEqual(actions.map(\.key), ["commitInfo", "protocol", "metaData", "add", "add", "add"])
    guard case .metaData(let metadata) = actions[2] else { return XCTFail() }
    XCTAssertEqual(metadata.partitionColumns, ["category"])
    XCTAssertEqual(metadata.name, "pins")
    XCTAssertEqual(metadata.configuration, ["owner": "me"])
    XCTAssertEqual(try metadata.schema(), Fixtures.pinSchema)
    XCTAssertEqual(metadata.createdTime, 1_700_000_000_000)
    XCTAssertNotNil(try? QueryID(metadata.id), "the table id is a UUID")

    let paths = result.addedFiles.map(\.path)
    XCTAssertTrue(paths[0].hasPrefix("category=art/part-00000-"), paths[0])
    XCTAssertTrue(paths[1].hasPrefix("category=travel%252Ffood/part-00001-"), paths[1])
    XCTAssertTrue(paths[2].hasPrefix("category=diy%20&%20crafts/part-00002-"), paths[2])
    XCTAssertTrue(paths.allSatisfy { $0.hasSuffix(".c000.test.json") })
    XCTAssertEqual(result.addedFiles[1].partitionValues, ["category": "travel/food"])
    XCTAssertEqual(t.data.paths.count, 3)
    XCTAssertTrue(t.data.paths.contains(result.addedFiles[1].decodedPath))

    let stats = try XCTUnwrap(result.addedFiles[0].statistics)
    XCTAssertEqual(stats.numRecords, 2)
    XCTAssertNil(stats.minValues["category"], "partition columns have no stats")
    XCTAssertEqual(stats.minValues["ind"]?.intValue, 0)
    XCTAssertEqual(stats.maxValues["ind"]?.intValue, 3)
    XCTAssertEqual(stats.nullCount["coordinates"]?.intValue, 0)
  }

  func testNullPartitionValuesGoToTheHiveDefaultFolder() throws {
    let t = MemoryTable()
    let schema = Schema([Field("k", .string), Field("v", .int64)])
    var writer = t.writer(DeltaWriteOptions(partitionColumns: ["k"]))
    let result = try writer.write(
      try RecordBatch(
        schema: schema, rows: [[.null, .int64(1)], [.string(""), .int64(2)], [.string("a"), .int64(3)]]))
    XCTAssertEqual(result.addedFiles.count, 2)
    XCTAssertTrue(result.addedFiles[0].path.hasPrefix("k=__HIVE_DEFAULT_PARTITION__/"))
    XCTAssertEqual(result.addedFiles[0].partitionValues["k"], .some(nil))
    let rows = try t.table.scan(where: [(column: "k", value: "")])
    XCTAssertEqual(rows.column(named: "v")?.int64Values, [1, 2])
  }

  func testLaterBatchWithDifferentSchemaIsRefusedAndNothingIsWritten() throws {
    let t = MemoryTable()
    var writer = t.writer()
    _ = try writer.write(Fixtures.pinBatch(0..<2))
    let other = try RecordBatch(schema: Schema([Field("ind", .string), Field("extra", .int32)]), rows: [])
    XCTAssertThrowsError(try writer.write(other)) {
      let error = $0 as! DeltaError
      XCTAssertEqual(error.code, .schemaMismatch)
      XCTAssertTrue(error.message.contains("column 'ind': table has long, batch has string"), error.message)
      XCTAssertTrue(error.message.contains("column 'extra' (integer) is not in the table"), error.message)
    }
    XCTAssertEqual(t.log.versions, [0])
    XCTAssertEqual(t.data.paths.count, 1)
  }

  func testFilesAreCutByRows() throws {
    let t = MemoryTable()
    var writer = t.writer(DeltaWriteOptions(targetFileRows: 4))
    let result = try writer.write(Fixtures.pinBatch(0..<10))
    XCTAssertEqual(result.addedFiles.compactMap { $0.statistics?.numRecords }, [4, 4, 2])
    XCTAssertEqual(try t.table.scan().column(named: "ind")?.int64Values, Array(0..<10))
  }

  func testFilesAreCutByBytes() throws {
    let t = MemoryTable()
    var writer = t.writer(DeltaWriteOptions(targetFileBytes: 100))
    let result = try writer.write(Fixtures.pinBatch(0..<20))
    XCTAssertGreaterThan(result.addedFiles.count, 1)
    XCTAssertEqual(result.addedFiles.compactMap { $0.statistics?.numRecords }.reduce(0, +), 20)
  }

  func testInvalidPartitionColumnsAreRefused() {
    let t = MemoryTable()
    var missing = t.writer(DeltaWriteOptions(partitionColumns: ["nope"]))
    XCTAssertThrowsError(try missing.write(Fixtures.pinBatch(0..<1))) {
      XCTAssertEqual(($0 as! DeltaError).code, .invalidArgument)
    }
    var list = t.writer(DeltaWriteOptions(partitionColumns: ["coordinates"]))
    XCTAssertThrowsError(try list.write(Fixtures.pinBatch(0..<1))) {
      XCTAssertTrue(($0 as! DeltaError).message.contains("is a list"))
    }
    XCTAssertEqual(t.log.versions, [])
  }

  func testWriterRefusesTablesNeedingANewerWriter() throws {
    let t = MemoryTable()
    let metadata = DeltaAction.metaData(
      MetadataAction(id: "x", schemaString: DeltaSchema.encode(Fixtures.pinSchema))
    ).jsonLine
    t.commit(0, [#"{"protocol":{"minReaderVersion":1,"minWriterVersion":4}}"#, metadata])
    var writer = t.writer()
    XCTAssertThrowsError(try writer.write(Fixtures.pinBatch(0..<1))) {
      let error = $0 as! DeltaError
      XCTAssertEqual(error.code, .unsupportedProtocol)
      XCTAssertTrue(error.message.contains("writer version 4"), error.message)
    }
    XCTAssertEqual(t.log.versions, [0])
  }

  func testScanFillsPartitionsFiltersAndLimits() throws {
    let t = MemoryTable()
    var writer = t.writer(DeltaWriteOptions(partitionColumns: ["category"]))
    _ = try writer.write(Fixtures.pinBatch(0..<9))
    _ = try writer.write(Fixtures.pinBatch(9..<12))
    let table = t.table

    let all = try table.scan()
    XCTAssertEqual(all.schema, Fixtures.pinSchema, "columns come back in table order")
    XCTAssertEqual(all.count, 12)
    XCTAssertEqual(Set(all.column(named: "ind")!.int64Values), Set(0..<12))
    let row = all.rows.first { $0["ind"] == .int64(4) }!
    XCTAssertEqual(row["category"], .string("travel/food"))
    XCTAssertEqual(row["title"], .null)
    XCTAssertEqual(row["coordinates"], .list([.double(4), .double(-4)]))

    let travel = try table.scan(where: [(column: "category", value: "travel/food")])
    XCTAssertEqual(travel.column(named: "ind")?.int64Values, [1, 4, 7, 10])
    let both = try table.scan(where: [
      (column: "category", value: "art"), (column: "follower_count", value: "30"),
    ])
    XCTAssertEqual(both.column(named: "ind")?.int64Values, [3])
    XCTAssertEqual(try table.scan(limit: 5).count, 5)
    XCTAssertEqual(try table.scan(version: 0).count, 9)
    XCTAssertThrowsError(try table.scan(where: [(column: "nope", value: "1")])) {
      XCTAssertEqual(($0 as! DeltaError).code, .invalidArgument)
    }
    XCTAssertThrowsError(try table.scan(where: [(column: "ind", value: "x")])) {
      XCTAssertEqual(($0 as! DeltaError).code, .invalidArgument)
    }
  }

  func testStatisticsSkipFilesThatCannotMatch() throws {
    let t = MemoryTable()
    var writer = t.writer()
    _ = try writer.write(Fixtures.pinBatch(0..<5))
    let second = try writer.write(Fixtures.pinBatch(5..<10))
    t.data.delete(relativePath: second.addedFiles[0].decodedPath)
    XCTAssertEqual(
      try t.table.scan(where: [(column: "ind", value: "3")]).count, 1, "the deleted file was skipped")
    XCTAssertThrowsError(try t.table.scan(where: [(column: "ind", value: "7")])) {
      let error = $0 as! DeltaError
      XCTAssertEqual(error.code, .missingDataFile)
      XCTAssertTrue(error.message.contains(second.addedFiles[0].decodedPath), error.message)
    }
  }

  func testDetailDescribesTheTable() throws {
    let clock = SteppingClock()
    let t = MemoryTable(clock: clock.clock)
    var writer = t.writer(DeltaWriteOptions(partitionColumns: ["category"], configuration: ["a": "b"]))
    let first = try writer.write(Fixtures.pinBatch(0..<6))
    _ = try writer.write(Fixtures.pinBatch(6..<7))
    let detail = try t.table.detail()
    XCTAssertEqual(detail.format, "delta")
    XCTAssertEqual(detail.numFiles, 4)
    XCTAssertEqual(detail.numRecords, 7)
    XCTAssertEqual(detail.version, 1)
    XCTAssertEqual(detail.partitionColumns, ["category"])
    XCTAssertEqual(detail.minReaderVersion, 1)
    XCTAssertEqual(detail.minWriterVersion, 2)
    XCTAssertEqual(detail.properties, ["a": "b"])
    XCTAssertEqual(detail.sizeInBytes, try t.table.snapshot().files.reduce(0) { $0 + $1.size })
    XCTAssertNotNil(detail.createdAt)
    XCTAssertGreaterThan(detail.lastModified ?? 0, detail.createdAt ?? 0)
    XCTAssertEqual(try t.table.detail(version: 0).numFiles, first.addedFiles.count)
    XCTAssertEqual(detail.json["numRecords"]?.intValue, 7)
    XCTAssertEqual(detail.json["location"]?.stringValue, "memory://table")
  }
}
