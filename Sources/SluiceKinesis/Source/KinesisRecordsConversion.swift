import KinesisClient
import SluiceCore

/// Turns one shard's Kinesis records into ``RawRecords`` rows: value = `Data`, key = partition
/// key, topic = stream, partition = the shard id's number, timestamp = approximate arrival (ms),
/// sequence number kept as text; `offsets` hold the sequence number when it fits 18 digits, else -1.
enum KinesisRecordsConversion {
  static func append(_ records: KinesisRecords, shard: String, stream: String, to raw: inout RawRecords) {
    let topic = raw.topicSlot(stream)
    let partition = shardNumber(shard)
    raw.positionStyle = .streamShardSequence
    for i in 0..<records.count {
      let sequence = records.sequenceNumbers[i]
      let offset = sequence.utf8.count <= 18 ? Int64(sequence) ?? -1 : -1
      records.data.withUnsafeBytes { data in
        records.partitionKeys.withUnsafeBytes { keys in
          let value = UnsafeRawBufferPointer(
            rebasing: data[records.dataOffsets[i]..<records.dataOffsets[i + 1]])
          let key = UnsafeRawBufferPointer(
            rebasing: keys[records.partitionKeyOffsets[i]..<records.partitionKeyOffsets[i + 1]])
          raw.append(
            value: value, key: key, topic: topic, partition: partition, offset: offset,
            timestamp: records.arrivalTimestampsMs[i])
        }
      }
      raw.sequenceNumbers.append(sequence)
    }
  }

  /// `shardId-000000000012` → 12 (-1 when the id has no number).
  static func shardNumber(_ shard: String) -> Int32 {
    var digits = Array(shard.utf8.reversed().prefix { $0 >= 0x30 && $0 <= 0x39 }.reversed())
    guard !digits.isEmpty else { return -1 }
    while digits.count > 1, digits[0] == 0x30 { digits.removeFirst() }
    guard digits.count <= 9 else { return -1 }
    return Int32(String(decoding: digits, as: UTF8.self)) ?? -1
  }
}
