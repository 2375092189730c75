import KinesisClient
import Logging
import SluiceCore
import SluiceKinesis
import XCTest

/// A fake stream, its virtual clock and helpers to drive a ``KinesisSource`` batch by batch the
/// way the runner does (plan, read, continue from the end).
struct KinesisTestStream {
  let clock = ManualKinesisClock()
  let fake: InMemoryKinesis
  let name = "events"
  var address: StreamAddress { .name(name) }

  init(shards: Int, style: SequenceNumberStyle = .aws) async throws {
    fake = InMemoryKinesis(clock: clock, style: style)
    try await fake.createStream(name: name, shardCount: shards)
  }

  func source(
    _ starting: KinesisSourceOptions.StartingPosition = .trimHorizon, perShard: Int = 10_000,
    retrying: Bool = true
  ) throws -> KinesisSource {
    let api: any KinesisAPI = retrying ? RetryingKinesis(fake, clock: clock, seed: 42) : fake
    return try KinesisSource(
      api: api,
      options: KinesisSourceOptions(
        stream: address, startingPosition: starting, maxRecordsPerShardPerTrigger: perShard),
      clock: clock, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
  }

  /// Puts records `values` (data = the value's text); partition key = `key(value)`.
  @discardableResult
  func put(_ values: [Int], key: (Int) -> String = { "key-\($0)" }) async throws -> [PutRecordResult] {
    try await fake.putRecords(
      address, entries: values.map { PutRecordsEntry(data: Array(String($0).utf8), partitionKey: key($0)) })
  }

  struct Batch {
    var start: SerializedOffset
    var end: SerializedOffset
    var records: RawRecords
    var values: [Int] { (0..<records.count).map { Int(String(decoding: records.value($0), as: UTF8.self))! } }
  }

  /// Plans and reads batches until planning returns its start (nothing new) or `maxBatches`.
  func drain(
    _ source: KinesisSource, from start: SerializedOffset, limit: ReadLimit = .unlimited,
    maxBatches: Int = 100
  ) async throws -> (batches: [Batch], end: SerializedOffset) {
    var batches: [Batch] = []
    var current = start
    for _ in 0..<maxBatches {
      let end = try await source.latestOffset(after: current, limit: limit)
      if end == current { break }
      let records = try await source.read(from: current, to: end)
      batches.append(Batch(start: current, end: end, records: records))
      current = end
    }
    return (batches, current)
  }
}

extension RawRecords {
  var valueStrings: [String] { (0..<count).map { String(decoding: value($0), as: UTF8.self) } }
}
