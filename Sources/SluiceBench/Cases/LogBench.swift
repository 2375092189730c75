import SluiceCore
import SluiceEmulator
import SluiceLog

/// `log-append`, `log-append-fsync`, `log-read`: the embedded log with the pin records of the
/// fixture, in a fresh temporary log root (one topic, 3 partitions, records round-robin).
/// MB/s counts record value bytes (the payload), not the framing on disk.
enum LogBench {
  static let topic = "pinterest.pin"
  static let partitions = 3

  /// Appends every pin record through one ``TopicWriter`` and closes it (the final flush, and
  /// for `interval` the closing fsync, are inside the timed region).
  static func append(_ item: BenchCase, fsync: FsyncPolicy, fixture: BenchFixture) throws -> CaseResult {
    let batches = fixture.rawBatches(.pin)
    var diskBytes = 0
    let samples = try Repetitions.measure(item.rawValue, count: fixture.options.repeats) { _ in
      let scratch = try ScratchDirectory("log-append")
      defer { scratch.remove() }
      let store = try LogStore(root: scratch.child("log"), configuration: LogConfiguration(fsync: fsync))
      try store.createTopic(topic, partitions: partitions)
      let writer = try store.openWriter(topic: topic)
      let (sample, elapsed) = try Stopwatch.time { () throws -> RunSample in
        let sample = try appendAll(batches, to: writer)
        try writer.close()
        return sample
      }
      diskBytes = scratch.sizeOnDisk()
      return RunSample(elapsed: elapsed, records: sample.records, bytes: sample.bytes)
    }
    var result = CaseResult(item, unit: "records", bytesMeaning: "payload", samples: samples)
    result.extras = [("partitions", .int(Int64(partitions))), ("bytesOnDisk", .int(Int64(diskBytes)))]
    return result
  }

  /// Reads the whole topic back, partition by partition, `--batch` records per read, from a
  /// log written once before the runs (so the files are in the page cache: this measures the
  /// log's framing, CRC and copy work, not the disk).
  static func read(fixture: BenchFixture) throws -> CaseResult {
    let item = BenchCase.logRead
    let scratch = try ScratchDirectory("log-read")
    defer { scratch.remove() }
    let store = try LogStore(root: scratch.child("log"))
    try store.createTopic(topic, partitions: partitions)
    let writer = try store.openWriter(topic: topic)
    let written = try appendAll(fixture.rawBatches(.pin), to: writer)
    try writer.close()
    let ends = try store.describe(topic: topic).partitions.map(\.latestOffset)
    let batchSize = fixture.options.batchSize
    let samples = try Repetitions.measure(item.rawValue, count: fixture.options.repeats) { _ in
      let (sample, elapsed) = try Stopwatch.time { () throws -> RunSample in
        var records = 0
        var bytes = 0
        for partition in 0..<partitions {
          var next: Int64 = 0
          while next < ends[partition] {
            let chunk = try store.read(
              topic: topic, partition: Int32(partition), from: next, maxRecords: batchSize)
            guard !chunk.isEmpty else {
              throw BenchError(
                .caseFailed, "log-read: partition \(partition) ended at \(next), before \(ends[partition])")
            }
            next += Int64(chunk.count)
            records += chunk.count
            bytes += chunk.valueByteCount
          }
        }
        return RunSample(seconds: 0, records: records, bytes: bytes)
      }
      guard sample.records == written.records, sample.bytes == written.bytes else {
        throw BenchError(
          .caseFailed,
          "log-read: read \(sample.records) records / \(sample.bytes) bytes, wrote \(written.records) / \(written.bytes)"
        )
      }
      return RunSample(elapsed: elapsed, records: sample.records, bytes: sample.bytes)
    }
    var result = CaseResult(item, unit: "records", bytesMeaning: "payload", samples: samples)
    result.extras = [("partitions", .int(Int64(partitions))), ("recordsPerRead", .int(Int64(batchSize)))]
    return result
  }

  /// Appends every record of `batches` (round-robin over the partitions, no key, the record's
  /// own timestamp). Does not flush.
  static func appendAll(_ batches: [RawRecords], to writer: TopicWriter) throws -> RunSample {
    var records = 0
    var bytes = 0
    for batch in batches {
      try batch.values.withUnsafeBytes { values in
        for i in 0..<batch.count {
          let range = batch.valueRange(i)
          try writer.append(
            value: UnsafeRawBufferPointer(rebasing: values[range]), key: nil, timestampMs: batch.timestamps[i]
          )
        }
      }
      records += batch.count
      bytes += batch.valueByteCount
    }
    return RunSample(seconds: 0, records: records, bytes: bytes)
  }
}
