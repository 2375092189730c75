/// Decodes a GetRecords answer from its JSON bytes without a per-record JSON tree: `Data` is
/// base64-decoded straight into ``KinesisRecords/data``.
enum GetRecordsDecoder {
  static func decode(_ body: [UInt8]) throws(KinesisError) -> GetRecordsResult {
    var cursor = JSONCursor(body)
    var result = GetRecordsResult(records: KinesisRecords(), nextShardIterator: nil, millisBehindLatest: nil)
    try cursor.object { (cursor, key) throws(KinesisError) in
      switch String(decoding: key, as: UTF8.self) {
      case "Records":
        try cursor.array { (cursor) throws(KinesisError) in try decodeRecord(&cursor, into: &result.records) }
      case "NextShardIterator":
        result.nextShardIterator = cursor.consumeNull() ? nil : try cursor.stringValue()
      case "MillisBehindLatest":
        result.millisBehindLatest = cursor.consumeNull() ? nil : Int64(try cursor.number())
      case "ChildShards":
        if cursor.consumeNull() { return }
        try cursor.array { (cursor) throws(KinesisError) in
          result.childShards.append(try decodeChild(&cursor))
        }
      default:
        try cursor.skipValue()
      }
    }
    return result
  }

  private static func decodeRecord(_ cursor: inout JSONCursor, into records: inout KinesisRecords)
    throws(KinesisError)
  {
    var sequence: String?
    var key: [UInt8] = []
    var arrival: Int64 = 0
    var sawData = false
    try cursor.object { (cursor, member) throws(KinesisError) in
      switch String(decoding: member, as: UTF8.self) {
      case "Data":
        let (range, _) = try cursor.rawString()
        guard Base64Decoder.decode(cursor.bytes, range, into: &records.data) else {
          throw cursor.error("a record's Data is not base64")
        }
        sawData = true
      case "SequenceNumber": sequence = try cursor.stringValue()
      case "PartitionKey": key = try cursor.string()
      case "ApproximateArrivalTimestamp":
        arrival = cursor.consumeNull() ? 0 : Int64((try cursor.number() * 1000).rounded())
      default: try cursor.skipValue()
      }
    }
    guard let sequence, sawData else { throw cursor.error("a record without SequenceNumber or Data") }
    records.finishRecord(partitionKey: key, sequenceNumber: sequence, arrivalTimestampMs: arrival)
  }

  private static func decodeChild(_ cursor: inout JSONCursor) throws(KinesisError) -> ChildShard {
    var child = ChildShard(shardID: "", parentShards: [])
    try cursor.object { (cursor, member) throws(KinesisError) in
      switch String(decoding: member, as: UTF8.self) {
      case "ShardId": child.shardID = try cursor.stringValue()
      case "ParentShards":
        try cursor.array { (cursor) throws(KinesisError) in
          child.parentShards.append(try cursor.stringValue())
        }
      case "HashKeyRange":
        var start = ""
        var end = ""
        try cursor.object { (cursor, name) throws(KinesisError) in
          switch String(decoding: name, as: UTF8.self) {
          case "StartingHashKey": start = try cursor.stringValue()
          case "EndingHashKey": end = try cursor.stringValue()
          default: try cursor.skipValue()
          }
        }
        child.hashKeyRange = Shard.HashKeyRange(startingHashKey: start, endingHashKey: end)
      default: try cursor.skipValue()
      }
    }
    return child
  }
}
