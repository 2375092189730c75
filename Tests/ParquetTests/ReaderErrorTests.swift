import Foundation
import SluiceCore
import XCTest

@testable import Parquet

/// Non-Parquet, truncated and corrupt inputs give precise errors (and never crash the reader).
final class ReaderErrorTests: XCTestCase {
  private func validFile(rows: Int = 200, options: ParquetWriterOptions = .init()) throws -> [UInt8] {
    let writer = try ParquetWriter(schema: SampleBatches.allTypes, options: options)
    try writer.write(try SampleBatches.allTypes(count: rows))
    return try writer.finish().bytes
  }

  private func assertError(
    _ code: ParquetError.Code, _ fragment: String, file: StaticString = #filePath, line: UInt = #line,
    _ body: () throws -> Void
  ) {
    XCTAssertThrowsError(try body(), file: file, line: line) { error in
      guard let error = error as? ParquetError else {
        return XCTFail("not a ParquetError: \(error)", file: file, line: line)
      }
      XCTAssertEqual(error.code, code, error.message, file: file, line: line)
      XCTAssertTrue(
        error.message.contains(fragment), "'\(error.message)' lacks '\(fragment)'", file: file, line: line)
    }
  }

  func testNotParquet() {
    assertError(.notParquet, "does not start with PAR1") { _ = try ParquetReader(bytes: []) }
    assertError(.notParquet, "not a Parquet file") {
      _ = try ParquetReader(bytes: Array("{\"a\": 1}\n".utf8))
    }
    assertError(.notParquet, "PAR1") { _ = try ParquetReader(bytes: Array(repeating: 0, count: 4096)) }
  }

  func testTruncated() throws {
    let bytes = try validFile()
    assertError(.truncated, "too short") { _ = try ParquetReader(bytes: Array("PAR1".utf8)) }
    for cut in [1, 8, 100, bytes.count / 2, bytes.count - 12] {
      assertError(.truncated, "does not end with PAR1") {
        _ = try ParquetReader(bytes: Array(bytes[0..<(bytes.count - cut)]))
      }
    }
  }

  func testCorruptFooterLengthAndFooter() throws {
    var bytes = try validFile()
    let count = bytes.count
    bytes[count - 8] = 0xFF
    bytes[count - 7] = 0xFF
    bytes[count - 6] = 0xFF
    assertError(.corrupt, "footer length") { _ = try ParquetReader(bytes: bytes) }
    var shifted = try validFile()
    let length = Int(shifted[count - 8]) | Int(shifted[count - 7]) << 8
    shifted[count - 8 - length] = 0x00  // the footer struct now ends at once
    XCTAssertThrowsError(try ParquetReader(bytes: shifted)) { error in
      XCTAssertEqual((error as? ParquetError)?.code, .corrupt)
      XCTAssertTrue((error as? ParquetError)?.message.contains("footer") == true, "\(error)")
    }
  }

  func testCorruptPageIsReportedWithColumnAndPage() throws {
    var bytes = try validFile(options: .init(compression: .zstd(level: 1)))
    let metadata = try FooterDecoder.decode(bytes, source: "t")
    let chunk = metadata.rowGroups[0].columns[1].metaData  // "name"
    let start = Int(chunk.dictionaryPageOffset ?? chunk.dataPageOffset)
    for offset in start + 12..<start + 30 { bytes[offset] ^= 0x5A }  // inside the first page body
    let reader = try ParquetReader(bytes: bytes)
    XCTAssertNoThrow(try reader.read(columns: ["id"]), "other columns stay readable")
    XCTAssertThrowsError(try reader.read(columns: ["name"])) { error in
      let error = error as? ParquetError
      XCTAssertTrue(
        [.compression, .corrupt, .truncated].contains(error?.code), "\(String(describing: error))")
      XCTAssertTrue(
        error?.message.contains("column name, row group 0, page 0") == true, "\(String(describing: error))")
    }
  }

  func testEveryFlippedByteFailsCleanlyOrReads() throws {
    let original = try validFile(rows: 40, options: .init(compression: .uncompressed))
    var failures = 0
    for position in 0..<original.count {
      for mask: UInt8 in [0xFF, 0x01] {
        var bytes = original
        bytes[position] ^= mask
        do {
          let reader = try ParquetReader(bytes: bytes)
          _ = reader.statistics()
          _ = try reader.read()
        } catch {
          failures += 1
        }
      }
    }
    XCTAssertGreaterThan(failures, original.count / 4, "most corruptions are detected")
  }

