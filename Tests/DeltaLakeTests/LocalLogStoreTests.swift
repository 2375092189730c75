import Foundation
import SluiceCore
import XCTest

@testable import DeltaLake

final class LocalLogStoreTests: XCTestCase {
  func testPutIfAbsentNeverOverwrites() throws {
    let folder = TemporaryFolder()
    defer { folder.cleanup() }
    let store = LocalLogStore(tablePath: folder.path + "/t/")
    XCTAssertFalse(try store.logExists())
    XCTAssertTrue(try store.createCommit(0, contents: Array("first\n".utf8)))
    XCTAssertFalse(try store.createCommit(0, contents: Array("second\n".utf8)))
    XCTAssertEqual(String(decoding: try store.readCommit(0), as: UTF8.self), "first\n")
    XCTAssertTrue(try store.logExists())
    let names = try FileManager.default.contentsOfDirectory(atPath: store.logPath)
    XCTAssertEqual(names, ["00000000000000000000.json"], "no temp files are left behind")
  }

  func testListingReadingAndPointers() throws {
    let folder = TemporaryFolder()
    defer { folder.cleanup() }
    let store = LocalLogStore(tablePath: folder.path)
    for v in Int64(0)..<3 { XCTAssertTrue(try store.createCommit(v, contents: [UInt8(v)])) }
    try store.writeCheckpoint(2, contents: [1, 2, 3])
    try store.writeLastCheckpoint(Array(#"{"version":2,"size":3}"#.utf8))
    XCTAssertTrue(
      FileManager.default.createFile(
        atPath: store.logPath + "/.00000000000000000003.json.x.tmp", contents: Data()))
    let listing = try store.list(fromVersion: 1)
    XCTAssertEqual(listing.commits.map(\.version), [1, 2])
    XCTAssertGreaterThan(listing.commits[0].modificationTime, 1_600_000_000_000)
    XCTAssertEqual(listing.checkpoints.map(\.name), ["00000000000000000002.checkpoint.parquet"])
    XCTAssertEqual(try store.readCheckpoint(named: listing.checkpoints[0].name), [1, 2, 3])
    XCTAssertEqual(LastCheckpoint.parse(try XCTUnwrap(store.readLastCheckpoint()))?.version, 2)
    XCTAssertThrowsError(try store.readCommit(7)) {
      XCTAssertEqual(($0 as! DeltaError).code, .corruptLog)
    }
  }

  func testOpeningAFolderThatIsNotATable() throws {
    let folder = TemporaryFolder()
    defer { folder.cleanup() }
    XCTAssertThrowsError(try DeltaTable.open(path: folder.path)) {
      let error = $0 as! DeltaError
      XCTAssertEqual(error.code, .notATable)
      XCTAssertTrue(
        error.message.contains("no _delta_log folder at \(folder.path)/_delta_log"), error.message)
    }
    XCTAssertThrowsError(try DeltaTable.open(path: folder.path + "/missing")) {
      XCTAssertTrue(($0 as! DeltaError).message.contains("does not exist"))
    }
  }

  func testLocalWriterAndReaderEndToEndWithoutParquet() throws {
    let folder = TemporaryFolder()
    defer { folder.cleanup() }
    let path = folder.path + "/pins"
    var writer = DeltaTableWriter(
      path: path, options: DeltaWriteOptions(partitionColumns: ["category"], checkpointInterval: 2),
      format: JSONTestFormat())
    for i in 0..<3 { _ = try writer.write(Fixtures.pinBatch((i * 3)..<(i * 3 + 3))) }
    let table = try DeltaTable.open(path: path, format: JSONTestFormat())
    XCTAssertEqual(try table.scan().count, 9)
    XCTAssertEqual(try table.history().map(\.version), [2, 1, 0])
    XCTAssertTrue(
      FileManager.default.fileExists(atPath: path + "/_delta_log/00000000000000000002.checkpoint.parquet"))
    let file = try XCTUnwrap(table.snapshot().files.first { $0.path.contains("%252F") })
    XCTAssertTrue(FileManager.default.fileExists(atPath: path + "/" + file.decodedPath), file.decodedPath)
    XCTAssertTrue(file.decodedPath.hasPrefix("category=travel%2Ffood/"))
  }

  func testMissingLocalDataFileIsNamed() throws {
    let folder = TemporaryFolder()
    defer { folder.cleanup() }
    var writer = DeltaTableWriter(path: folder.path, format: JSONTestFormat())
    let result = try writer.write(Fixtures.pinBatch(0..<3))
    try FileManager.default.removeItem(atPath: folder.path + "/" + result.addedFiles[0].decodedPath)
    XCTAssertThrowsError(try DeltaTable.open(path: folder.path, format: JSONTestFormat()).scan()) {
      let error = $0 as! DeltaError
      XCTAssertEqual(error.code, .missingDataFile)
      XCTAssertTrue(error.message.contains(result.addedFiles[0].decodedPath), error.message)
    }
  }
}
