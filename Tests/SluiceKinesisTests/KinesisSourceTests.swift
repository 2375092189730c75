import KinesisClient
import SluiceCore
import SluiceKinesis
import XCTest

final class KinesisSourceTests: XCTestCase {
  func testReadsEveryRecordOnceAndStopsWhenNothingIsNew() async throws {
    for style in [SequenceNumberStyle.aws, .short] {
      let stream = try await KinesisTestStream(shards: 2, style: style)
      try await stream.put(Array(0..<50))
      let source = try stream.source()
      let start = try await source.initialOffset()
      let (batches, end) = try await stream.drain(source, from: start)
      XCTAssertEqual(batches.count, 1, "\(style)")
      XCTAssertEqual(batches.flatMap(\.values).sorted(), Array(0..<50), "\(style)")
      // Nothing new: planning answers its start.
      let again = try await source.latestOffset(after: end, limit: .unlimited)
      XCTAssertEqual(again, end)
      // Records carry Kinesis metadata.
      let records = batches[0].records
      XCTAssertEqual(records.positionStyle, .streamShardSequence)
      XCTAssertEqual(records.sequenceNumbers.count, records.count)
      XCTAssertEqual(Set(records.partitions), [0, 1])
      XCTAssertEqual(records.topics, ["events"])
      XCTAssertEqual(
        records.key(0).map { String(decoding: $0, as: UTF8.self) }, "key-\(batches[0].values[0])")
      XCTAssertEqual(records.timestamps[0], 1_700_000_000_000, "arrival time of the fake's clock")
      XCTAssertTrue(
        records.positionDescription(0).hasPrefix("stream events shard shardId-00000000000"),
        records.positionDescription(0))
      if style == .short {
        XCTAssertEqual(records.offsets[0], Int64(records.sequenceNumbers[0]))
      } else {
        XCTAssertEqual(records.sequenceNumbers[0].count, 56)
        XCTAssertEqual(records.offsets[0], -1)
      }
      // More records: the next batch has exactly those.
      try await stream.put(Array(50..<60))
      let (more, _) = try await stream.drain(source, from: end)
      XCTAssertEqual(more.flatMap(\.values).sorted(), Array(50..<60), "\(style)")
    }
  }

  func testLimitsSplitBatchesPerShardAndOverall() async throws {
    let stream = try await KinesisTestStream(shards: 2, style: .short)
    try await stream.put(Array(0..<100))
    let perShard = try stream.source(perShard: 7)
    let (small, _) = try await stream.drain(perShard, from: try await perShard.initialOffset())
    XCTAssertTrue(small.allSatisfy { $0.records.count <= 14 })
    XCTAssertEqual(small.flatMap(\.values).sorted(), Array(0..<100))

    let overall = try stream.source()
    let (capped, _) = try await stream.drain(
      overall, from: try await overall.initialOffset(), limit: ReadLimit(maxRecords: 9))
    XCTAssertTrue(capped.allSatisfy { $0.records.count <= 9 }, "\(capped.map(\.records.count))")
    XCTAssertEqual(capped.flatMap(\.values).sorted(), Array(0..<100))
  }

  /// Short ("9" < "10") and 56-digit sequence numbers must compare as numbers when a recorded range
  /// is read again.
  func testReplayOfARecordedRangeIsExactWithShortAndLongSequenceNumbers() async throws {
    for style in [SequenceNumberStyle.short, .aws] {
      let stream = try await KinesisTestStream(shards: 1, style: style)
      try await stream.put(Array(0..<25))
      let source = try stream.source(perShard: 9)
      let (batches, _) = try await stream.drain(source, from: try await source.initialOffset())
      XCTAssertEqual(batches.map(\.records.count), [9, 9, 7], "\(style)")
      try await stream.put(Array(100..<120))
      // A new process (no cache) reads each recorded range again: identical records, every time.
      for batch in batches {
        let fresh = try stream.source(perShard: 9)
        let replay = try await fresh.read(from: batch.start, to: batch.end)
        XCTAssertEqual(replay.valueStrings, batch.records.valueStrings, "\(style)")
        XCTAssertEqual(replay.sequenceNumbers, batch.records.sequenceNumbers, "\(style)")
        XCTAssertEqual(replay.timestamps, batch.records.timestamps)
        let twice = try await fresh.read(from: batch.start, to: batch.end)
        XCTAssertEqual(twice.sequenceNumbers, batch.records.sequenceNumbers)
      }
      if style == .short {
        let end = try KinesisOffset(batches[1].end)
        XCTAssertEqual(end.shards["shardId-000000000000"]?.position, .after("18"))
      }
    }
  }

  func testLatestIsPinnedToTheFirstRecordSoReplaysMatch() async throws {
    let stream = try await KinesisTestStream(shards: 1)
    try await stream.put(Array(0..<5))
    let source = try stream.source(.latest)
    let start = try await source.initialOffset()
    let unchanged = try await source.latestOffset(after: start, limit: .unlimited)
    XCTAssertEqual(unchanged, start)
    try await stream.put(Array(10..<15))
    let pinned = try await source.latestOffset(after: start, limit: .unlimited)
    let pinnedOffset = try KinesisOffset(pinned)
    guard case .at = pinnedOffset.shards["shardId-000000000000"]?.position else {
      return XCTFail("LATEST should be pinned to the first new record: \(pinned)")
    }
    let counted1 = try await source.read(from: start, to: pinned).count
    XCTAssertEqual(counted1, 0)
    try await stream.put(Array(20..<22))
    let (batches, _) = try await stream.drain(source, from: pinned)
    XCTAssertEqual(batches.flatMap(\.values), Array(10..<15) + [20, 21])
    let replay = try await stream.source(.latest).read(from: batches[0].start, to: batches[0].end)
    XCTAssertEqual(replay.valueStrings, batches[0].records.valueStrings)
  }

  func testAtTimestampStartsAtTheFirstRecordArrivedThen() async throws {
    let stream = try await KinesisTestStream(shards: 2)
    try await stream.put(Array(0..<10))
    stream.clock.advance(milliseconds: 60_000)
    let cut = stream.clock.nowMs()
    try await stream.put(Array(10..<20))
    let source = try stream.source(.atTimestamp(cut))
    let (batches, _) = try await stream.drain(source, from: try await source.initialOffset())
    XCTAssertEqual(batches.flatMap(\.values).sorted(), Array(10..<20))
  }

  func testAnOffsetOfAnotherStreamIsRefused() async throws {
    let stream = try await KinesisTestStream(shards: 1)
    let source = try stream.source()
    let other = KinesisOffset(stream: "other", shards: [:]).serialized
    do {
      _ = try await source.latestOffset(after: other, limit: .unlimited)
      XCTFail("expected a stream mismatch")
    } catch let error as KinesisSourceError {
      XCTAssertEqual(error.code, .streamMismatch)
      XCTAssertTrue(error.message.contains("other"))
    }
  }

  func testLagIsMillisBehindLatest() async throws {
    let stream = try await KinesisTestStream(shards: 1)
    try await stream.put(Array(0..<30))
    stream.clock.advance(milliseconds: 5_000)
    let source = try stream.source(perShard: 10)
    let start = try await source.initialOffset()
    let end = try await source.latestOffset(after: start, limit: .unlimited)
    let lag = try await source.lag(after: end)
    XCTAssertNotNil(lag)
    XCTAssertGreaterThanOrEqual(lag ?? 0, 5_000)
    let (_, last) = try await stream.drain(source, from: end)
    let caughtUp = try await source.lag(after: last)
    XCTAssertEqual(caughtUp, 0)
  }
}