  func testEveryTruncationOfTheFooterFailsCleanly() throws {
    let original = try validFile(rows: 10)
    let count = original.count
    let length = Int(original[count - 8]) | Int(original[count - 7]) << 8
    for cut in 1..<length {
      var bytes = Array(original[0..<(count - 8 - cut)])
      bytes += [
        UInt8(truncatingIfNeeded: length - cut), UInt8(truncatingIfNeeded: (length - cut) >> 8), 0, 0,
      ]
      bytes += Array("PAR1".utf8)
      XCTAssertThrowsError(try ParquetReader(bytes: bytes), "cut \(cut)")
    }
  }

  func testUnknownEncodingIsNamed() throws {
    let writer = try ParquetWriter(
      schema: Schema([Field("v", .int64, nullable: false)]), options: .init(compression: .uncompressed))
    try writer.write(try RecordBatch(schema: writer.schema, rows: (0..<10).map { [.int64(Int64($0))] }))
    var bytes = try writer.finish().bytes
    let offset = Int(
      try FooterDecoder.decode(bytes, source: "t").rowGroups[0].columns[0].metaData.dataPageOffset)
    var reader = ThriftCompactReader(bytes: bytes, range: offset..<bytes.count, context: "page")
    var header = try PageHeader(from: &reader)
    let length = reader.position - offset
    header.dataPage?.encoding = Encoding(rawValue: 10)
    var writer2 = ThriftCompactWriter()
    header.encode(into: &writer2)
    XCTAssertEqual(writer2.bytes.count, length)
    bytes.replaceSubrange(offset..<(offset + length), with: writer2.bytes)
    assertError(.unsupported, "column v, row group 0, page 0: encoding ALP for INT64 values is not supported")
    {
      _ = try ParquetReader(bytes: bytes).read()
    }
  }

  func testMissingColumnRowGroupAndFile() throws {
    let reader = try ParquetReader(bytes: try validFile())
    assertError(.columnNotFound, "column nope is not in") { _ = try reader.read(columns: ["nope"]) }
    assertError(.invalidArgument, "row group 3 does not exist") { _ = try reader.readRowGroup(3) }
    assertError(.io, "No such file") { _ = try ParquetReader(path: "/nonexistent/dir/x.parquet") }
  }

  func testUnsupportedColumnTypesAndEncodingsFromPyarrow() throws {
    let directory = TemporaryDirectory(for: self)
    let script = """
      import sys, decimal, pyarrow as pa, pyarrow.parquet as pq
      d = sys.argv[1]
      t = pa.table({
          "ok": pa.array([1, 2, None], pa.int64()),
          "dec": pa.array([decimal.Decimal("1.5"), None, decimal.Decimal("2.25")], pa.decimal128(10, 2)),
          "st": pa.array([{"x": 1}, None, {"x": 3}], pa.struct([("x", pa.int32())])),
          "mp": pa.array([[("k", 1)], None, []], pa.map_(pa.string(), pa.int32())),
          "bin": pa.array([b"\\x00", None, b"z"], pa.binary()),
          "nested": pa.array([[[1.0]], None, []], pa.list_(pa.list_(pa.float64()))),
      })
      pq.write_table(t, d + "/types.parquet")
      pq.write_table(pa.table({"v": pa.array(list(range(100)), pa.int64())}), d + "/brotli.parquet", compression="brotli")
      print("{}")
      """
    XCTAssertNotNil(InteropPython.json(script, [directory.path]))
    let types = directory.file("types.parquet")
    assertError(.unsupported, "column dec has type") { _ = try ParquetReader(path: types) }
    let lenient = try ParquetReader(path: types, skipUnsupportedColumns: true)
    XCTAssertEqual(lenient.schema, Schema([Field("ok", .int64)]))
    XCTAssertEqual(lenient.skippedColumns.map(\.name), ["dec", "st", "mp", "bin", "nested"])
    let reasons = lenient.skippedColumns.map(\.reason)
    XCTAssertTrue(reasons[0].contains("DECIMAL"), reasons[0])
    XCTAssertTrue(reasons[1].contains("struct"), reasons[1])
    XCTAssertTrue(reasons[2].contains("MAP"), reasons[2])
    XCTAssertTrue(reasons[3].contains("binary"), reasons[3])
    XCTAssertTrue(reasons[4].contains("nested"), reasons[4])
    assertRowsEqual(try lenient.read().rows.map(\.values), [[.int64(1)], [.int64(2)], [.null]])
    assertError(.unsupported, "column st is a struct") { _ = try lenient.read(columns: ["st"]) }
    assertError(.unsupported, "column v is compressed with BROTLI") {
      _ = try ParquetReader(path: directory.file("brotli.parquet")).read()
    }
  }
}
