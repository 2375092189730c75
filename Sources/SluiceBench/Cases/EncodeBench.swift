import SluiceCore
import SluiceJSON
import SluiceTransforms

/// `encode-jsonl`: ``JSONRowEncoder`` on cleaned pin batches, in 1 MiB chunks through one reused
/// ``JSONLineBuffer`` (as the JSON-lines sink does before each write). MB/s counts the JSON
/// written.
enum EncodeBench {
  static let chunkBytes = 1 << 20

  static func run(fixture: BenchFixture) throws -> CaseResult {
    let batches = try fixture.cleanedPinBatches()
    let encoder = JSONRowEncoder(schema: PinterestSchemas.cleanPin)
    let item = BenchCase.encodeJSONL
    let samples = try Repetitions.measure(item.rawValue, count: fixture.options.repeats) { _ in
      var buffer = JSONLineBuffer(capacity: chunkBytes + 64 * 1024)
      let (bytes, elapsed) = Stopwatch.time { () -> Int in
        var bytes = 0
        for batch in batches {
          var row = 0
          while row < batch.count {
            buffer.removeAll()
            row = encoder.encode(batch, from: row, into: &buffer, upTo: chunkBytes)
            bytes += buffer.count
          }
        }
        return bytes
      }
      return RunSample(elapsed: elapsed, records: batches.reduce(0) { $0 + $1.count }, bytes: bytes)
    }
    return CaseResult(item, unit: "rows", bytesMeaning: "JSON out", samples: samples)
  }
}
