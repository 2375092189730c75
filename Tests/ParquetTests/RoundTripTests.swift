import SluiceCore
import XCTest

@testable import Parquet

/// ``ParquetWriter`` output read back by ``ParquetReader``: every type, nulls, lists, row groups,
/// pages, dictionary fallback, column selection.
final class RoundTripTests: XCTestCase {
  private func roundTrip(
    _ batches: [RecordBatch], options: ParquetWriterOptions = .init()
  ) throws -> (reader: ParquetReader, summary: ParquetFileSummary, bytes: [UInt8]) {
    let writer = try ParquetWriter(schema: batches[0].schema, options: options)
    for batch in batches { try writer.write(batch) }
    let (bytes, summary) = try writer.finish()
    return (try ParquetReader(bytes: bytes), summary, bytes)
  }

  func testEveryTypeWithNullsZstdAndUncompressed() throws {
    let rows = SampleBatches.allTypesRows(count: 500)
    for compression in [ParquetCompression.zstd(level: 3), .zstd(level: 1), .uncompressed] {
      let (reader, summary, _) = try roundTrip(
        [try RecordBatch(schema: SampleBatches.allTypes, rows: rows)],
        options: .init(compression: compression))
      XCTAssertEqual(reader.schema, SampleBatches.allTypes, "\(compression)")
      XCTAssertEqual(reader.numRows, 500)
      XCTAssertEqual(summary.rowGroups, 1)
      assertRowsEqual(try reader.read().rows.map(\.values), rows, "\(compression)")
    }
  }

  func testListsEmptyNullAndRowGroupsAndPages() throws {
    let schema = Schema([
      Field("id", .int32, nullable: false), Field("values", .list(.double)),
      Field("required_list", .list(.int64), nullable: false), Field("flags", .list(.boolean)),
    ])
    let rows: [[Value]] = (0..<5000).map { i in
      let values: Value =
        i % 4 == 0
        ? .null : .list((0..<(i % 4 == 1 ? 0 : i % 6)).map { .double(Double(i) + Double($0) / 10) })
      let required: Value = .list((0..<(i % 3)).map { .int64(Int64(i * 10 + $0)) })
      let flags: Value = i % 5 == 0 ? .null : .list((0..<(i % 3)).map { .boolean(($0 + i) % 2 == 0) })
      return [.int32(Int32(i)), values, required, flags]
    }
    let batch = try RecordBatch(schema: schema, rows: rows)
    let options = ParquetWriterOptions(compression: .zstd(level: 1), rowGroupBytes: 40_000, pageBytes: 2_000)
    let (reader, summary, _) = try roundTrip(
      [batch.gather(Array(0..<1234)), batch.gather(Array(1234..<5000))], options: options)
    XCTAssertGreaterThan(summary.rowGroups, 2)
    XCTAssertEqual(reader.rowGroupCount, summary.rowGroups)
    assertRowsEqual(try reader.read().rows.map(\.values), rows)
    var byGroup: [[Value]] = []
    for index in 0..<reader.rowGroupCount {
      byGroup += try reader.readRowGroup(index, columns: ["values", "id"]).rows.map(\.values)
    }
    assertRowsEqual(byGroup, rows.map { [$0[1], $0[0]] })
    let values = try XCTUnwrap(summary.columns.first { $0.name == "values" })
    XCTAssertEqual(values.nullCount, 1250)
    XCTAssertNil(values.min)
  }

  func testDictionaryIsUsedWhenItPaysAndAbandonedWhenNot() throws {
    let schema = Schema([Field("low", .string), Field("high", .string), Field("mixed", .string)])
    var columns = schema.fields.map { Column(type: $0.type) }
    for i in 0..<30_000 {
      columns[0].append(string: ["red", "green", "blue"][i % 3])
      columns[1].append(string: "unique-\(i)-\(i * 7919)")
      columns[2].append(string: i < 10_000 ? "few-\(i % 10)" : "many-\(i)")
    }
    let batch = RecordBatch(unchecked: schema, columns: columns)
    let options = ParquetWriterOptions(
      compression: .uncompressed, pageBytes: 16_000, dictionaryMaxBytes: 30_000)
    let (reader, _, bytes) = try roundTrip([batch], options: options)
    assertRowsEqual(try reader.read().rows.map(\.values), batch.rows.map(\.values))
    let metadata = try FooterDecoder.decode(bytes, source: "test")
    let chunks = metadata.rowGroups[0].columns.map(\.metaData)
    XCTAssertEqual(chunks[0].encodings, [.plain, .rle, .rleDictionary])
    XCTAssertNotNil(chunks[0].dictionaryPageOffset)
    XCTAssertEqual(chunks[1].encodings, [.plain, .rle], "distinct values: no dictionary")
    XCTAssertNil(chunks[1].dictionaryPageOffset)
    XCTAssertEqual(
      chunks[2].encodings, [.plain, .rle, .rleDictionary], "dictionary pages, then PLAIN fallback")
    XCTAssertLessThan(chunks[0].totalCompressedSize, 30_000 / 2, "3 values cost ~2 bits each")
  }

