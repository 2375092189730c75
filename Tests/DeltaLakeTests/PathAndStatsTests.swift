import SluiceCore
import XCTest

@testable import DeltaLake

final class PathAndStatsTests: XCTestCase {
  func testHivePartitionEscaping() {
    XCTAssertEqual(PathEscaping.partitionFolder(column: "category", value: "a/b"), "category=a%2Fb")
    XCTAssertEqual(PathEscaping.partitionFolder(column: "c", value: "x=y:z%"), "c=x%3Dy%3Az%25")
    XCTAssertEqual(PathEscaping.partitionFolder(column: "c", value: "diy & crafts"), "c=diy & crafts")
    XCTAssertEqual(PathEscaping.partitionFolder(column: "c", value: "é#?"), "c=é%23%3F")
    XCTAssertEqual(PathEscaping.partitionFolder(column: "c", value: nil), "c=__HIVE_DEFAULT_PARTITION__")
    XCTAssertEqual(PathEscaping.partitionFolder(column: "c", value: ""), "c=__HIVE_DEFAULT_PARTITION__")
    XCTAssertEqual(PathEscaping.partitionFolder(column: "c", value: "tab\there"), "c=tab%09here")
  }

  func testAddPathIsURIEncodedOnceMore() {
    let folder = PathEscaping.partitionFolder(column: "category", value: "a/b c")
    let path = PathEscaping.encodeURIPath(folder + "/part-0.parquet")
    XCTAssertEqual(path, "category=a%252Fb%20c/part-0.parquet")
    XCTAssertEqual(PathEscaping.decodeURIPath(path), "category=a%2Fb c/part-0.parquet")
    XCTAssertEqual(PathEscaping.encodeURIPath("c=é/f"), "c=%C3%A9/f")
    XCTAssertEqual(PathEscaping.decodeURIPath("c=%C3%A9/f"), "c=é/f")
    XCTAssertEqual(PathEscaping.decodeURIPath("bad%zz%4"), "bad%zz%4")
  }

  func testPartitionValueTextRoundTrips() throws {
    let cases: [(Value, DataType, String)] = [
      (.string("x y"), .string, "x y"), (.int32(-3), .int32, "-3"),
      (.int64(1 << 40), .int64, "1099511627776"),
      (.double(1.5), .double, "1.5"), (.boolean(true), .boolean, "true"),
      (.date(19_723), .date, "2024-01-01"),
      (.timestamp(1_704_067_323_456_789), .timestamp, "2024-01-01 00:02:03.456789"),
      (.timestamp(1_704_067_200_000_000), .timestamp, "2024-01-01 00:00:00"),
    ]
    for (value, type, text) in cases {
      XCTAssertEqual(PartitionValueText.format(value), text)
      XCTAssertEqual(try PartitionValueText.parse(text, as: type, column: "c"), value)
    }
    XCTAssertEqual(try PartitionValueText.parse("", as: .int64, column: "c"), .null)
    XCTAssertEqual(try PartitionValueText.parse(nil, as: .string, column: "c"), .null)
    XCTAssertEqual(
      try PartitionValueText.parse("2024-01-01T00:02:03.456789Z", as: .timestamp, column: "c"),
      .timestamp(1_704_067_323_456_789))
    XCTAssertThrowsError(try PartitionValueText.parse("abc", as: .int32, column: "n")) {
      XCTAssertTrue(($0 as! DeltaError).message.contains("column 'n'"))
    }
  }

  func testStatisticsJSON() {
    let columns = [
      ColumnSummary(name: "ind", nullCount: 0, min: .int64(1), max: .int64(9)),
      ColumnSummary(name: "title", nullCount: 2, min: .string("a"), max: .string("zz")),
      ColumnSummary(name: "score", nullCount: 0, min: .double(-0.5), max: .double(2)),
      ColumnSummary(
        name: "ts", nullCount: 0, min: .timestamp(1_704_067_200_000_999),
        max: .timestamp(1_704_067_200_001_001)),
      ColumnSummary(name: "day", nullCount: 1, min: .date(19_723), max: .date(19_724)),
      ColumnSummary(name: "ok", nullCount: 0, min: .boolean(false), max: .boolean(true)),
      ColumnSummary(name: "coordinates", nullCount: 3),
      ColumnSummary(name: "empty", nullCount: 10),
    ]
    XCTAssertEqual(
      FileStatistics(numRecords: 10, columns: columns).jsonString,
      #"{"numRecords":10,"minValues":{"ind":1,"title":"a","score":-0.5,"ts":"2024-01-01T00:00:00.000Z","day":"2024-01-01"},"#
        + #""maxValues":{"ind":9,"title":"zz","score":2.0,"ts":"2024-01-01T00:00:00.002Z","day":"2024-01-02"},"#
        + #""nullCount":{"ind":0,"title":2,"score":0,"ts":0,"day":1,"ok":0,"coordinates":3,"empty":10}}"#)
  }

  func testLongStringsAreTruncatedForMinAndLeftOutOfMax() {
    let long = String(repeating: "x", count: 40)
    let stats = FileStatistics(
      numRecords: 1, columns: [ColumnSummary(name: "s", nullCount: 0, min: .string(long), max: .string(long))]
    )
    XCTAssertEqual(stats.minValues["s"]?.stringValue, String(repeating: "x", count: 32))
    XCTAssertNil(stats.maxValues["s"])
  }

  func testNegativeTimestampsRoundOutward() {
    XCTAssertEqual(FileStatistics.bound(.timestamp(-1), roundUp: false), .string("1969-12-31T23:59:59.999Z"))
    XCTAssertEqual(FileStatistics.bound(.timestamp(-1), roundUp: true), .string("1970-01-01T00:00:00.000Z"))
  }

  func testSummarizeComputesBoundsAndNulls() {
    let batch = Fixtures.pinBatch(0..<10)
    let summaries = ColumnSummary.summarize(batch)
    XCTAssertEqual(summaries[0], ColumnSummary(name: "ind", nullCount: 0, min: .int64(0), max: .int64(9)))
    XCTAssertEqual(summaries[2].nullCount, 2)
    XCTAssertEqual(summaries[1].min, .string("art"))
    XCTAssertEqual(summaries[1].max, .string("travel/food"))
    XCTAssertNil(summaries[8].min, "lists get no bounds")
  }

  func testParseStatistics() throws {
    let stats = try FileStatistics.parse(
      #"{"numRecords":3,"minValues":{"a":1},"maxValues":{"a":5},"nullCount":{"a":0}}"#)
    XCTAssertEqual(stats.numRecords, 3)
    XCTAssertEqual(stats.maxValues["a"]?.intValue, 5)
    XCTAssertThrowsError(try FileStatistics.parse("{}"))
  }
}
