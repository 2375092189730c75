import KinesisClient
import SluiceCore
import SluiceKinesis
import XCTest

/// Iterator expiry, throttling and pacing with the in-memory fake and a virtual clock.
final class KinesisFaultTests: XCTestCase {
  func testAnExpiredIteratorIsRecreatedAfterTheLastRecordRead() async throws {
    let stream = try await KinesisTestStream(shards: 1)
    try await stream.put(Array(0..<30))
    let source = try stream.source(perShard: 10)
    let start = try await source.initialOffset()
    let first = try await source.latestOffset(after: start, limit: .unlimited)
    let counted1 = try await source.read(from: start, to: first).count
    XCTAssertEqual(counted1, 10)
    // The iterator kept from planning is now older than 5 minutes; planning must not lose or repeat.
    stream.clock.advance(milliseconds: 301_000)
    await stream.fake.injectFailure(
      "GetRecords", KinesisError(.expiredIterator, "Iterator expired", awsType: "ExpiredIteratorException"))
    let (rest, _) = try await stream.drain(source, from: first)
    XCTAssertEqual(rest.flatMap(\.values), Array(10..<30))
    let iterators = await stream.fake.calls["GetShardIterator"] ?? 0
    XCTAssertGreaterThanOrEqual(iterators, 2, "a new iterator was requested after the expiry")
  }

  func testExpiryInTheMiddleOfAReplay() async throws {
    let stream = try await KinesisTestStream(shards: 1)
    try await stream.put(Array(0..<20))
    let source = try stream.source(perShard: 20)
    let start = try await source.initialOffset()
    let end = try await source.latestOffset(after: start, limit: .unlimited)
    let fresh = try stream.source()
    await stream.fake.injectFailure(
      "GetRecords", KinesisError(.expiredIterator, "Iterator expired", awsType: "ExpiredIteratorException"))
    let replay = try await fresh.read(from: start, to: end)
    XCTAssertEqual(replay.valueStrings, (0..<20).map(String.init))
  }

  func testThrottlingIsRetriedWithBackoffAndPacingKeepsFiveCallsPerSecond() async throws {
    let stream = try await KinesisTestStream(shards: 2)
    try await stream.put(Array(0..<40))
    await stream.fake.injectFailure(
      "GetRecords",
      KinesisError(.throughputExceeded, "Rate exceeded", awsType: "ProvisionedThroughputExceededException"),
      count: 3)
    // Small GetRecords pages force many calls per shard; the fake rejects a 6th call within a second.
    let source = try stream.source(perShard: 3)
    let (batches, _) = try await stream.drain(source, from: try await source.initialOffset())
    XCTAssertEqual(batches.flatMap(\.values).sorted(), Array(0..<40))
    XCTAssertTrue(
      stream.clock.sleeps.contains { $0 >= 150 }, "pacing waited between calls: \(stream.clock.sleeps)")
    let calls = await stream.fake.calls["GetRecords"] ?? 0
    XCTAssertGreaterThan(calls, 14)
  }

  func testWithoutPacingTheFakeThrottlesAndTheSourceStillFinishes() async throws {
    let stream = try await KinesisTestStream(shards: 1)
    await stream.fake.setGetRecordsPerSecondPerShard(2)
    try await stream.put(Array(0..<12))
    let source = try stream.source(perShard: 2)
    let (batches, _) = try await stream.drain(source, from: try await source.initialOffset())
    XCTAssertEqual(batches.flatMap(\.values), Array(0..<12))
  }

  func testAServiceFailureThatOutlastsRetriesFailsThePlanWithoutMovingTheOffset() async throws {
    let stream = try await KinesisTestStream(shards: 1)
    try await stream.put([1])
    await stream.fake.injectFailure(
      "GetRecords",
      KinesisError(.serviceUnavailable, "InternalFailure", awsType: "InternalFailure", httpStatus: 500),
      count: 50)
    let source = try stream.source()
    let start = try await source.initialOffset()
    do {
      _ = try await source.latestOffset(after: start, limit: .unlimited)
      XCTFail("expected the failure to surface")
    } catch let error as KinesisError {
      XCTAssertEqual(error.code, .serviceUnavailable)
      XCTAssertTrue(error.message.contains("gave up"), error.message)
    }
  }
}
