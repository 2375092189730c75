import Foundation
import SluiceCore
import XCTest

@testable import Parquet

/// Files written by pyarrow (every codec, dictionary on/off, data page v1/v2, small row groups
/// and pages) and by delta-rs, read by ``ParquetReader``: identical values and mapped types.
final class ReaderInteropTests: XCTestCase {
  static let expectedSchema = Schema([
    Field("i64", .int64), Field("i32", .int32), Field("f64", .double), Field("f32", .double),
    Field("b", .boolean), Field("s", .string), Field("s_unique", .string), Field("ts", .timestamp),
    Field("ts_ms", .timestamp), Field("ts_ns", .timestamp), Field("d", .date), Field("lst", .list(.double)),
    Field("lst_s", .list(.string)), Field("req", .int64, nullable: false),
  ])

  func testReadsEveryPyarrowVariantAndDeltaRs() throws {
    let directory = TemporaryDirectory(for: self)
    let json = try XCTUnwrap(InteropPython.json(PyarrowScripts.writeVariants, [directory.path]))
    let files = try XCTUnwrap(json["files"] as? [[String: Any]])
    XCTAssertEqual(files.count, 16, "15 pyarrow variants and one delta-rs file")
    let expectedRows = PythonValues.rows(json, Self.expectedSchema)
    XCTAssertEqual(expectedRows.count, 3000)
    var checked = 0
    for file in files {
      let name = try XCTUnwrap(file["name"] as? String)
      let settings = file["settings"] as? [String: String] ?? [:]
      let label = "\(name) \(settings)"
      if settings["compression"] == "gzip" {
        XCTAssertThrowsError(try ParquetReader(path: directory.file(name)).read(), label) { error in
          let error = error as? ParquetError
          XCTAssertEqual(error?.code, .unsupported, label)
          XCTAssertTrue(error?.message.contains("GZIP") == true, "\(label): \(String(describing: error))")
        }
        continue
      }
      let reader = try ParquetReader(path: directory.file(name))
      let batch = try reader.read()
      if settings["writer"] == "delta-rs" {
        let schema = Schema(Self.expectedSchema.fields.filter { $0.name != "ts_ms" && $0.name != "f32" })
        XCTAssertEqual(reader.schema, schema, label)
        let keep = Self.expectedSchema.fields.indices.filter {
          !["ts_ms", "f32"].contains(Self.expectedSchema[$0].name)
        }
        assertRowsEqual(batch.rows.map(\.values), expectedRows.map { row in keep.map { row[$0] } }, label)
      } else {
        XCTAssertEqual(reader.schema, Self.expectedSchema, label)
        assertRowsEqual(batch.rows.map(\.values), expectedRows, label)
        XCTAssertEqual(reader.numRows, 3000, label)
      }
      if let groups = settings["row_group_size"] {
        XCTAssertEqual(reader.rowGroupCount, (3000 + Int(groups)! - 1) / Int(groups)!, label)
        var rows: [[Value]] = []
        for index in 0..<reader.rowGroupCount {
          rows += try reader.readRowGroup(index, columns: ["lst", "s", "req"]).rows.map(\.values)
        }
        assertRowsEqual(rows, expectedRows.map { [$0[11], $0[5], $0[13]] }, "\(label) by row group")
      }
      checked += 1
    }
    XCTAssertEqual(checked, 15)
  }

  func testStatisticsFromPyarrowFooter() throws {
    let directory = TemporaryDirectory(for: self)
    let json = try XCTUnwrap(InteropPython.json(PyarrowScripts.writeVariants, [directory.path]))
    let expectedRows = PythonValues.rows(json, Self.expectedSchema)
    // Variant 12: snappy, 700-row groups — statistics merge over five row groups.
    let reader = try ParquetReader(path: directory.file("pyarrow-12.parquet"))
    let statistics = reader.statistics()
    XCTAssertEqual(statistics.map(\.name), Self.expectedSchema.names)
    for (index, field) in Self.expectedSchema.fields.enumerated() where !field.type.isList {
      let values = expectedRows.map { $0[index] }.filter { !$0.isNull }
      let stats = statistics[index]
      XCTAssertEqual(stats.nullCount, Int64(expectedRows.count - values.count), field.name)
      XCTAssertEqual(stats.min, values.min(by: WriterInteropTests.less), field.name)
      XCTAssertEqual(stats.max, values.max(by: WriterInteropTests.less), field.name)
    }
    // Variant 13 was written without statistics.
    let bare = try ParquetReader(path: directory.file("pyarrow-13.parquet")).statistics()
    XCTAssertTrue(bare.allSatisfy { $0.min == nil && $0.max == nil })
  }
}
