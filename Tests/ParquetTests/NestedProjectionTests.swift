import Foundation
import SluiceCore
import XCTest

@testable import Parquet

/// `ParquetNestedReader.readRecords(paths:skipMissing:)` and `rowCursor(paths:skipMissing:)`:
/// reading chosen members of structs.
final class NestedProjectionTests: XCTestCase {
  func checkpointFile(adds: Int = 40) throws -> (bytes: [UInt8], records: [[String: NestedValue]]) {
    let records = NestedFixtures.checkpointRecords(adds: adds)
    let writer = try ParquetNestedWriter(
      fields: NestedFixtures.checkpointFields, options: .init(rowGroupBytes: 2_000, pageBytes: 500))
    for start in stride(from: 0, to: records.count, by: 10) {
      try writer.write(Array(records[start..<min(start + 10, records.count)]))
    }
    return (try writer.finish().bytes, records)
  }

  func testSelectedMembersOnlyAcrossRowGroups() throws {
    let (bytes, _) = try checkpointFile()
    let reader = try ParquetNestedReader(bytes: bytes)
    XCTAssertGreaterThan(reader.rowGroupCount, 1)
    let full = try reader.readRecords()
    let projected = try reader.readRecords(paths: [
      ["add", "path"], ["add", "partitionValues"], ["metaData", "format", "provider"], ["txn"],
    ])
    XCTAssertEqual(projected.count, full.count)
    for (index, (got, all)) in zip(projected, full).enumerated() {
      XCTAssertEqual(Set(got.keys), ["add", "metaData", "txn"], "row \(index)")
      XCTAssertEqual(got["txn"], all["txn"], "txn is taken whole, row \(index)")
      if all["add"]!.isNull {
        XCTAssertEqual(got["add"], .null, "row \(index)")
      } else {
        XCTAssertEqual(
          got["add"],
          .group(["path": all["add"]!["path"], "partitionValues": all["add"]!["partitionValues"]]),
          "row \(index)")
      }
      if all["metaData"]!.isNull {
        XCTAssertEqual(got["metaData"], .null, "row \(index)")
      } else {
        XCTAssertEqual(
          got["metaData"], .group(["format": .group(["provider": all["metaData"]!["format"]["provider"]])]))
      }
    }
    XCTAssertEqual(projected.compactMap { $0["add"]?["path"].string }.count, 40)
    XCTAssertEqual(projected[1]["metaData"]?["format"]["provider"].string, "parquet")
  }

  func testAPathThatIsAPrefixOfAnotherTakesTheFieldWhole() throws {
    let (bytes, _) = try checkpointFile(adds: 3)
    let reader = try ParquetNestedReader(bytes: bytes)
    let whole = try reader.readRecords(columns: ["add"])
    XCTAssertEqual(try reader.readRecords(paths: [["add", "size"], ["add"]]), whole)
    XCTAssertEqual(try reader.readRecords(paths: [["add"], ["add", "size"]]), whole)
  }

  func testMissingPathsThrowUnlessSkipped() throws {
    let (bytes, _) = try checkpointFile(adds: 3)
    let reader = try ParquetNestedReader(bytes: bytes)
    XCTAssertThrowsError(try reader.readRecords(paths: [["add", "path"], ["add", "deletionVector", "x"]])) {
      let error = $0 as! ParquetError
      XCTAssertEqual(error.code, .columnNotFound)
      XCTAssertTrue(error.message.contains("add.deletionVector"), error.message)
      XCTAssertTrue(error.message.contains("path, partitionValues, size"), error.message)
    }
    XCTAssertThrowsError(try reader.readRecords(paths: [["remove", "path"]])) {
      XCTAssertEqual(($0 as! ParquetError).code, .columnNotFound)
    }
    let records = try reader.readRecords(
      paths: [["add", "path"], ["add", "deletionVector", "x"], ["remove", "path"], ["protocol", "nope"]],
      skipMissing: true)
    XCTAssertEqual(records.count, 7)
    XCTAssertTrue(records.allSatisfy { Set($0.keys) == ["add"] }, "remove and protocol.nope select nothing")
    XCTAssertEqual(records.compactMap { $0["add"]?["path"].string }.count, 3)
    XCTAssertTrue(records.allSatisfy { $0["add"]!["deletionVector"] == .null })
  }

  func testPathsCannotDescendIntoListsMapsOrLeaves() throws {
    let (bytes, _) = try checkpointFile(adds: 1)
    let reader = try ParquetNestedReader(bytes: bytes)
    for path in [
      ["add", "partitionValues", "key"], ["metaData", "partitionColumns", "element"], ["add", "path", "x"],
      ["matrix", "element"],
    ] {
      XCTAssertThrowsError(try reader.readRecords(paths: [path], skipMissing: true), "\(path)") {
        let error = $0 as! ParquetError
        XCTAssertEqual(error.code, .invalidArgument, "\(path)")
        XCTAssertTrue(error.message.contains("not a struct"), error.message)
      }
    }
    for paths in [[[]], [["add", ""]]] as [[[String]]] {
      XCTAssertThrowsError(try reader.readRecords(paths: paths)) {
        XCTAssertEqual(($0 as! ParquetError).code, .invalidArgument)
      }
    }
  }

