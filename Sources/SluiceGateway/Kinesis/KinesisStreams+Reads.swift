import SluiceCore
import SluiceLog

/// Where GetShardIterator starts.
enum ShardIteratorType: String, Sendable, CaseIterable {
  case trimHorizon = "TRIM_HORIZON"
  case latest = "LATEST"
  case atSequenceNumber = "AT_SEQUENCE_NUMBER"
  case afterSequenceNumber = "AFTER_SEQUENCE_NUMBER"
  case atTimestamp = "AT_TIMESTAMP"
}

extension KinesisStreams {
  /// `{"ShardIterator":…}` positioned per `type`.
  func shardIterator(
    stream: String, shardID: String, type: ShardIteratorType, sequenceNumber: String?, timestampMs: Int64?
  ) throws(GatewayError) -> [UInt8] {
    let description = try log.describe(topic: stream)
    let shard = try Self.shardNumber(shardID)
    guard Int(shard) < description.partitionCount else {
      throw GatewayError(
        .topicNotFound,
        "shard \(shardID) does not exist in stream \(stream) (\(description.partitionCount) shards)")
    }
    let partition = description.partitions[Int(shard)]
    let offset: Int64
    switch type {
    case .trimHorizon:
      offset = partition.earliestOffset
    case .latest:
      offset = partition.latestOffset
    case .atSequenceNumber, .afterSequenceNumber:
      guard let sequenceNumber else {
        throw GatewayError(.invalidArgument, "\(type.rawValue) needs StartingSequenceNumber")
      }
      guard let parsed = SequenceNumber(sequenceNumber), parsed.shard == shard else {
        throw GatewayError(
          .invalidArgument,
          "StartingSequenceNumber \(sequenceNumber) is not a sequence number of shard \(shardID)")
      }
      let start = type == .atSequenceNumber ? parsed.offset : parsed.offset + 1
      guard start <= partition.latestOffset else {
        throw GatewayError(
          .invalidArgument, "StartingSequenceNumber \(sequenceNumber) is beyond the end of shard \(shardID)")
      }
      offset = max(start, partition.earliestOffset)
    case .atTimestamp:
      guard let timestampMs else { throw GatewayError(.invalidArgument, "AT_TIMESTAMP needs Timestamp") }
      offset = try firstOffset(
        stream: stream, shard: shard, atOrAfter: timestampMs,
        in: partition.earliestOffset..<partition.latestOffset)
    }
    let iterator = ShardIterator(
      stream: stream, shard: shard, offset: offset, issuedMs: clock(),
      streamCreatedMs: description.metadata.createdMs)
    var out = JSONWriter()
    out.raw("{\"ShardIterator\":")
    out.string(iterator.token)
    out.raw("}")
    return out.bytes
  }

  /// The first offset in `range` whose arrival time is ≥ `timestampMs` (the range's end when none
  /// is): a binary search, since arrival times grow with the offset in a partition.
  private func firstOffset(stream: String, shard: Int32, atOrAfter timestampMs: Int64, in range: Range<Int64>)
    throws(GatewayError) -> Int64
  {
    var low = range.lowerBound
    var high = range.upperBound
    while low < high {
      let middle = low + (high - low) / 2
      let records = try log.read(
        topic: stream, partition: shard, from: middle, maxRecords: 1, maxBytes: Int.max)
      guard let timestamp = records.timestamps.first else { break }
      if timestamp < timestampMs { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// `{"Records":[…],"NextShardIterator":…,"MillisBehindLatest":…}`. Shards never close, so
  /// there is always a next iterator.
  func records(iteratorToken: String, limit: Int?) throws(GatewayError) -> [UInt8] {
    let iterator = try ShardIterator(token: iteratorToken)
    let now = clock()
    guard !iterator.isExpired(nowMs: now) else {
      throw GatewayError(
        .expiredIterator,
        "the shard iterator expired (older than \(ShardIterator.lifetimeMs / 1000) s); call GetShardIterator "
          + "with AFTER_SEQUENCE_NUMBER of the last record you processed")
    }
    let maxRecords = limit ?? Self.maxGetRecords
    guard (1...Self.maxGetRecords).contains(maxRecords) else {
      throw GatewayError(.invalidArgument, "Limit must be 1…\(Self.maxGetRecords), got \(maxRecords)")
    }
    let description = try log.describe(topic: iterator.stream)
    guard description.metadata.createdMs == iterator.streamCreatedMs,
      Int(iterator.shard) < description.partitionCount
    else {
      throw GatewayError(
        .topicNotFound, "stream \(iterator.stream) was deleted (or re-created) since the iterator was issued")
    }
    let partition = description.partitions[Int(iterator.shard)]
    let start = min(max(iterator.offset, partition.earliestOffset), partition.latestOffset)
    let records = try log.read(
      topic: iterator.stream, partition: iterator.shard, from: start, maxRecords: maxRecords,
      maxBytes: Self.maxGetBytes)
    let next = start + Int64(records.count)
    var out = JSONWriter(capacity: 64 + records.valueByteCount * 4 / 3 + records.count * 120)
    out.raw("{\"Records\":[")
    var first = true
    for i in 0..<records.count {
      out.comma(&first)
      out.raw("{\"SequenceNumber\":\"")
      out.raw(SequenceNumber(shard: iterator.shard, offset: records.offsets[i]).text)
      out.raw("\",\"ApproximateArrivalTimestamp\":")
      out.epochSeconds(milliseconds: records.timestamps[i])
      out.raw(",\"Data\":\"")
      out.base64(records.value(i))
      out.raw("\",\"PartitionKey\":")
      out.string(utf8: records.key(i) ?? [])
      out.raw(",\"EncryptionType\":\"NONE\"}")
    }
    out.raw("],\"NextShardIterator\":")
    let nextIterator = ShardIterator(
      stream: iterator.stream, shard: iterator.shard, offset: next, issuedMs: now,
      streamCreatedMs: iterator.streamCreatedMs)
    out.string(nextIterator.token)
    let behind: Int64 = next >= partition.latestOffset ? 0 : max(0, now - (records.timestamps.last ?? now))
    out.raw(",\"MillisBehindLatest\":\(behind)}")
    return out.bytes
  }
}
