import Foundation
import SluiceCore
import XCTest

@testable import Parquet

/// Files written by ``ParquetWriter`` read back by pyarrow: values, types, codec, statistics.
final class WriterInteropTests: XCTestCase {
  private func readWithPyarrow(
    _ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line
  ) throws -> [String: Any]? {
    let directory = TemporaryDirectory(for: self)
    let path = try directory.write(bytes, to: "data.parquet")
    return InteropPython.json(PyarrowScripts.read, [path], file: file, line: line)
  }

  private func chunks(_ json: [String: Any]) -> [[String: Any]] {
    (json["row_groups"] as? [[String: Any]] ?? []).flatMap { $0["columns"] as? [[String: Any]] ?? [] }
  }

  func testAllTypesReadByPyarrowWithTypesCodecAndStatistics() throws {
    let rows = SampleBatches.allTypesRows(count: 1000)
    let writer = try ParquetWriter(
      schema: SampleBatches.allTypes,
      options: ParquetWriterOptions(createdBy: "Sluice version 0.1.0", keyValueMetadata: [("origin", "test")])
    )
    try writer.write(try RecordBatch(schema: SampleBatches.allTypes, rows: rows))
    let (bytes, summary) = try writer.finish()
    XCTAssertEqual(summary.numRows, 1000)
    XCTAssertEqual(summary.byteCount, bytes.count)
    let json = try XCTUnwrap(try readWithPyarrow(bytes))

    assertRowsEqual(PythonValues.rows(json, SampleBatches.allTypes), rows)
    let types = (json["schema"] as? [[String: Any]] ?? []).map { "\($0["name"]!): \($0["type"]!)" }
    XCTAssertEqual(
      types,
      [
        "id: int64", "name: string", "count: int32", "score: double", "flag: bool",
        "at: timestamp[us, tz=UTC]", "day: date32[day]", "coordinates: list<element: double not null>",
        "tags: list<element: string not null>", "label: string",
      ])
    let nullable = (json["schema"] as? [[String: Any]] ?? []).map { $0["nullable"] as? Bool }
    XCTAssertEqual(nullable, [false, true, true, true, true, true, true, true, true, false])
    XCTAssertEqual(json["num_rows"] as? Int, 1000)
    XCTAssertEqual(json["created_by"] as? String, "Sluice version 0.1.0")
    XCTAssertEqual(json["key_value"] as? [String: String], ["origin": "test"])

    let chunks = chunks(json)
    XCTAssertEqual(chunks.count, 10)
    XCTAssertEqual(Set(chunks.map { $0["codec"] as? String }), ["ZSTD"])
    // Statistics of the flat columns agree with the summary and with the data.
    let flat = ["id", "name", "count", "score", "flag", "at", "day", "label"]
    for name in flat {
      let chunk = try XCTUnwrap(chunks.first { ($0["path"] as? String) == name }, name)
      let stats = try XCTUnwrap(chunk["statistics"] as? [String: Any], "statistics of \(name)")
      let field = try XCTUnwrap(SampleBatches.allTypes.field(named: name))
      let column = try XCTUnwrap(summary.columns.first { $0.name == name })
      let index = try XCTUnwrap(SampleBatches.allTypes.index(of: name))
      let values = rows.map { $0[index] }.filter { !$0.isNull }
      XCTAssertEqual(stats["null_count"] as? Int, rows.count - values.count, name)
      XCTAssertEqual(column.nullCount, Int64(rows.count - values.count), name)
      XCTAssertEqual(PythonValues.value(stats["min"], field.type), column.min, name)
      XCTAssertEqual(PythonValues.value(stats["max"], field.type), column.max, name)
      XCTAssertEqual(column.min, values.min(by: Self.less), name)
      XCTAssertEqual(column.max, values.max(by: Self.less), name)
    }
    let lists = summary.columns.filter { $0.name == "coordinates" || $0.name == "tags" }
    XCTAssertEqual(lists.map(\.nullCount), [200, 250])
    XCTAssertEqual(lists.map(\.min), [nil, nil])
  }

