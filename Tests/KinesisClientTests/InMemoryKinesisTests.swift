import KinesisClient
import XCTest

final class InMemoryKinesisTests: XCTestCase {
  let stream = StreamAddress.name("s")

  private func put(_ fake: InMemoryKinesis, _ keys: [String]) async throws -> [PutRecordResult] {
    try await fake.putRecords(
      stream, entries: keys.map { PutRecordsEntry(data: Array($0.utf8), partitionKey: $0) })
  }

  func testRoutingByMD5AndIteratorTypes() async throws {
    let clock = ManualKinesisClock()
    let fake = InMemoryKinesis(clock: clock)
    try await fake.createStream(name: "s", shardCount: 2)
    let results = try await put(fake, (0..<40).map { "key-\($0)" })
    XCTAssertEqual(Set(results.compactMap(\.shardID)), ["shardId-000000000000", "shardId-000000000001"])
    XCTAssertTrue(results.allSatisfy { $0.sequenceNumber?.count == 56 })
    // The same key always lands on the same shard.
    let again = try await fake.putRecord(stream, entry: PutRecordsEntry(data: [1], partitionKey: "key-0"))
    XCTAssertEqual(again.shardID, results[0].shardID)

    let shard = results[0].shardID!
    let all = await fake.records("s", shardID: shard)
    let horizon = try await fake.getShardIterator(stream, shardID: shard, position: .trimHorizon)
    let first = try await fake.getRecords(stream, iterator: horizon, limit: 3)
    XCTAssertEqual(first.records.sequenceNumbers, all.prefix(3).map(\.sequenceNumber))
    XCTAssertGreaterThanOrEqual(first.millisBehindLatest ?? -1, 0)
    let after = try await fake.getShardIterator(
      stream, shardID: shard, position: .afterSequenceNumber(all[1].sequenceNumber))
    let afterRecords = try await fake.getRecords(stream, iterator: after, limit: 1)
    XCTAssertEqual(afterRecords.records.sequenceNumbers, [all[2].sequenceNumber])
    let at = try await fake.getShardIterator(
      stream, shardID: shard, position: .atSequenceNumber(all[1].sequenceNumber))
    let atRecords = try await fake.getRecords(stream, iterator: at, limit: 1)
    XCTAssertEqual(atRecords.records.sequenceNumbers, [all[1].sequenceNumber])
    let latest = try await fake.getShardIterator(stream, shardID: shard, position: .latest)
    let latestRecords = try await fake.getRecords(stream, iterator: latest, limit: 10)
    XCTAssertTrue(latestRecords.records.isEmpty)
    XCTAssertEqual(latestRecords.millisBehindLatest, 0)
    XCTAssertNotNil(latestRecords.nextShardIterator)

    clock.advance(milliseconds: 10_000)
    let late = try await fake.putRecord(stream, entry: PutRecordsEntry(data: [9], partitionKey: "late"))
    let timestamp = try await fake.getShardIterator(
      stream, shardID: late.shardID!, position: .atTimestamp(milliseconds: clock.nowMs() - 1))
    let timestampRecords = try await fake.getRecords(stream, iterator: timestamp, limit: 10)
    XCTAssertEqual(timestampRecords.records.sequenceNumbers, [late.sequenceNumber!])
  }

  func testShortSequenceNumbersLikeMoto() async throws {
    let fake = InMemoryKinesis(clock: ManualKinesisClock(), style: .short)
    try await fake.createStream(name: "s", shardCount: 1)
    let results = try await put(fake, ["a", "b", "c"])
    XCTAssertEqual(results.map(\.sequenceNumber), ["1", "2", "3"])
  }

  func testSplitAndMergeKeepLineageAndEndParentsWithChildShards() async throws {
    let fake = InMemoryKinesis(clock: ManualKinesisClock())
    try await fake.createStream(name: "s", shardCount: 2)
    _ = try await put(fake, (0..<10).map { "k\($0)" })
    let children = try await fake.splitShard(stream, shardID: "shardId-000000000000")
    XCTAssertEqual(children, ["shardId-000000000002", "shardId-000000000003"])
    let merged = try await fake.mergeShards(
      stream, shardID: "shardId-000000000003", adjacentShardID: "shardId-000000000001")
    XCTAssertEqual(merged, "shardId-000000000004")

    await fake.setListShardsPageSize(2)
    let shards = try await fake.listAllShards(stream)
    XCTAssertEqual(shards.map(\.shardID), (0...4).map { "shardId-00000000000\($0)" })
    XCTAssertEqual(
      shards.filter(\.isClosed).map(\.shardID),
      ["shardId-000000000000", "shardId-000000000001", "shardId-000000000003"])
    XCTAssertEqual(shards[2].parentShardID, "shardId-000000000000")
    XCTAssertEqual(shards[4].parentShardID, "shardId-000000000003")
    XCTAssertEqual(shards[4].adjacentParentShardID, "shardId-000000000001")
    let listCalls = await fake.calls["ListShards"]
    XCTAssertEqual(listCalls, 3)

    // Reading a closed parent to its end: no NextShardIterator, ChildShards listed.
    let parentRecords = await fake.records("s", shardID: "shardId-000000000000")
    let iterator = try await fake.getShardIterator(
      stream, shardID: "shardId-000000000000", position: .trimHorizon)
    let end = try await fake.getRecords(stream, iterator: iterator, limit: 10_000)
    XCTAssertEqual(end.records.count, parentRecords.count)
    XCTAssertNil(end.nextShardIterator)
    XCTAssertEqual(end.childShards.map(\.shardID), ["shardId-000000000002", "shardId-000000000003"])
    // New records go to open children only.
    let after = try await put(fake, (0..<20).map { "n\($0)" })
    XCTAssertTrue(
      Set(after.compactMap(\.shardID)).isSubset(of: ["shardId-000000000002", "shardId-000000000004"]))
  }

  func testIteratorsExpireAfterFiveMinutesAndReadsAreThrottled() async throws {
    let clock = ManualKinesisClock()
    let fake = InMemoryKinesis(clock: clock)
    try await fake.createStream(name: "s", shardCount: 1)
    let iterator = try await fake.getShardIterator(
      stream, shardID: "shardId-000000000000", position: .trimHorizon)
    clock.advance(milliseconds: 300_001)
    do {
      _ = try await fake.getRecords(stream, iterator: iterator, limit: 1)
      XCTFail("expected ExpiredIteratorException")
    } catch let error as KinesisError {
      XCTAssertEqual(error.code, .expiredIterator)
      XCTAssertEqual(error.awsType, "ExpiredIteratorException")
    }
    let fresh = try await fake.getShardIterator(
      stream, shardID: "shardId-000000000000", position: .trimHorizon)
    for _ in 0..<5 { _ = try await fake.getRecords(stream, iterator: fresh, limit: 1) }
    do {
      _ = try await fake.getRecords(stream, iterator: fresh, limit: 1)
      XCTFail("expected throttling")
    } catch let error as KinesisError {
      XCTAssertEqual(error.code, .throughputExceeded)
    }
    clock.advance(milliseconds: 1000)
    _ = try await fake.getRecords(stream, iterator: fresh, limit: 1)
  }

  func testUnknownStreamIsResourceNotFound() async {
    let fake = InMemoryKinesis(clock: ManualKinesisClock())
    do {
      _ = try await fake.listShards(.name("nope"), nextToken: nil)
      XCTFail("expected an error")
    } catch let error as KinesisError {
      XCTAssertEqual(error.code, .resourceNotFound)
    } catch {
      XCTFail("\(error)")
    }
  }
}
