import SluiceCore
import XCTest

@testable import Parquet

/// Encoding columns on several threads writes the same file, byte for byte, as one thread.
final class ParallelEncodingTests: XCTestCase {
  func file(_ batches: [RecordBatch], lanes: Int, options: ParquetWriterOptions) throws -> [UInt8] {
    let writer = try ParquetWriter(schema: batches[0].schema, options: options, lanes: lanes)
    for batch in batches { try writer.write(batch) }
    return try writer.finish().bytes
  }

  func testPinLikeBatchesAreTheSameFileOnOneAndSeveralLanes() throws {
    // 20,000 rows of about 400 bytes: well above the parallel threshold; small pages and row
    // groups so that pages are cut and row groups flushed while columns run in parallel.
    let batches = [
      SampleBatches.pinLike(count: 12_000, seed: 1), SampleBatches.pinLike(count: 8_000, seed: 2),
    ]
    let options = ParquetWriterOptions(rowGroupBytes: 3 << 20, pageBytes: 256 << 10)
    let one = try file(batches, lanes: 1, options: options)
    for lanes in [2, 3] {
      XCTAssertEqual(try file(batches, lanes: lanes, options: options), one, "\(lanes) lanes")
    }
    let reader = try ParquetReader(bytes: one)
    XCTAssertEqual(reader.numRows, 20_000)
    XCTAssertGreaterThan(reader.rowGroupCount, 1)
  }

  func testEveryTypeIsTheSameFileOnOneAndTwoLanes() throws {
    let batch = try SampleBatches.allTypes(count: 30_000)
    let options = ParquetWriterOptions(compression: .zstd(level: 1))
    let one = try file([batch], lanes: 1, options: options)
    XCTAssertEqual(try file([batch], lanes: 2, options: options), one)
    assertRowsEqual(
      try ParquetReader(bytes: one).read().rows.prefix(50).map(\.values),
      SampleBatches.allTypesRows(count: 50))
  }
}
