import SluiceCore
import SluiceJSON
import SluiceLog
import SluiceTransforms

/// The pin topic of an emulated log as the pin job sees it: records read partition by
/// partition into batches of `batchSize`, decoded with the raw pin schema and cleaned by
/// ``PinCleaner``. Used outside timed regions (to feed ``DeltaWriteBreakdown``).
struct CleanedPinBatches {
  let logPath: String
  let topic: String
  let batchSize: Int

  /// Calls `body` with each cleaned batch, in log order (partition 0 first), until it returns
  /// false.
  func stream(_ body: (RecordBatch) throws -> Bool) throws {
    let store = try SluiceLog.LogStore(root: logPath)
    let decoder = JSONRecordDecoder(schema: PinterestSchemas.rawPin)
    let cleaner = PinCleaner()
    var pending = RawRecords()
    /// False when `body` asked to stop.
    func flush() throws -> Bool {
      guard !pending.isEmpty else { return true }
      let decoded = decoder.decode(pending)
      try BenchFixture.requireNoRejections(decoded, kind: .pin)
      pending = RawRecords()
      return try body(try cleaner.apply(decoded.batch))
    }
    for partition in try store.describe(topic: topic).partitions {
      var next = partition.earliestOffset
      while next < partition.latestOffset {
        let read = try store.read(
          topic: topic, partition: partition.partition, from: next, maxRecords: batchSize - pending.count,
          into: &pending)
        guard read > 0 else { break }
        next += Int64(read)
        if pending.count >= batchSize, try !flush() { return }
      }
    }
    _ = try flush()
  }
}
