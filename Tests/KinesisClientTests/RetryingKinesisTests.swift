import KinesisClient
import XCTest

final class RetryingKinesisTests: XCTestCase {
  let stream = StreamAddress.name("s")

  func testThrottlingIsRetriedWithGrowingJitteredBackoff() async throws {
    let clock = ManualKinesisClock()
    let fake = InMemoryKinesis(clock: clock)
    try await fake.createStream(name: "s", shardCount: 1)
    let throttled = KinesisError(
      .throughputExceeded, "Rate exceeded", awsType: "ProvisionedThroughputExceededException")
    await fake.injectFailure("ListShards", throttled, count: 4)
    let client = RetryingKinesis(
      fake, policy: RetryPolicy(maxAttempts: 6, baseDelayMs: 100, maxDelayMs: 5000, minDelayMs: 0),
      clock: clock, seed: 7)
    let shards = try await client.listAllShards(stream)
    XCTAssertEqual(shards.count, 1)
    XCTAssertEqual(client.retries, 4)
    let sleeps = clock.sleeps
    XCTAssertEqual(sleeps.count, 4)
    for (attempt, delay) in sleeps.enumerated() {
      XCTAssertLessThanOrEqual(delay, 100 << attempt, "attempt \(attempt)")
      XCTAssertGreaterThanOrEqual(delay, 0)
    }
    XCTAssertGreaterThan(Set(sleeps).count, 1, "jitter varies the delays")
  }

  func testServiceFailuresAreRetriedForReadsButNotForPuts() async throws {
    let clock = ManualKinesisClock()
    let fake = InMemoryKinesis(clock: clock)
    try await fake.createStream(name: "s", shardCount: 1)
    let failure = KinesisError(
      .serviceUnavailable, "InternalFailure", awsType: "InternalFailure", httpStatus: 500)
    let client = RetryingKinesis(fake, clock: clock, seed: 1)
    await fake.injectFailure("GetShardIterator", failure, count: 2)
    _ = try await client.getShardIterator(stream, shardID: "shardId-000000000000", position: .latest)
    await fake.injectFailure("PutRecord", failure)
    do {
      _ = try await client.putRecord(stream, entry: PutRecordsEntry(data: [1], partitionKey: "k"))
      XCTFail("a put must not be retried after a 5xx")
    } catch let error as KinesisError {
      XCTAssertEqual(error.code, .serviceUnavailable)
    }
    let puts = await fake.calls["PutRecord"]
    XCTAssertEqual(puts, 1)
  }

  func testGivesUpAfterMaxAttemptsAndKeepsTheCode() async throws {
    let clock = ManualKinesisClock()
    let fake = InMemoryKinesis(clock: clock)
    try await fake.createStream(name: "s", shardCount: 1)
    await fake.injectFailure(
      "DescribeStreamSummary", KinesisError(.limitExceeded, "slow down", awsType: "LimitExceededException"),
      count: 10)
    let client = RetryingKinesis(fake, policy: RetryPolicy(maxAttempts: 3), clock: clock, seed: 3)
    do {
      _ = try await client.describeStreamSummary(stream)
      XCTFail("expected to give up")
    } catch let error as KinesisError {
      XCTAssertEqual(error.code, .limitExceeded)
      XCTAssertTrue(error.message.contains("gave up after 3 attempts"), error.message)
    }
  }

  func testNonRetryableErrorsPassThroughAtOnce() async throws {
    let clock = ManualKinesisClock()
    let client = RetryingKinesis(InMemoryKinesis(clock: clock), clock: clock)
    do {
      _ = try await client.listShards(.name("missing"), nextToken: nil)
      XCTFail("expected ResourceNotFound")
    } catch let error as KinesisError {
      XCTAssertEqual(error.code, .resourceNotFound)
    }
    XCTAssertEqual(clock.sleeps, [])
  }
}
