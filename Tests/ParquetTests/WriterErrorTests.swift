import SluiceCore
import XCTest

@testable import Parquet

/// The writer rejects what it cannot write, before touching the file, and stays usable.
final class WriterErrorTests: XCTestCase {
  private func assertError(
    _ code: ParquetError.Code, _ fragment: String, file: StaticString = #filePath, line: UInt = #line,
    _ body: () throws -> Void
  ) {
    XCTAssertThrowsError(try body(), file: file, line: line) { error in
      let error = error as? ParquetError
      XCTAssertEqual(error?.code, code, file: file, line: line)
      XCTAssertTrue(
        error?.message.contains(fragment) == true, "\(String(describing: error))", file: file, line: line)
    }
  }

  func testUnsupportedSchemasAndCodecs() {
    assertError(.unsupported, "nested lists") {
      _ = try ParquetWriter(schema: Schema([Field("x", .list(.list(.double)))]))
    }
    assertError(.unsupported, "SNAPPY") {
      _ = try ParquetWriter(schema: Schema([Field("x", .int32)]), options: .init(compression: .snappy))
    }
    assertError(.invalidArgument, "appears twice") {
      _ = try ParquetWriter(schema: Schema([Field("x", .int32), Field("x", .string)]))
    }
  }

  func testRejectedBatchesLeaveTheFileIntact() throws {
    let schema = Schema([Field("id", .int64, nullable: false), Field("tags", .list(.string))])
    let writer = try ParquetWriter(schema: schema)
    let good = try RecordBatch(schema: schema, rows: [[.int64(1), .list([.string("a")])]])
    try writer.write(good)
    assertError(.schemaMismatch, "differs from the writer schema") {
      try writer.write(try RecordBatch(schema: Schema([Field("id", .int64)]), rows: [[.int64(2)]]))
    }
    var ids = Column(type: .int64)
    ids.append(int64: 5)
    ids.appendNull()
    var tags = Column(type: .list(.string))
    tags.append(strings: [])
    tags.append(strings: [])
    assertError(.schemaMismatch, "column id is declared not null but row 1") {
      try writer.write(RecordBatch(unchecked: schema, columns: [ids, tags]))
    }
    var okIDs = Column(type: .int64)
    okIDs.append(int64: 5)
    okIDs.append(int64: 6)
    var badTags = Column(type: .list(.string))
    badTags.append(strings: ["x"])
    badTags.children[0].appendNull()
    badTags.closeListSlot()
    assertError(.schemaMismatch, "null element in row 1") {
      try writer.write(RecordBatch(unchecked: schema, columns: [okIDs, badTags]))
    }
    try writer.write(good)
    let (bytes, summary) = try writer.finish()
    XCTAssertEqual(summary.numRows, 2)
    assertRowsEqual(
      try ParquetReader(bytes: bytes).read().rows.map(\.values), [good.row(0).values, good.row(0).values])
    assertError(.writerFinished, "after finish") { try writer.write(good) }
  }
}
