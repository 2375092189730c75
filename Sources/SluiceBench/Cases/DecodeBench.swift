import SluiceCore
import SluiceEmulator
import SluiceJSON

/// `decode-pin|geo|user`: ``JSONRecordDecoder`` on one thread over pre-built raw batches.
/// MB/s counts the input JSON (record value bytes).
enum DecodeBench {
  static func run(_ item: BenchCase, kind: EventKind, fixture: BenchFixture) throws -> CaseResult {
    let batches = fixture.rawBatches(kind)
    let decoder = JSONRecordDecoder(schema: BenchFixture.rawSchema(kind))
    let inputBytes = batches.reduce(0) { $0 + $1.valueByteCount }
    let samples = try Repetitions.measure(item.rawValue, count: fixture.options.repeats) { _ in
      var results: [DecodedRecords] = []
      results.reserveCapacity(batches.count)
      let (_, elapsed) = Stopwatch.time {
        for records in batches { results.append(decoder.decode(records)) }
      }
      var rows = 0
      for result in results {
        try BenchFixture.requireNoRejections(result, kind: kind)
        rows += result.batch.count
      }
      return RunSample(elapsed: elapsed, records: rows, bytes: inputBytes)
    }
    var result = CaseResult(item, unit: "records", bytesMeaning: "JSON in", samples: samples)
    result.extras = [
      (
        "averageRecordBytes",
        .double(Format.rounded(Double(inputBytes) / Double(max(1, result.records)), places: 1))
      )
    ]
    return result
  }
}
