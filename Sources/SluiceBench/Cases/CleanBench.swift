import SluiceCore
import SluiceEmulator

/// `clean-pin|geo|user`: the kind's cleaner on pre-decoded batches (`--batch` rows each).
/// No bytes: rows/s only.
enum CleanBench {
  static func run(_ item: BenchCase, kind: EventKind, fixture: BenchFixture) throws -> CaseResult {
    let batches = try fixture.decodedBatches(kind)
    let cleaner = BenchFixture.cleaner(kind)
    let samples = try Repetitions.measure(item.rawValue, count: fixture.options.repeats) { _ in
      var outputs: [RecordBatch] = []
      outputs.reserveCapacity(batches.count)
      let (_, elapsed) = try Stopwatch.time {
        for batch in batches { outputs.append(try cleaner.apply(batch)) }
      }
      let rows = outputs.reduce(0) { $0 + $1.count }
      return RunSample(elapsed: elapsed, records: rows, bytes: 0)
    }
    return CaseResult(item, unit: "rows", bytesMeaning: "", samples: samples)
  }
}
