import SluiceCore
import XCTest

@testable import Parquet

/// Older physical forms: 2-level and 1-level lists, `item` / `array` element names, INT96 and
/// millisecond / nanosecond timestamps, FLOAT, unsigned and small integers.
final class LegacyFormTests: XCTestCase {
  /// Writes `batch`, then replaces the footer schema with `elements` (same level structure).
  private func rewrite(_ batch: RecordBatch, schema elements: [SchemaElement]) throws -> [UInt8] {
    let writer = try ParquetWriter(schema: batch.schema, options: .init(compression: .uncompressed))
    try writer.write(batch)
    var bytes = try writer.finish().bytes
    var metadata = try FooterDecoder.decode(bytes, source: "test")
    let length =
      Int(bytes[bytes.count - 8]) | Int(bytes[bytes.count - 7]) << 8 | Int(bytes[bytes.count - 6]) << 16
    bytes.removeLast(8 + length)
    metadata.schema = elements
    let footer = metadata.encoded()
    bytes += footer
    bytes.appendLittleEndian(UInt32(footer.count))
    bytes += Array("PAR1".utf8)
    return bytes
  }

  func testTwoLevelAndOneLevelLists() throws {
    let schema = Schema([Field("two", .list(.int32)), Field("one", .list(.int32), nullable: false)])
    let rows: [[Value]] = [
      [.list([.int32(1), .int32(2)]), .list([.int32(3)])], [.null, .list([])],
      [.list([]), .list([.int32(4), .int32(5)])],
    ]
    let bytes = try rewrite(
      try RecordBatch(schema: schema, rows: rows),
      schema: [
        SchemaElement(name: "root", numChildren: 2),
        SchemaElement(name: "two", repetition: .optional, numChildren: 1, convertedType: .list),
        SchemaElement(name: "array", type: .int32, repetition: .repeated),
        SchemaElement(name: "one", type: .int32, repetition: .repeated),
      ])
    let reader = try ParquetReader(bytes: bytes)
    XCTAssertEqual(reader.schema, schema)
    assertRowsEqual(try reader.read().rows.map(\.values), rows)
    let nested = try ParquetNestedReader(bytes: bytes)
    XCTAssertEqual(
      try nested.fields().map(\.description),
      ["two: list<int32 not null>", "one: list<int32 not null> not null"])
    let records = try nested.readRecords()
    XCTAssertEqual(records[0]["two"], .list([.primitive(.int32(1)), .primitive(.int32(2))]))
    XCTAssertEqual(records[1]["two"], .null)
    XCTAssertEqual(records[2]["one"], .list([.primitive(.int32(4)), .primitive(.int32(5))]))
  }

  func testListOfStructsIsUnsupportedForFlatReads() throws {
    let tree = try SchemaTree(elements: [
      SchemaElement(name: "root", numChildren: 1),
      SchemaElement(name: "points", repetition: .optional, numChildren: 1, convertedType: .list),
      SchemaElement(name: "array", repetition: .repeated, numChildren: 2),
      SchemaElement(name: "x", type: .double, repetition: .required),
      SchemaElement(name: "y", type: .double, repetition: .required),
    ])
    XCTAssertThrowsError(try ColumnPlan.plan(tree.root.children[0])) { error in
      XCTAssertEqual((error as? ParquetError)?.message.contains("list of structs"), true, "\(error)")
    }
    var mapper = NestedSchemaReader()
    XCTAssertEqual(
      try mapper.map(tree.root.children[0]).0.description,
      "points: list<struct<x: double not null, y: double not null> not null>")
  }

  func testTimestampUnitsInt96FloatAndSmallIntegersFromPyarrow() throws {
    let directory = TemporaryDirectory(for: self)
    let script = """
      import sys, json, pyarrow as pa, pyarrow.parquet as pq
      us = [-1_000_001, 0, 1_700_000_000_123_456, None]
      t = pa.table({
          "ts_ns": pa.array([None if v is None else v * 1000 + 999 for v in us], pa.timestamp("ns")),
          "ts_ms": pa.array([None if v is None else v // 1000 for v in us], pa.timestamp("ms", tz="UTC")),
          "f": pa.array([1.5, -2.25, None, 3.0], pa.float32()),
          "i8": pa.array([-128, 127, None, 0], pa.int8()),
          "u16": pa.array([0, 65535, None, 1], pa.uint16()),
          "u32": pa.array([0, 4_294_967_295, None, 7], pa.uint32()),
      })
      pq.write_table(t, sys.argv[1] + "/units.parquet", coerce_timestamps=None, version="2.6")
      pq.write_table(t.select(["ts_ns"]), sys.argv[1] + "/int96.parquet", use_deprecated_int96_timestamps=True)
      print("{}")
      """
    XCTAssertNotNil(InteropPython.json(script, [directory.path]))
    let reader = try ParquetReader(path: directory.file("units.parquet"))
    XCTAssertEqual(
      reader.schema,
      Schema([
        Field("ts_ns", .timestamp), Field("ts_ms", .timestamp), Field("f", .double), Field("i8", .int32),
        Field("u16", .int32), Field("u32", .int64),
      ]))
    let expectedNanos: [Value] = [
      .timestamp(-1_000_001), .timestamp(0), .timestamp(1_700_000_000_123_456), .null,
    ]
    let expectedMillis: [Value] = [
      .timestamp(-1_001_000), .timestamp(0), .timestamp(1_700_000_000_123_000), .null,
    ]
    let batch = try reader.read()
    XCTAssertEqual(batch.rows.map { $0[0] }, expectedNanos, "nanoseconds floor to microseconds")
    XCTAssertEqual(batch.rows.map { $0[1] }, expectedMillis)
    XCTAssertEqual(batch.rows.map { $0[2] }, [.double(1.5), .double(-2.25), .null, .double(3)])
    XCTAssertEqual(batch.rows.map { $0[3] }, [.int32(-128), .int32(127), .null, .int32(0)])
    XCTAssertEqual(batch.rows.map { $0[4] }, [.int32(0), .int32(65535), .null, .int32(1)])
    XCTAssertEqual(batch.rows.map { $0[5] }, [.int64(0), .int64(4_294_967_295), .null, .int64(7)])
    let statistics = reader.statistics()
    XCTAssertEqual(statistics[5].max, .int64(4_294_967_295), "unsigned statistics")
    XCTAssertEqual(statistics[0].min, .timestamp(-1_000_001))
    let int96 = try ParquetReader(path: directory.file("int96.parquet"))
    XCTAssertEqual(int96.schema, Schema([Field("ts_ns", .timestamp)]))
    XCTAssertEqual(try int96.read().rows.map { $0[0] }, expectedNanos)
    XCTAssertNil(int96.statistics()[0].min, "INT96 has no usable order")
  }
}
