import XCTest

@testable import SluiceCore

final class RecordBatchTests: XCTestCase {
  let schema = Schema([
    Field("id", .int64, nullable: false), Field("name", .string), Field("coords", .list(.double)),
    Field("at", .timestamp),
  ])

  func testRowsRoundTripThroughColumns() throws {
    let rows: [[Value]] = [
      [.int64(1), .string("Zoë"), .list([.double(1.5), .double(-2)]), .timestamp(0)],
      [.int64(2), .null, .null, .null],
    ]
    let batch = try RecordBatch(schema: schema, rows: rows)
    XCTAssertEqual(batch.count, 2)
    XCTAssertEqual(batch.rows.map(\.values), rows)
    XCTAssertEqual(batch.row(0)["name"], .string("Zoë"))
    XCTAssertEqual(batch.columns[1].nullCount, 1)
    XCTAssertEqual(batch.columns[2].children[0].count, 2)
  }

  func testFilterGatherAndAppendKeepColumnsAligned() throws {
    var batch = try RecordBatch(
      schema: schema,
      rows: (0..<5).map { [.int64(Int64($0)), .string("n\($0)"), .list([.double(Double($0))]), .null] })
    let odd = batch.filter([false, true, false, true, false])
    XCTAssertEqual(odd.rows.map { $0["id"] }, [.int64(1), .int64(3)])
    XCTAssertEqual(odd.row(1)["coords"], .list([.double(3)]))
    try batch.append(contentsOf: odd)
    XCTAssertEqual(batch.count, 7)
    XCTAssertEqual(batch.row(6)["name"], .string("n3"))
    XCTAssertEqual(batch.gather([6, 0]).rows.map { $0["id"] }, [.int64(3), .int64(0)])
  }

  func testValidationRejectsMisshapenBatches() {
    XCTAssertThrowsError(try RecordBatch(schema: schema, rows: [[.string("x"), .null, .null, .null]]))
    XCTAssertThrowsError(try RecordBatch(schema: schema, columns: [Column(type: .int64)]))
    var short = Column(type: .int64)
    short.append(int64: 1)
    XCTAssertThrowsError(
      try RecordBatch(
        schema: schema,
        columns: [short, Column(type: .string), Column(type: .list(.double)), Column(type: .timestamp)]))
  }

  func testDataTypeNamesParse() {
    XCTAssertEqual(DataType(name: "list<double>"), .list(.double))
    XCTAssertEqual(DataType(name: "Long"), .int64)
    XCTAssertNil(DataType(name: "decimal"))
  }

  func testQueryIDsAreValidatedUUIDs() throws {
    let id = QueryID.random()
    XCTAssertEqual(try QueryID(id.rawValue.uppercased()), id)
    XCTAssertThrowsError(try QueryID("not-a-uuid"))
    XCTAssertEqual(BatchID(fileName: "12"), BatchID(12))
    XCTAssertNil(BatchID(fileName: "1a"))
    XCTAssertNil(BatchID(fileName: ".1.tmp"))
  }

  func testRawRecordsAppendAndDescribePositions() {
    var raw = RawRecords()
    raw.append(value: Array("{}".utf8), key: Array("k".utf8), topic: "t", partition: 2, offset: 17)
    var other = RawRecords()
    other.append(value: Array("[1]".utf8), topic: "u", partition: 0, offset: 3)
    raw.append(contentsOf: other)
    XCTAssertEqual(raw.count, 2)
    XCTAssertEqual(Array(raw.value(1)), Array("[1]".utf8))
    XCTAssertEqual(raw.key(0).map { Array($0) }, Array("k".utf8))
    XCTAssertNil(raw.key(1))
    XCTAssertEqual(raw.positionDescription(1), "topic u partition 0 offset 3")
    XCTAssertEqual(raw.positionDescription(0), "topic t partition 2 offset 17")
  }
}

final class ColumnConcatenationTests: XCTestCase {
  func testAppendingColumnsKeepsSlotsNullsAndOffsets() throws {
    let schema = Schema([
      Field("i", .int32), Field("l", .int64), Field("d", .double), Field("b", .boolean), Field("s", .string),
      Field("list", .list(.string)), Field("day", .date), Field("at", .timestamp),
    ])
    func rows(_ range: Range<Int>) -> [[Value]] {
      range.map { i in
        [
          i % 3 == 0 ? .null : .int32(Int32(i)), .int64(Int64(-i)), .double(Double(i) / 2),
          i % 4 == 0 ? .null : .boolean(i % 2 == 0), i % 5 == 0 ? .null : .string("s\(i)é"),
          i % 6 == 0 ? .null : .list((0..<(i % 3)).map { .string("e\(i)-\($0)") }), .date(Int32(i)),
          .timestamp(Int64(i) * 1000),
        ]
      }
    }
    let first = try RecordBatch(schema: schema, rows: rows(0..<7))
    let second = try RecordBatch(schema: schema, rows: rows(7..<20))
    let empty = try RecordBatch(schema: schema, rows: [])
    var joined = first.columns
    for index in joined.indices {
      joined[index].append(contentsOf: second.columns[index])
      joined[index].append(contentsOf: empty.columns[index])
    }
    let batch = try RecordBatch(schema: schema, columns: joined)
    XCTAssertEqual(batch.count, 20)
    XCTAssertEqual(batch.rows.map(\.values), rows(0..<20))
    XCTAssertEqual(batch.columns[4].offsets.count, 21)
    XCTAssertEqual(batch.columns[5].children[0].count, Int(batch.columns[5].offsets[20]))
  }
}
