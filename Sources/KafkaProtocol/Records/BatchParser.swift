import SluiceCompression
import SluiceCore

/// Receives what ``BatchParser`` finds: each complete batch's header, then (when asked for) its
/// records as borrowed bytes.
protocol BatchVisitor {
  /// Whether the records of this (CRC-verified) batch should be parsed.
  mutating func wantsRecords(of batch: BatchHeader) -> Bool
  mutating func record(
    offset: Int64, timestamp: Int64, key: UnsafeRawBufferPointer?, value: UnsafeRawBufferPointer?,
    headers: [RecordHeader])
  mutating func finishedBatch(_ batch: BatchHeader)
}

/// Walks RecordBatch v2 bytes: frames batches, verifies CRC-32C, decompresses, parses records.
struct BatchParser {
  let topic: String
  let partition: Int32

  /// Where errors say the problem is.
  func place(_ baseOffset: Int64) -> String {
    "topic \(topic) partition \(partition) batch at offset \(baseOffset)"
  }

  /// Parses every complete batch of `bytes`; returns the size of an incomplete trailing batch.
  func parse<V: BatchVisitor>(_ bytes: UnsafeRawBufferPointer, visitor: inout V) throws -> Int {
    var start = 0
    while start < bytes.count {
      let remaining = bytes.count - start
      guard remaining >= BatchHeader.prefixSize + 5 else { return remaining }
      let baseOffset = bytes.bigEndian(Int64.self, at: start)
      let length = Int(bytes.bigEndian(Int32.self, at: start + 8))
      let magic = Int8(bitPattern: bytes[start + 16])
      guard magic == 2 else {
        throw KafkaProtocolError(
          .unsupportedFormat,
          "\(place(baseOffset)) uses the legacy message format (magic \(magic)); only RecordBatch v2 (magic 2, "
            + "Kafka 0.11+) is supported — rewrite the topic with a current producer or broker message format"
        )
      }
      guard length >= BatchHeader.size - BatchHeader.prefixSize else {
        throw KafkaProtocolError(
          .malformed, "\(place(baseOffset)): batch length \(length) is smaller than the 61-byte batch header")
      }
      guard remaining >= BatchHeader.prefixSize + length else { return remaining }
      let header = BatchHeader(bytes, at: start)
      let end = start + BatchHeader.prefixSize + length
      let computed = BatchChecksum.crc32c(UnsafeRawBufferPointer(rebasing: bytes[(start + 21)..<end]))
      guard computed == header.crc else {
        throw KafkaProtocolError(
          .corruptBatch,
          "CRC mismatch in \(place(baseOffset)): the batch says \(hex(header.crc)), its bytes give \(hex(computed)); "
            + "the data was corrupted in transit or on the broker")
      }
      if visitor.wantsRecords(of: header) {
        do {
          try parseRecords(
            UnsafeRawBufferPointer(rebasing: bytes[(start + BatchHeader.size)..<end]), header, &visitor)
        } catch let error as KafkaProtocolError where error.code != .decompression {
          throw KafkaProtocolError(error.code, "\(place(baseOffset)): \(error.message)")
        }
      }
      visitor.finishedBatch(header)
      start = end
    }
    return 0
  }

  private func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
  }

  private func parseRecords<V: BatchVisitor>(
    _ payload: UnsafeRawBufferPointer, _ header: BatchHeader, _ visitor: inout V
  ) throws {
    guard let codec = KafkaCompression(rawValue: header.codecBits) else {
      throw KafkaProtocolError(
        .unsupportedFormat, "\(place(header.baseOffset)): unknown compression codec \(header.codecBits)")
    }
    if codec == .none { return try parseRecordList(payload, header, &visitor) }
    let plain: [UInt8]
    do {
      plain = try Self.decompress(payload, codec)
    } catch let error as CompressionError {
      throw KafkaProtocolError(
        .decompression, "\(place(header.baseOffset)): cannot decompress its \(codec) records: \(error)")
    }
    try plain.withUnsafeBytes { try parseRecordList($0, header, &visitor) }
  }

  static func decompress(_ payload: UnsafeRawBufferPointer, _ codec: KafkaCompression) throws -> [UInt8] {
    switch codec {
    case .none: [UInt8](payload)
    case .gzip: try Gzip.decompress(payload)
    case .snappy: try Snappy.decompressXerial(payload)
    case .lz4: try LZ4.decompressFrame(payload)
    case .zstd: try Zstd.decompress(payload)
    }
  }

  private func parseRecordList<V: BatchVisitor>(
    _ bytes: UnsafeRawBufferPointer, _ header: BatchHeader, _ visitor: inout V
  ) throws {
    guard header.recordCount >= 0 else {
      throw KafkaProtocolError.malformed("record count", at: 57, "negative count \(header.recordCount)")
    }
    var cursor = RecordCursor(bytes)
    for _ in 0..<Int(header.recordCount) {
      let lengthAt = cursor.position
      let length = Int(try cursor.varint("record length"))
      guard length >= 0, length <= cursor.remaining else {
        throw KafkaProtocolError.truncated(
          "record", at: lengthAt, needed: length, available: cursor.remaining)
      }
      let recordEnd = cursor.position + length
      var record = RecordCursor(UnsafeRawBufferPointer(rebasing: bytes[..<recordEnd]), at: cursor.position)
      _ = try record.int8("record attributes")
      let timestampDelta = try record.varlong("record timestamp delta")
      let offsetDelta = try record.varint("record offset delta")
      let key = try record.nullableSlice("record key")
      let value = try record.nullableSlice("record value")
      let headerCount = Int(try record.varint("record header count"))
      var headers: [RecordHeader] = []
      if headerCount > 0 {
        guard headerCount <= record.remaining else {
          throw KafkaProtocolError.malformed(
            "record header count", at: record.position, "\(headerCount) headers cannot fit the record")
        }
        headers.reserveCapacity(headerCount)
        for _ in 0..<headerCount {
          let keyBytes =
            try record.nullableSlice("record header key") ?? UnsafeRawBufferPointer(start: nil, count: 0)
          let headerValue = try record.nullableSlice("record header value")
          headers.append(
            RecordHeader(
              key: String(decoding: keyBytes, as: UTF8.self), value: headerValue.map { [UInt8]($0) }))
        }
      }
      guard record.position == recordEnd else {
        throw KafkaProtocolError.malformed(
          "record", at: lengthAt,
          "its length says \(length) bytes but its fields end \(recordEnd - record.position) bytes early")
      }
      cursor.position = recordEnd
      let timestamp = header.isLogAppendTime ? header.maxTimestamp : header.baseTimestamp &+ timestampDelta
      visitor.record(
        offset: header.baseOffset &+ Int64(offsetDelta), timestamp: timestamp, key: key, value: value,
        headers: headers)
    }
    guard cursor.remaining == 0 else {
      throw KafkaProtocolError.malformed(
        "records", at: cursor.position,
        "\(cursor.remaining) bytes left after the \(header.recordCount) records")
    }
  }
}