  func testDictionaryDisabledWritesPlainOnly() throws {
    let batch = try SampleBatches.allTypes(count: 300)
    let (reader, _, bytes) = try roundTrip([batch], options: .init(dictionary: false))
    assertRowsEqual(try reader.read().rows.map(\.values), batch.rows.map(\.values))
    let metadata = try FooterDecoder.decode(bytes, source: "test")
    XCTAssertTrue(
      metadata.rowGroups[0].columns.allSatisfy { !$0.metaData.encodings.contains(.rleDictionary) })
  }

  func testEmptyFileAndEmptyBatches() throws {
    let writer = try ParquetWriter(schema: SampleBatches.allTypes)
    try writer.write(try SampleBatches.allTypes(count: 0))
    let (bytes, summary) = try writer.finish()
    XCTAssertEqual(summary.numRows, 0)
    XCTAssertEqual(summary.rowGroups, 0)
    XCTAssertTrue(summary.columns.allSatisfy { $0.min == nil && $0.nullCount == 0 })
    let reader = try ParquetReader(bytes: bytes)
    XCTAssertEqual(reader.schema, SampleBatches.allTypes)
    let batch = try reader.read()
    XCTAssertEqual(batch.count, 0)
    XCTAssertEqual(batch.schema, SampleBatches.allTypes)
  }

  func testManySmallBatchesAndBufferedBytes() throws {
    let writer = try ParquetWriter(schema: SampleBatches.allTypes, options: .init(rowGroupBytes: 1 << 30))
    var expected: [[Value]] = []
    XCTAssertEqual(writer.bufferedBytes, 0)
    for start in stride(from: 0, to: 2000, by: 100) {
      let rows = SampleBatches.allTypesRows(first: start, count: 100)
      expected += rows
      try writer.write(try RecordBatch(schema: SampleBatches.allTypes, rows: rows))
    }
    XCTAssertGreaterThan(writer.bufferedBytes, 2000 * 8)
    let (bytes, summary) = try writer.finish()
    XCTAssertEqual(summary.rowGroups, 1)
    assertRowsEqual(try ParquetReader(bytes: bytes).read().rows.map(\.values), expected)
  }

  func testLargeBatchIsSplitIntoRowGroupsBySize() throws {
    let batch = SampleBatches.pinLike(count: 20_000)
    let size = ParquetWriter.plainSize(batch, 0..<batch.count)
    let (reader, summary, _) = try roundTrip([batch], options: .init(rowGroupBytes: size / 4))
    XCTAssertTrue((4...5).contains(summary.rowGroups), "\(summary.rowGroups) row groups")
    let read = try reader.read()
    XCTAssertEqual(read.count, 20_000)
    for column in [1, 3, 4, 10] {
      XCTAssertEqual(read.columns[column].bytes, batch.columns[column].bytes)
      XCTAssertEqual(read.columns[column].validity, batch.columns[column].validity)
    }
  }

  func testColumnSelectionAndKeyValueMetadata() throws {
    let batch = try SampleBatches.allTypes(count: 50)
    let options = ParquetWriterOptions(
      createdBy: "Sluice version 0.1.0", keyValueMetadata: [("a", "1"), ("b", "")])
    let (reader, _, _) = try roundTrip([batch], options: options)
    XCTAssertEqual(reader.createdBy, "Sluice version 0.1.0")
    XCTAssertEqual(reader.keyValueMetadata.map { "\($0.0)=\($0.1)" }, ["a=1", "b="])
    let selected = try reader.read(columns: ["tags", "id"])
    XCTAssertEqual(selected.schema.names, ["tags", "id"])
    assertRowsEqual(selected.rows.map(\.values), batch.rows.map { [$0.values[8], $0.values[0]] })
  }

  func testReadFromPath() throws {
    let batch = try SampleBatches.allTypes(count: 20)
    let (_, _, bytes) = try roundTrip([batch])
    let path = try TemporaryDirectory(for: self).write(bytes, to: "x.parquet")
    let reader = try ParquetReader(path: path)
    assertRowsEqual(try reader.read().rows.map(\.values), batch.rows.map(\.values))
  }
}