  func testRowGroupsPagesAndDictionaryFallbackReadByPyarrow() throws {
    let schema = Schema([
      Field("id", .int64, nullable: false), Field("text", .string), Field("tags", .list(.string)),
    ])
    var columns = [Column(type: .int64), Column(type: .string), Column(type: .list(.string))]
    for i in 0..<20_000 {
      columns[0].append(int64: Int64(i))
      // Low cardinality first (the dictionary pays), then distinct values outgrow it.
      let text = i < 4_000 ? "value \(i % 40) of a text" : "value \(i) of a text"
      if i % 10 == 0 { columns[1].appendNull() } else { columns[1].append(string: text) }
      columns[2].append(strings: (0..<(i % 3)).map { "t\(($0 + i) % 50)" })
    }
    let batch = RecordBatch(unchecked: schema, columns: columns)
    let options = ParquetWriterOptions(
      compression: .uncompressed, rowGroupBytes: 200_000, pageBytes: 8_000, dictionaryMaxBytes: 20_000)
    let writer = try ParquetWriter(schema: schema, options: options)
    try writer.write(batch.gather(Array(0..<7_000)))
    try writer.write(batch.gather(Array(7_000..<20_000)))
    let (bytes, summary) = try writer.finish()
    XCTAssertGreaterThan(summary.rowGroups, 1)
    let json = try XCTUnwrap(try readWithPyarrow(bytes))
    assertRowsEqual(PythonValues.rows(json, schema), batch.rows.map(\.values))
    XCTAssertEqual(json["num_row_groups"] as? Int, summary.rowGroups)
    let textChunks = chunks(json).filter { ($0["path"] as? String) == "text" }
    XCTAssertEqual(Set(textChunks.map { $0["codec"] as? String }), ["UNCOMPRESSED"])
    // The distinct texts outgrow the 20 kB dictionary: dictionary pages, then PLAIN pages.
    let first = try XCTUnwrap(textChunks.first)
    XCTAssertEqual(first["has_dictionary_page"] as? Bool, true)
    XCTAssertEqual(Set(first["encodings"] as? [String] ?? []), ["PLAIN", "RLE", "RLE_DICTIONARY"])
    let tagChunks = chunks(json).filter { ($0["path"] as? String) == "tags.list.element" }
    XCTAssertEqual(tagChunks.count, summary.rowGroups)
    XCTAssertTrue(tagChunks.allSatisfy { $0["has_dictionary_page"] as? Bool == true })
  }

  func testDuckDBReadsOurFile() throws {
    let rows = SampleBatches.allTypesRows(count: 3000)
    let writer = try ParquetWriter(
      schema: SampleBatches.allTypes, options: .init(rowGroupBytes: 50_000, pageBytes: 8_000))
    try writer.write(try RecordBatch(schema: SampleBatches.allTypes, rows: rows))
    let path = try TemporaryDirectory(for: self).write(try writer.finish().bytes, to: "duck.parquet")
    let script = """
      import sys, json, duckdb
      con = duckdb.connect()
      r = con.execute('''select count(*), sum(id), count(name), sum("count"), count(score), sum(len(coordinates)),
                      sum(len(tags)), count(flag), sum(case when flag then 1 else 0 end),
                      epoch_us(max("at")), max("day") - DATE '1970-01-01', max(label) from read_parquet('%s')''' % sys.argv[1]
                      ).fetchone()
      print(json.dumps({"row": list(r)}))
      """
    let json = try XCTUnwrap(InteropPython.json(script, [path]))
    let row = try XCTUnwrap(json["row"] as? [Any])
    func column(_ index: Int) -> [Value] { rows.map { $0[index] }.filter { !$0.isNull } }
    let counts = column(2).compactMap(\.intValue).reduce(0, +)
    let coordinates = column(7).map { if case .list(let items) = $0 { items.count } else { 0 } }.reduce(0, +)
    let tags = column(8).map { if case .list(let items) = $0 { items.count } else { 0 } }.reduce(0, +)
    let trues = column(4).filter { $0 == .boolean(true) }.count
    let expected: [Int64] = [
      3000, Int64(2999 * 3000 / 2), Int64(column(1).count), counts, Int64(column(3).count),
      Int64(coordinates), Int64(tags), Int64(column(4).count), Int64(trues),
    ]
    XCTAssertEqual(row.prefix(9).map { ($0 as? NSNumber)?.int64Value }, expected.map { Optional($0) })
    XCTAssertEqual(
      (row[9] as? NSNumber)?.int64Value,
      column(5).compactMap { if case .timestamp(let v) = $0 { v } else { nil } }.max())
    XCTAssertEqual(
      (row[10] as? NSNumber)?.int64Value,
      column(6).compactMap { if case .date(let v) = $0 { Int64(v) } else { nil } }.max())
    XCTAssertEqual(row[11] as? String, column(9).compactMap(\.stringValue).max())
  }

  static func less(_ lhs: Value, _ rhs: Value) -> Bool {
    switch (lhs, rhs) {
    case (.int32(let a), .int32(let b)), (.date(let a), .date(let b)): a < b
    case (.int64(let a), .int64(let b)), (.timestamp(let a), .timestamp(let b)): a < b
    case (.double(let a), .double(let b)): a < b
    case (.boolean(let a), .boolean(let b)): !a && b
    case (.string(let a), .string(let b)): Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8))
    default: false
    }
  }
}
