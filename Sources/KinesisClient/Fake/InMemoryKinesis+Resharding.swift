extension InMemoryKinesis {
  /// SplitShard: closes `shardID` and opens two children with `ParentShardId = shardID` covering
  /// `[start, newStartingHashKey - 1]` and `[newStartingHashKey, end]`. Returns the children's ids.
  @discardableResult
  public func splitShard(_ address: StreamAddress, shardID: String, newStartingHashKey: UInt128? = nil)
    throws(KinesisError) -> [String]
  {
    var stream = try stream(address)
    let index = try shardIndex(stream, shardID)
    let parent = stream.shards[index]
    guard parent.isOpen else {
      throw KinesisError(
        .resourceInUse, "Shard \(shardID) is closed and cannot be split", awsType: "ResourceInUseException")
    }
    let split = newStartingHashKey ?? (parent.hashStart / 2 + parent.hashEnd / 2 + 1)
    guard split > parent.hashStart, split <= parent.hashEnd else {
      throw KinesisError(.invalidArgument, "NewStartingHashKey \(split) is outside shard \(shardID)'s range")
    }
    close(&stream, index)
    let first = stream.addShard(parents: [parent.id], hashStart: parent.hashStart, hashEnd: split - 1)
    let second = stream.addShard(parents: [parent.id], hashStart: split, hashEnd: parent.hashEnd)
    streams[stream.name] = stream
    return [stream.shards[first].id, stream.shards[second].id]
  }

  /// MergeShards: closes two adjacent shards and opens one child with `ParentShardId = shardID`
  /// and `AdjacentParentShardId = adjacentShardID`. Returns the child's id.
  @discardableResult
  public func mergeShards(_ address: StreamAddress, shardID: String, adjacentShardID: String)
    throws(KinesisError) -> String
  {
    var stream = try stream(address)
    let a = try shardIndex(stream, shardID)
    let b = try shardIndex(stream, adjacentShardID)
    let first = stream.shards[a]
    let second = stream.shards[b]
    guard first.isOpen, second.isOpen else {
      throw KinesisError(
        .resourceInUse, "both shards must be open to merge", awsType: "ResourceInUseException")
    }
    let adjacent =
      (first.hashEnd < UInt128.max && first.hashEnd + 1 == second.hashStart)
      || (second.hashEnd < UInt128.max && second.hashEnd + 1 == first.hashStart)
    guard adjacent else {
      throw KinesisError(
        .invalidArgument, "shards \(shardID) and \(adjacentShardID) are not adjacent",
        awsType: "InvalidArgumentException")
    }
    close(&stream, a)
    close(&stream, b)
    let child = stream.addShard(
      parents: [first.id, second.id], hashStart: min(first.hashStart, second.hashStart),
      hashEnd: max(first.hashEnd, second.hashEnd))
    streams[stream.name] = stream
    return stream.shards[child].id
  }

  private func close(_ stream: inout FakeStream, _ index: Int) {
    let last = stream.shards[index].records.last?.sequenceNumber
    stream.shards[index].endingSequenceNumber =
      last ?? stream.peekSequence(shard: index, perShardCounter: stream.shards[index].counter)
  }
}
