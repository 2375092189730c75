/// The Kinesis Data Streams operations this project uses.
///
/// Contract: each method is one service call with the service's semantics (see
/// `shared/reference/kinesis-api.md`); failures are ``KinesisError`` with the service's error
/// type mapped to a code. Implementations: ``KinesisHTTPClient`` (the real API over HTTP(S),
/// SigV4-signed), ``InMemoryKinesis`` (a fake with resharding, iterator expiry and throughput
/// limits) and ``RetryingKinesis`` (backoff around either).
public protocol KinesisAPI: Sendable {
  /// One page of the stream's shards (`nextToken` from the previous page, or `nil` for the first).
  func listShards(_ stream: StreamAddress, nextToken: String?) async throws -> ListShardsPage
  func describeStreamSummary(_ stream: StreamAddress) async throws -> StreamSummary
  func getShardIterator(_ stream: StreamAddress, shardID: String, position: ShardIteratorPosition)
    async throws -> String
  /// Up to `limit` (1…10,000) records from `iterator`.
  func getRecords(_ stream: StreamAddress, iterator: String, limit: Int) async throws -> GetRecordsResult
  func createStream(name: String, shardCount: Int) async throws
  func deleteStream(_ stream: StreamAddress) async throws
  func putRecord(_ stream: StreamAddress, entry: PutRecordsEntry) async throws -> PutRecordResult
  /// Up to 500 entries; the answer is positional and entries fail one by one.
  func putRecords(_ stream: StreamAddress, entries: [PutRecordsEntry]) async throws -> [PutRecordResult]
}

extension KinesisAPI {
  /// Every shard of the stream (all ListShards pages).
  public func listAllShards(_ stream: StreamAddress) async throws -> [Shard] {
    var shards: [Shard] = []
    var token: String?
    repeat {
      let page = try await listShards(stream, nextToken: token)
      shards += page.shards
      token = page.nextToken
    } while token != nil
    return shards
  }

  /// Polls DescribeStreamSummary until the stream is ACTIVE (for tools and tests).
  public func waitUntilActive(
    _ stream: StreamAddress, clock: any KinesisClock = SystemKinesisClock(), timeoutMs: Int64 = 60_000
  ) async throws {
    let deadline = clock.nowMs() + timeoutMs
    while true {
      let summary = try await describeStreamSummary(stream)
      if summary.streamStatus == "ACTIVE" { return }
      guard clock.nowMs() < deadline else {
        throw KinesisError(
          .resourceInUse,
          "stream \(stream) is still \(summary.streamStatus) after \(timeoutMs) ms; try again later")
      }
      try await clock.sleep(milliseconds: 100)
    }
  }
}
