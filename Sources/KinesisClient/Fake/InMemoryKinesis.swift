/// An in-memory Kinesis for tests — the twin of ``KinesisHTTPClient``.
///
/// It behaves like the service where the source depends on it: MD5 routing over hash-key ranges;
/// AWS-style 56-digit or moto-style short sequence numbers (``SequenceNumberStyle``); resharding
/// (``splitShard(_:shardID:newStartingHashKey:)``, ``mergeShards(_:shardID:adjacentShardID:)``)
/// that closes parents, creates children with `ParentShardId`/`AdjacentParentShardId`, and at a
/// closed parent's end answers GetRecords without `NextShardIterator` and with `ChildShards`;
/// iterators that expire 5 minutes after issue (on the injected clock); at most
/// ``getRecordsPerSecondPerShard`` GetRecords calls per shard per second
/// (`ProvisionedThroughputExceededException` beyond); paged ListShards; injected failures.
public actor InMemoryKinesis: KinesisAPI {
  let clock: any KinesisClock
  let style: SequenceNumberStyle
  var streams: [String: FakeStream] = [:]
  var iterators: [String: (stream: String, shard: Int, next: Int, issuedMs: Int64)] = [:]
  var iteratorCounter = 0
  var getRecordsCalls: [String: [Int64]] = [:]
  var failures: [String: [KinesisError]] = [:]
  /// Calls per operation name (for tests).
  public private(set) var calls: [String: Int] = [:]

  /// GetRecords calls allowed per shard per second (AWS: 5).
  public var getRecordsPerSecondPerShard = 5
  /// Shards per ListShards page.
  public var listShardsPageSize = 1000
  /// Iterator lifetime (AWS: 5 minutes).
  public let iteratorLifetimeMs: Int64 = 300_000

  public init(clock: any KinesisClock = SystemKinesisClock(), style: SequenceNumberStyle = .aws) {
    self.clock = clock
    self.style = style
  }

  public func setGetRecordsPerSecondPerShard(_ value: Int) { getRecordsPerSecondPerShard = value }
  public func setListShardsPageSize(_ value: Int) { listShardsPageSize = value }

  /// The next `count` calls of `operation` (e.g. `GetRecords`) fail with `error`.
  public func injectFailure(_ operation: String, _ error: KinesisError, count: Int = 1) {
    failures[operation, default: []] += Array(repeating: error, count: count)
  }

  private func enter(_ operation: String) throws(KinesisError) {
    calls[operation, default: 0] += 1
    if var pending = failures[operation], !pending.isEmpty {
      let error = pending.removeFirst()
      failures[operation] = pending
      throw error
    }
  }

  func stream(_ address: StreamAddress) throws(KinesisError) -> FakeStream {
    guard let stream = streams[address.streamName] else {
      throw KinesisError(
        .resourceNotFound, "Stream \(address.streamName) under account 123456789012 not found.",
        awsType: "ResourceNotFoundException", httpStatus: 400)
    }
    return stream
  }

  func shardIndex(_ stream: FakeStream, _ shardID: String) throws(KinesisError) -> Int {
    guard let index = stream.index(of: shardID) else {
      throw KinesisError(
        .resourceNotFound, "Shard \(shardID) in stream \(stream.name) does not exist.",
        awsType: "ResourceNotFoundException", httpStatus: 400)
    }
    return index
  }

  // MARK: KinesisAPI

  public func createStream(name: String, shardCount: Int) async throws {
    try enter("CreateStream")
    guard streams[name] == nil else {
      throw KinesisError(.resourceInUse, "Stream \(name) already exists.", awsType: "ResourceInUseException")
    }
    guard shardCount >= 1 else {
      throw KinesisError(
        .invalidArgument, "ShardCount must be at least 1", awsType: "InvalidArgumentException")
    }
    streams[name] = FakeStream(name: name, shardCount: shardCount, style: style, nowMs: clock.nowMs())
  }

  public func deleteStream(_ address: StreamAddress) async throws {
    try enter("DeleteStream")
    _ = try stream(address)
    streams[address.streamName] = nil
  }

  public func describeStreamSummary(_ address: StreamAddress) async throws -> StreamSummary {
    try enter("DescribeStreamSummary")
    let stream = try stream(address)
    return StreamSummary(
      streamName: stream.name, streamARN: stream.arn, streamStatus: "ACTIVE",
      openShardCount: stream.shards.filter(\.isOpen).count, retentionPeriodHours: 24)
  }

  public func listShards(_ address: StreamAddress, nextToken: String?) async throws -> ListShardsPage {
    try enter("ListShards")
    let stream = try stream(address)
    let start = nextToken.flatMap { Int($0.dropFirst(5)) } ?? 0
    let end = min(stream.shards.count, start + listShardsPageSize)
    return ListShardsPage(
      shards: stream.shards[start..<end].map(\.description),
      nextToken: end < stream.shards.count ? "page-\(end)" : nil)
  }

  public func getShardIterator(_ address: StreamAddress, shardID: String, position: ShardIteratorPosition)
    async throws -> String
  {
    try enter("GetShardIterator")
    let stream = try stream(address)
    let index = try shardIndex(stream, shardID)
    let shard = stream.shards[index]
    let next: Int
    switch position {
    case .trimHorizon: next = 0
    case .latest: next = shard.records.count
    case .atSequenceNumber(let sequence): next = shard.index(of: sequence, after: false)
    case .afterSequenceNumber(let sequence): next = shard.index(of: sequence, after: true)
    case .atTimestamp(let ms): next = shard.records.firstIndex { $0.arrivalMs >= ms } ?? shard.records.count
    }
    return issueIterator(stream: stream.name, shard: index, next: next)
  }

  private func issueIterator(stream: String, shard: Int, next: Int) -> String {
    iteratorCounter += 1
    let token = "iterator-\(iteratorCounter)"
    iterators[token] = (stream, shard, next, clock.nowMs())
    return token
  }

  public func getRecords(_ address: StreamAddress, iterator: String, limit: Int) async throws
    -> GetRecordsResult
  {
    try enter("GetRecords")
    guard let state = iterators[iterator] else {
      throw KinesisError(
        .invalidArgument, "Invalid ShardIterator \(iterator)", awsType: "InvalidArgumentException",
        httpStatus: 400)
    }
    let now = clock.nowMs()
    guard now - state.issuedMs <= iteratorLifetimeMs else {
      throw KinesisError(
        .expiredIterator,
        "Iterator expired. The iterator was created at time \(state.issuedMs) while right now it is \(now).",
        awsType: "ExpiredIteratorException", httpStatus: 400)
    }
    let stream = try self.stream(.name(state.stream))
    let shard = stream.shards[state.shard]
    var recent = (getRecordsCalls[shard.id] ?? []).filter { now - $0 < 1000 }
    guard recent.count < getRecordsPerSecondPerShard else {
      getRecordsCalls[shard.id] = recent
      throw KinesisError(
        .throughputExceeded, "Rate exceeded for shard \(shard.id) in stream \(stream.name).",
        awsType: "ProvisionedThroughputExceededException", httpStatus: 400)
    }
    recent.append(now)
    getRecordsCalls[shard.id] = recent

    let end = min(shard.records.count, state.next + max(1, min(limit, 10_000)))
    var records = KinesisRecords()
    for record in shard.records[state.next..<end] {
      records.append(
        data: record.data, partitionKey: Array(record.partitionKey.utf8),
        sequenceNumber: record.sequenceNumber,
        arrivalTimestampMs: record.arrivalMs)
    }
    let behind = end < shard.records.count ? max(0, now - shard.records[end].arrivalMs) : 0
    if !shard.isOpen && end == shard.records.count {
      let children = stream.shards.filter { $0.parents.contains(shard.id) }.map {
        ChildShard(
          shardID: $0.id, parentShards: $0.parents,
          hashKeyRange: Shard.HashKeyRange(
            startingHashKey: String($0.hashStart), endingHashKey: String($0.hashEnd)))
      }
      return GetRecordsResult(
        records: records, nextShardIterator: nil, millisBehindLatest: 0, childShards: children)
    }
    let next = issueIterator(stream: stream.name, shard: state.shard, next: end)
    return GetRecordsResult(records: records, nextShardIterator: next, millisBehindLatest: behind)
  }

  public func putRecord(_ address: StreamAddress, entry: PutRecordsEntry) async throws -> PutRecordResult {
    try enter("PutRecord")
    return try append(address, entry)
  }

  public func putRecords(_ address: StreamAddress, entries: [PutRecordsEntry]) async throws
    -> [PutRecordResult]
  {
    try enter("PutRecords")
    var results: [PutRecordResult] = []
    for entry in entries { results.append(try append(address, entry)) }
    return results
  }

  private func append(_ address: StreamAddress, _ entry: PutRecordsEntry) throws(KinesisError)
    -> PutRecordResult
  {
    var stream = try stream(address)
    let hash: UInt128
    if let explicit = entry.explicitHashKey {
      guard let value = UInt128(explicit) else {
        throw KinesisError(.invalidArgument, "ExplicitHashKey \(explicit) is not a 128-bit decimal")
      }
      hash = value
    } else {
      hash = FakeStream.hashKey(entry.partitionKey)
    }
    guard let index = stream.shardIndex(forHash: hash) else {
      throw KinesisError(.serviceUnavailable, "no open shard for hash \(hash)", awsType: "InternalFailure")
    }
    let sequence = stream.nextSequence(shard: index)
    stream.shards[index].records.append(
      FakeShard.Record(
        sequenceNumber: sequence, data: entry.data, partitionKey: entry.partitionKey, arrivalMs: clock.nowMs()
      ))
    streams[stream.name] = stream
    return PutRecordResult(shardID: stream.shards[index].id, sequenceNumber: sequence)
  }

  /// Every record of a shard (for test assertions).
  public func records(_ stream: String, shardID: String) -> [(sequenceNumber: String, data: [UInt8])] {
    guard let stream = streams[stream], let index = stream.index(of: shardID) else { return [] }
    return stream.shards[index].records.map { ($0.sequenceNumber, $0.data) }
  }
}
