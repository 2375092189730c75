import KinesisClient
import SluiceCore
import SluiceKinesis
import XCTest

/// Split and merge with the in-memory fake: every record once, and for each partition key in
/// put order — a child's records only in batches after its parents' last records.
final class KinesisReshardingTests: XCTestCase {
  func testSplitThenMergeKeepsParentBeforeChildOrderAndExactlyOnce() async throws {
    for style in [SequenceNumberStyle.aws, .short] {
      let stream = try await KinesisTestStream(shards: 2, style: style)
      let keys = (0..<8).map { "user-\($0)" }
      var next = 0
      func putRound(_ count: Int) async throws {
        let values = Array(next..<next + count)
        next += count
        try await stream.put(values) { keys[$0 % keys.count] }
      }
      try await putRound(40)
      let source = try stream.source(perShard: 6)
      var (batches, end) = try await stream.drain(
        source, from: try await source.initialOffset(), maxBatches: 2)

      // Split shard 0 while it is half read; then merge one child with shard 1.
      let children = try await stream.fake.splitShard(stream.address, shardID: "shardId-000000000000")
      try await putRound(40)
      let merged = try await stream.fake.mergeShards(
        stream.address, shardID: children[1], adjacentShardID: "shardId-000000000001")
      try await putRound(40)

      let (rest, last) = try await stream.drain(source, from: end)
      batches += rest
      end = last

      let all = batches.flatMap(\.values)
      XCTAssertEqual(all.sorted(), Array(0..<120), "\(style): every record exactly once")

      // Per key, values arrive in put order (parents are finished before children start).
      var lastSeen: [Int: Int] = [:]
      for value in all {
        let key = value % keys.count
        if let previous = lastSeen[key] {
          XCTAssertLessThan(previous, value, "\(style): key \(key) out of order")
        }
        lastSeen[key] = value
      }

      // Batch-level: a shard's first batch comes after the last batch of each of its parents.
      func batchIndices(_ shard: String) -> [Int] {
        let number = Int32(shard.suffix(12))!
        return batches.indices.filter { batches[$0].records.partitions.contains(number) }
      }
      let lineage: [(String, [String])] = [
        (children[0], ["shardId-000000000000"]), (children[1], ["shardId-000000000000"]),
        (merged, [children[1], "shardId-000000000001"]),
      ]
      for (child, parents) in lineage {
        guard let firstChild = batchIndices(child).first else { continue }
        for parent in parents {
          if let lastParent = batchIndices(parent).last {
            XCTAssertLessThan(lastParent, firstChild, "\(style): \(child) read before \(parent) was finished")
          }
        }
      }
      XCTAssertFalse(batchIndices(merged).isEmpty, "\(style): the merged shard was read")

      // The final offset records the lineage: closed parents, children with their parents.
      let offset = try KinesisOffset(end)
      XCTAssertEqual(offset.shards["shardId-000000000000"]?.closed, true)
      XCTAssertEqual(offset.shards["shardId-000000000001"]?.closed, true)
      XCTAssertEqual(offset.shards[children[1]]?.closed, true)
      XCTAssertEqual(offset.shards[merged]?.parents, [children[1], "shardId-000000000001"])
      XCTAssertEqual(offset.shards[children[0]]?.closed, false)

      // Replaying any recorded batch gives the same records.
      for batch in batches {
        let replay = try await stream.source(perShard: 6).read(from: batch.start, to: batch.end)
        XCTAssertEqual(replay.valueStrings, batch.records.valueStrings, "\(style)")
      }
    }
  }

  func testExpiredShardsAreDroppedAndUnknownParentsDoNotBlock() async throws {
    let stream = try await KinesisTestStream(shards: 1)
    let source = try stream.source()
    // An offset naming a parent the stream no longer lists: the child is readable.
    let offset = KinesisOffset(
      stream: "events",
      shards: [
        "shardId-000000000000": ShardState(position: .trimHorizon, parents: ["shardId-000000000099"]),
        "shardId-000000000050": ShardState(position: .after("1"), closed: true),
      ])
    try await stream.put([1, 2, 3])
    let end = try await source.latestOffset(after: offset.serialized, limit: .unlimited)
    let decoded = try KinesisOffset(end)
    XCTAssertNil(decoded.shards["shardId-000000000050"], "a shard no longer listed is dropped")
    let counted1 = try await source.read(from: offset.serialized, to: end).count
    XCTAssertEqual(counted1, 3)
  }
}
