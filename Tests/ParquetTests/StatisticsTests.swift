import SluiceCore
import XCTest

@testable import Parquet

/// Column statistics: ordering rules per type, NaN and signed zeros, all-null columns, footer
/// encoding, and the reader's merge over row groups.
final class StatisticsTests: XCTestCase {
  private func write(_ batch: RecordBatch, options: ParquetWriterOptions = .init()) throws -> (
    [UInt8], ParquetFileSummary
  ) {
    let writer = try ParquetWriter(schema: batch.schema, options: options)
    try writer.write(batch)
    return try writer.finish()
  }

  func testDoublesIgnoreNaNAndUseSignedZeros() throws {
    let schema = Schema([Field("a", .double), Field("b", .double), Field("c", .double), Field("d", .double)])
    let rows: [[Value]] = [
      [.double(.nan), .double(0.0), .double(.nan), .double(-.infinity)],
      [.double(2.5), .double(-0.0), .null, .double(.infinity)],
      [.double(-1.5), .double(0.0), .double(.nan), .double(3)],
    ]
    let (bytes, summary) = try write(try RecordBatch(schema: schema, rows: rows))
    XCTAssertEqual(summary.columns[0].min, .double(-1.5))
    XCTAssertEqual(summary.columns[0].max, .double(2.5))
    let zeroMin = try XCTUnwrap(summary.columns[1].min?.doubleValue)
    let zeroMax = try XCTUnwrap(summary.columns[1].max?.doubleValue)
    XCTAssertEqual(zeroMin.sign, .minus, "min of zeros is -0.0")
    XCTAssertEqual(zeroMax.sign, .plus, "max of zeros is +0.0")
    XCTAssertNil(summary.columns[2].min, "all NaN or null: no bounds")
    XCTAssertEqual(summary.columns[2].nullCount, 1)
    XCTAssertEqual(summary.columns[3].min, .double(-.infinity))
    XCTAssertEqual(summary.columns[3].max, .double(.infinity))
    let reader = try ParquetReader(bytes: bytes)
    XCTAssertEqual(reader.statistics().map(\.min), summary.columns.map(\.min))
    XCTAssertEqual(reader.statistics().map(\.max), summary.columns.map(\.max))
  }

  func testStringsCompareBytewiseUnsigned() throws {
    let schema = Schema([Field("s", .string)])
    let values = ["a", "Z", "é", "", "\u{FFFF}", "ab", "aa"]
    let rows = values.map { [Value.string($0)] } + [[.null]]
    for dictionary in [true, false] {
      let (bytes, summary) = try write(
        try RecordBatch(schema: schema, rows: rows), options: .init(dictionary: dictionary))
      XCTAssertEqual(summary.columns[0].min, .string(""))
      XCTAssertEqual(summary.columns[0].max, .string("\u{FFFF}"), "UTF-8 EF BF BF sorts above C3 A9")
      XCTAssertEqual(summary.columns[0].nullCount, 1)
      let chunk = try FooterDecoder.decode(bytes, source: "t").rowGroups[0].columns[0].metaData
      XCTAssertEqual(chunk.statistics?.minValue, [])
      XCTAssertEqual(chunk.statistics?.maxValue, [0xEF, 0xBF, 0xBF])
      XCTAssertNil(chunk.statistics?.legacyMin, "no signed-order legacy bounds for strings")
    }
  }

  func testFooterEncodingOfIntegersDatesTimestampsAndBooleans() throws {
    let schema = Schema([
      Field("i", .int32), Field("l", .int64), Field("t", .timestamp), Field("d", .date), Field("b", .boolean),
      Field("n", .int64),
    ])
    let rows: [[Value]] = [
      [.int32(-7), .int64(1 << 40), .timestamp(-5), .date(-1), .boolean(true), .null],
      [
        .int32(300), .int64(-(1 << 40)), .timestamp(1_700_000_000_000_000), .date(20_000), .boolean(true),
        .null,
      ],
    ]
    let (bytes, summary) = try write(try RecordBatch(schema: schema, rows: rows))
    let metadata = try FooterDecoder.decode(bytes, source: "t")
    XCTAssertEqual(metadata.typeDefinedColumnOrders, 6)
    let stats = metadata.rowGroups[0].columns.map { $0.metaData.statistics }
    XCTAssertEqual(stats[0]?.minValue, [0xF9, 0xFF, 0xFF, 0xFF])
    XCTAssertEqual(stats[0]?.maxValue, [0x2C, 0x01, 0x00, 0x00])
    XCTAssertEqual(stats[0]?.legacyMin, stats[0]?.minValue)
    XCTAssertEqual(stats[4]?.minValue, [1])
    XCTAssertEqual(stats[4]?.maxValue, [1])
    XCTAssertEqual(stats[5]?.nullCount, 2)
    XCTAssertNil(stats[5]?.minValue)
    XCTAssertEqual(
      summary.columns.map(\.min),
      [.int32(-7), .int64(-(1 << 40)), .timestamp(-5), .date(-1), .boolean(true), nil])
    XCTAssertEqual(
      summary.columns.map(\.max),
      [.int32(300), .int64(1 << 40), .timestamp(1_700_000_000_000_000), .date(20_000), .boolean(true), nil])
    XCTAssertEqual(try ParquetReader(bytes: bytes).statistics(), summary.columns)
  }

  func testReaderMergesStatisticsOverRowGroups() throws {
    let batch = try SampleBatches.allTypes(count: 3000)
    let (bytes, summary) = try write(batch, options: .init(rowGroupBytes: 20_000))
    XCTAssertGreaterThan(summary.rowGroups, 3)
    let statistics = try ParquetReader(bytes: bytes).statistics()
    for (read, written) in zip(statistics, summary.columns)
    where !read.name.hasPrefix("coordinates") && read.name != "tags" {
      XCTAssertEqual(read, written, read.name)
    }
    let values = batch.columns[SampleBatches.allTypes.index(of: "score")!]
    let scores = (0..<values.count).compactMap { values.isNull($0) ? nil : values.doubleValues[$0] }
    XCTAssertEqual(summary.columns[3].min, .double(scores.min()!))
    XCTAssertEqual(summary.columns[3].max, .double(scores.max()!))
  }
}
