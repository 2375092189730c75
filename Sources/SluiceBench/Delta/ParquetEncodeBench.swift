import Parquet
import SluiceCore
import SluiceTransforms

/// `parquet-encode`: ``Parquet/ParquetWriter`` with ZSTD level 3 (the Delta sink's settings) on
/// cleaned pin batches (decoded and cleaned outside the timed region), one file per batch as
/// the sink writes one per 100k-record micro-batch, on one thread. MB/s counts the Parquet file
/// bytes produced (footer included); rows/s the rows encoded.
enum ParquetEncodeBench {
  static func run(fixture: BenchFixture) throws -> CaseResult {
    let item = BenchCase.parquetEncode
    let batches = try fixture.cleanedPinBatches()
    let options = ParquetWriterOptions(compression: .zstd(level: 3), createdBy: "sluice-bench")
    var plainBytes = 0
    var rowGroups = 0
    let samples = try Repetitions.measure(item.rawValue, count: fixture.options.repeats) { _ in
      var files: [[UInt8]] = []
      files.reserveCapacity(batches.count)
      var plain = 0
      var groups = 0
      let (_, elapsed) = try Stopwatch.time { () throws -> Void in
        for batch in batches {
          let writer = try ParquetWriter(schema: batch.schema, options: options)
          try writer.write(batch)
          plain += writer.bufferedBytes
          let (bytes, summary) = try writer.finish()
          groups += summary.rowGroups
          files.append(bytes)
        }
      }
      plainBytes = plain
      rowGroups = groups
      let rows = batches.reduce(0) { $0 + $1.count }
      return RunSample(elapsed: elapsed, records: rows, bytes: files.reduce(0) { $0 + $1.count })
    }
    var result = CaseResult(item, unit: "rows", bytesMeaning: "Parquet out", samples: samples)
    let ratio = Double(plainBytes) / Double(max(1, result.bytes))
    result.extras = [
      ("codec", .string("ZSTD(3)")),
      ("files", .int(Int64(batches.count))),
      ("rowGroups", .int(Int64(rowGroups))),
      ("plainBytes", .int(Int64(plainBytes))),
      ("compressionRatio", .double(Format.rounded(ratio, places: 2))),
      (
        "plainMegabytesPerSecond",
        .double(Format.rounded(Double(plainBytes) / 1e6 / result.seconds, places: 1))
      ),
    ]
    result.notes = [
      "parquet-encode: \(batches.count) file(s) of \(Format.count(batches.first?.count ?? 0)) rows, "
        + "\(Format.megabytes(Double(result.bytes))) MB of Parquet from \(Format.megabytes(Double(plainBytes))) MB "
        + "of PLAIN-equivalent column data (ratio \(String(format: "%.2f", ratio))); "
        + "\(Format.megabytes(Double(plainBytes) / result.seconds)) MB/s of column data in"
    ]
    return result
  }
}
