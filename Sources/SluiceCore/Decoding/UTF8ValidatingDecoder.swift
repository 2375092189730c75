/// A ``RecordDecoder`` that rejects records whose value is not valid UTF-8 before `inner` sees
/// them (JSON text must be UTF-8; a string column holding invalid bytes would make Parquet
/// readers such as pyarrow fail on the whole file). The rejection names the byte, so under
/// `onError: deadLetter` the record lands in the dead-letter table with its exact bytes.
///
/// The common case (every value valid) costs one pass over the bytes, 8 at a time while they
/// are ASCII, and then calls `inner` with the records unchanged.
public struct UTF8ValidatingDecoder: RecordDecoder {
  public let inner: any RecordDecoder

  public init(inner: any RecordDecoder) {
    self.inner = inner
  }

  public var schema: Schema { inner.schema }

  public func decode(_ records: RawRecords) -> DecodedRecords {
    var invalid: [(index: Int, byte: Int)] = []
    records.values.withUnsafeBytes { all in
      for i in 0..<records.count {
        let range = records.valueRange(i)
        if let bad = Self.firstInvalidByte(UnsafeRawBufferPointer(rebasing: all[range])) {
          invalid.append((i, bad))
        }
      }
    }
    guard !invalid.isEmpty else { return inner.decode(records) }

    let bad = Set(invalid.map(\.index))
    var kept = RawRecords(capacity: records.count - bad.count)
    kept.positionStyle = records.positionStyle
    var keptIndex: [Int] = []
    for i in 0..<records.count where !bad.contains(i) {
      keptIndex.append(i)
      kept.appendRecord(i, of: records)
    }
    var decoded = inner.decode(kept)
    decoded.sourceIndices = decoded.sourceIndices.map { keptIndex[$0] }
    for j in decoded.rejected.indices { decoded.rejected[j].index = keptIndex[decoded.rejected[j].index] }
    decoded.rejected += invalid.map {
      RejectedRecord(
        index: $0.index, position: records.positionDescription($0.index),
        reason: "the value is not valid UTF-8 (byte \($0.byte)); JSON text must be UTF-8")
    }
    decoded.rejected.sort { $0.index < $1.index }
    return decoded
  }

  /// The offset of the first byte that is not part of a well-formed UTF-8 sequence, or `nil`.
  public static func firstInvalidByte(_ bytes: UnsafeRawBufferPointer) -> Int? {
    let count = bytes.count
    var i = 0
    while i < count {
      if i + 8 <= count, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
      {
        i += 8
        continue
      }
      let lead = bytes[i]
      if lead < 0x80 {
        i += 1
        continue
      }
      let length: Int
      var low: UInt8 = 0x80
      var high: UInt8 = 0xBF
      switch lead {
      case 0xC2...0xDF: length = 2
      case 0xE0:
        length = 3
        low = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED:
        length = 3
        high = 0x9F
      case 0xF0:
        length = 4
        low = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4:
        length = 4
        high = 0x8F
      default: return i
      }
      guard i + length <= count else { return i }
      let second = bytes[i + 1]
      guard second >= low && second <= high else { return i }
      for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
      i += length
    }
    return nil
  }
}

extension RawRecords {
  /// Appends record `i` of `other` with all its metadata (key, topic, position, headers,
  /// sequence number).
  mutating func appendRecord(_ i: Int, of other: RawRecords) {
    let slot = topicSlot(other.topic(i))
    let value = Array(other.value(i))
    let key = other.key(i).map { Array($0) }
    value.withUnsafeBytes { v in
      if let key {
        key.withUnsafeBytes { k in
          append(
            value: v, key: k, topic: slot, partition: other.partitions[i], offset: other.offsets[i],
            timestamp: other.timestamps[i])
        }
      } else {
        append(
          value: v, key: nil, topic: slot, partition: other.partitions[i], offset: other.offsets[i],
          timestamp: other.timestamps[i])
      }
    }
    if !other.headers.isEmpty {
      while headers.count < count - 1 { headers.append([]) }
      headers.append(other.headers(i))
    }
    if i < other.sequenceNumbers.count { sequenceNumbers.append(other.sequenceNumbers[i]) }
  }
}
