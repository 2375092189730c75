import SluiceCore
import SluiceJSON
import SluiceTransforms

/// `encode-jsonl`: ``JSONRowEncoder`` on cleaned pin batches into one reused buffer per batch
/// (as the JSON-lines sink does). MB/s counts the JSON written.
enum EncodeBench {
  static func run(fixture: BenchFixture) throws -> CaseResult {
    let batches = try fixture.cleanedPinBatches()
    let encoder = JSONRowEncoder(schema: PinterestSchemas.cleanPin)
    let item = BenchCase.encodeJSONL
    let samples = try Repetitions.measure(item.rawValue, count: fixture.options.repeats) { _ in
      var buffer: [UInt8] = []
      let (bytes, elapsed) = Stopwatch.time { () -> Int in
        var bytes = 0
        for batch in batches {
          buffer.removeAll(keepingCapacity: true)
          encoder.encode(batch, into: &buffer)
          bytes += buffer.count
        }
        return bytes
      }
      return RunSample(elapsed: elapsed, records: batches.reduce(0) { $0 + $1.count }, bytes: bytes)
    }
    return CaseResult(item, unit: "rows", bytesMeaning: "JSON out", samples: samples)
  }
}
