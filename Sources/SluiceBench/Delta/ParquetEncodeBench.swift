import DeltaLake
import Parquet
import SluiceCore
import SluiceParallel
import SluiceTransforms

/// `parquet-encode`: ``Parquet/ParquetWriter`` on cleaned pin batches (decoded and cleaned
/// outside the timed region), one file per batch as the Delta sink writes one per 100k-record
/// micro-batch, columns on all cores as in the sink (`SLUICE_THREADS=1` for one). One row per
/// ZSTD level (``levels``; the first is the Delta sink's). MB/s counts the Parquet file bytes
/// produced (footer included); rows/s the rows encoded.
enum ParquetEncodeBench {
  /// The levels measured: the Delta sink's default first, then the trade-offs around it.
  static let levels: [Int32] = [ParquetDataFileFormat.defaultZstdLevel, 3, 1].uniqued()

  static func run(fixture: BenchFixture) throws -> [CaseResult] {
    let batches = try fixture.cleanedPinBatches()
    return try levels.enumerated().map { index, level in
      try run(
        batches, level: level,
        name: index == 0 ? BenchCase.parquetEncode.rawValue : "parquet-encode-zstd\(level)",
        repeats: fixture.options.repeats)
    }
  }

  static func run(_ batches: [RecordBatch], level: Int32, name: String, repeats: Int) throws -> CaseResult {
    var options = ParquetDataFileFormat.defaultOptions
    options.compression = .zstd(level: level)
    options.createdBy = "sluice-bench"
    var plainBytes = 0
    var rowGroups = 0
    let samples = try Repetitions.measure(name, count: repeats) { _ in
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
    var result = CaseResult(
      name: name, aim: name == BenchCase.parquetEncode.rawValue ? BenchCase.parquetEncode.aim : nil,
      unit: "rows",
      bytesMeaning: "Parquet out", samples: samples)
    let ratio = Double(plainBytes) / Double(max(1, result.bytes))
    result.extras = [
      ("codec", .string("ZSTD(\(level))")),
      ("threads", .int(Int64(ParallelLoop.defaultLanes))),
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
      "\(name) (ZSTD \(level), \(ParallelLoop.defaultLanes) thread(s)): \(batches.count) file(s) of \(Format.count(batches.first?.count ?? 0)) rows, "
        + "\(Format.megabytes(Double(result.bytes))) MB of Parquet from \(Format.megabytes(Double(plainBytes))) MB "
        + "of PLAIN-equivalent column data (ratio \(String(format: "%.2f", ratio))); "
        + "\(Format.megabytes(Double(plainBytes) / result.seconds)) MB/s of column data in"
    ]
    return result
  }
}

extension Array where Element: Hashable {
  /// The elements in order, without repeats.
  func uniqued() -> [Element] {
    var seen = Set<Element>()
    return filter { seen.insert($0).inserted }
  }
}
