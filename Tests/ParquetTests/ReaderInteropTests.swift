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

/// Format-2 encodings written by pyarrow and DuckDB: DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY,
/// DELTA_BYTE_ARRAY, BYTE_STREAM_SPLIT.
final class DeltaEncodingInteropTests: XCTestCase {
  func testDeltaAndByteStreamSplitEncodings() throws {
    let directory = TemporaryDirectory(for: self)
    let script = """
      import sys, json, random, pyarrow as pa, pyarrow.parquet as pq
      random.seed(3)
      n = 5000
      def maybe(i, v):
          return None if i % 11 == 0 else v
      big = [maybe(i, random.choice([-2**63, 2**63 - 1, 0, -1, random.randint(-2**62, 2**62)])) for i in range(n)]
      t = pa.table({
          "i64": pa.array(big, pa.int64()),
          "i32": pa.array([maybe(i, random.randint(-2**31, 2**31 - 1) if i % 7 else i) for i in range(n)], pa.int32()),
          "mono": pa.array(list(range(10**12, 10**12 + n)), pa.int64()),
          "s_len": pa.array([maybe(i, "x" * (i % 37) + str(i)) for i in range(n)], pa.string()),
          "s_pre": pa.array([maybe(i, "common/prefix/%06d/%s" % (i // 3, "é" * (i % 4))) for i in range(n)], pa.string()),
          "f64": pa.array([maybe(i, random.random() * 1e6 - 5e5) for i in range(n)], pa.float64()),
          "f32": pa.array([maybe(i, float(i) / 8) for i in range(n)], pa.float32()),
      })
      enc = {"i64": "DELTA_BINARY_PACKED", "i32": "DELTA_BINARY_PACKED", "mono": "DELTA_BINARY_PACKED",
             "s_len": "DELTA_LENGTH_BYTE_ARRAY", "s_pre": "DELTA_BYTE_ARRAY", "f64": "BYTE_STREAM_SPLIT",
             "f32": "BYTE_STREAM_SPLIT"}
      for version in ["1.0", "2.0"]:
          pq.write_table(t, sys.argv[1] + "/delta-%s.parquet" % version, use_dictionary=False, column_encoding=enc,
                         data_page_version=version, data_page_size=4096, compression="zstd")
      def plain(v):
          return repr(v) if isinstance(v, float) else v
      print(json.dumps({"columns": {k: [plain(v) for v in t.column(k).to_pylist()] for k in t.column_names}}))
      """
    let json = try XCTUnwrap(InteropPython.json(script, [directory.path]))
    let schema = Schema([
      Field("i64", .int64), Field("i32", .int32), Field("mono", .int64), Field("s_len", .string),
      Field("s_pre", .string), Field("f64", .double), Field("f32", .double),
    ])
    let expected = PythonValues.rows(json, schema)
    XCTAssertEqual(expected.count, 5000)
    for version in ["1.0", "2.0"] {
      let path = directory.file("delta-\(version).parquet")
      let metadata = try FooterDecoder.decode(try FileBytes.read(path), source: path)
      let encodings = Set(metadata.rowGroups[0].columns.flatMap(\.metaData.encodings))
      XCTAssertTrue(
        encodings.isSuperset(of: [
          .deltaBinaryPacked, .deltaLengthByteArray, .deltaByteArray, .byteStreamSplit,
        ]),
        "\(encodings)")
      let reader = try ParquetReader(path: path)
      XCTAssertEqual(reader.schema, schema)
      assertRowsEqual(try reader.read().rows.map(\.values), expected, "data page v\(version)")
    }
  }
}