  /// The value at `path` in a full record (`.null` when it or a struct above it is null).
  func value(_ record: [String: NestedValue], _ path: [String]) -> NestedValue {
    var value = record[path[0]] ?? .null
    for name in path.dropFirst() { value = value[name] }
    return value
  }

  func testRowCursorReturnsTheSelectedFieldsOfEachRow() throws {
    let (bytes, _) = try checkpointFile()
    let reader = try ParquetNestedReader(bytes: bytes)
    XCTAssertGreaterThan(reader.rowGroupCount, 1)
    let full = try reader.readRecords()
    let paths = [
      ["txn"], ["add", "path"], ["add", "tags"], ["metaData", "format", "provider"],
      ["metaData", "partitionColumns"], ["protocol", "minReaderVersion"], ["matrix"], ["add", "size"],
    ]
    var cursor = try reader.rowCursor(paths: paths)
    var row = 0
    while let values = try cursor.next() {
      XCTAssertEqual(values, paths.map { value(full[row], $0) }, "row \(row)")
      row += 1
    }
    XCTAssertEqual(row, full.count)
    XCTAssertNil(try cursor.next(), "stays at the end")
    XCTAssertEqual(value(full[1], ["metaData", "partitionColumns"]), .strings(["category", "day"]))
  }

  func testRowCursorMissingAndOverlappingPaths() throws {
    let (bytes, _) = try checkpointFile(adds: 2)
    let reader = try ParquetNestedReader(bytes: bytes)
    XCTAssertThrowsError(try reader.rowCursor(paths: [["add", "path"], ["remove", "path"]])) {
      XCTAssertEqual(($0 as! ParquetError).code, .columnNotFound)
    }
    var cursor = try reader.rowCursor(
      paths: [["remove", "path"], ["add", "path"], ["add", "nope"]], skipMissing: true)
    var paths: [NestedValue] = []
    while let values = try cursor.next() {
      XCTAssertEqual(values.count, 3)
      XCTAssertEqual(values[0], .null)
      XCTAssertEqual(values[2], .null)
      paths.append(values[1])
    }
    XCTAssertEqual(paths.filter { !$0.isNull }.count, 2)
    XCTAssertEqual(paths.count, 6)
    for overlapping in [[["add"], ["add", "path"]], [["add", "path"], ["add"]], [["txn"], ["txn"]]] {
      XCTAssertThrowsError(try reader.rowCursor(paths: overlapping), "\(overlapping)") {
        let error = $0 as! ParquetError
        XCTAssertEqual(error.code, .invalidArgument)
        XCTAssertTrue(error.message.contains("overlap"), error.message)
      }
    }
  }

  /// A pyarrow file shaped like a Spark / delta-rs checkpoint: SNAPPY, dictionary pages, and a
  /// `stats_parsed` struct holding a DECIMAL, which Sluice cannot read unless it is left out.
  func testSkipsUnreadableSiblingsInPyarrowFiles() throws {
    let directory = TemporaryDirectory(for: self)
    let script = """
      import sys, decimal, pyarrow as pa, pyarrow.parquet as pq
      n = 300
      add = pa.struct([("path", pa.string()), ("size", pa.int64()),
                       ("partitionValues", pa.map_(pa.string(), pa.string())),
                       ("stats_parsed", pa.struct([("minValues", pa.struct([("price", pa.decimal128(10, 2))]))]))])
      rows = [None if i % 10 == 0 else {"path": "part-%d.parquet" % i, "size": i * 3,
              "partitionValues": [("day", None if i % 7 == 0 else "2024-01-%02d" % (i % 28 + 1))],
              "stats_parsed": {"minValues": {"price": decimal.Decimal("%d.25" % i)}}} for i in range(n)]
      t = pa.table({"add": pa.array(rows, add)})
      for version in ["1.0", "2.0"]:
          pq.write_table(t, sys.argv[1] + "/cp-%s.parquet" % version, compression="snappy",
                         data_page_version=version, row_group_size=128)
      """
    XCTAssertNotNil(InteropPython.run(script, [directory.path]))
    for version in ["1.0", "2.0"] {
      let reader = try ParquetNestedReader(path: directory.file("cp-\(version).parquet"))
      XCTAssertThrowsError(try reader.readRecords()) {
        XCTAssertEqual(($0 as! ParquetError).code, .unsupported)
      }
      let paths = [["add", "path"], ["add", "size"], ["add", "partitionValues"]]
      let records = try reader.readRecords(paths: paths)
      XCTAssertEqual(records.count, 300)
      var cursor = try reader.rowCursor(paths: paths)
      for (i, record) in records.enumerated() {
        XCTAssertEqual(try cursor.next(), paths.map { value(record, $0) }, "v\(version) row \(i)")
      }
      XCTAssertNil(try cursor.next())
      for (i, record) in records.enumerated() {
        let add = try XCTUnwrap(record["add"])
        if i % 10 == 0 {
          XCTAssertEqual(add, .null, "row \(i)")
          continue
        }
        let day: NestedValue = i % 7 == 0 ? .null : .string(String(format: "2024-01-%02d", i % 28 + 1))
        XCTAssertEqual(
          add,
          .group([
            "path": .string("part-\(i).parquet"), "size": .int64(Int64(i * 3)),
            "partitionValues": .map([NestedEntry(key: .string("day"), value: day)]),
          ]), "v\(version) row \(i)")
      }
    }
  }
}
