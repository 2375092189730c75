import KafkaProtocol
import SluiceCore
import XCTest

/// Batches from ``RecordBatchEncoder`` decode back exactly, with every codec; control batches and
/// aborted transactions are skipped but still advance the next offset.
final class RecordBatchEncoderTests: XCTestCase {
  func sampleBatch(_ compression: KafkaCompression, baseOffset: Int64 = 40) -> RecordBatchEncoder {
    var encoder = RecordBatchEncoder(baseOffset: baseOffset, compression: compression)
    for i in 0..<50 {
      encoder.append(
        key: i % 4 == 0 ? nil : Array("user-\(i)".utf8),
        value: i == 7 ? nil : Array("{\"pin\":\(i),\"board\":\"b\(i % 3)\"}".utf8),
        headers: i % 5 == 0 ? [RecordHeader(key: "source", value: Array("web".utf8))] : [],
        timestamp: 1_700_000_000_000 + Int64(i * 10))
    }
    return encoder
  }

  func testEveryCodecRoundTrips() throws {
    for compression in KafkaCompression.allCases {
      let encoder = sampleBatch(compression)
      let bytes = try encoder.encode()
      let batches = try bytes.withUnsafeBytes { try RecordBatchDecoder.decodeBatches($0) }
      XCTAssertEqual(batches.count, 1)
      XCTAssertEqual(batches.first?.compression, compression)
      XCTAssertEqual(batches.first?.records, encoder.records, "\(compression)")
      XCTAssertEqual(batches.first?.lastOffset, 89)
      XCTAssertEqual(batches.first?.maxTimestamp, 1_700_000_000_490)
      if compression != .none {
        XCTAssertLessThan(bytes.count, try sampleBatch(.none).encode().count, "\(compression) compresses")
      }
    }
  }

  func testSparseOffsetsAfterCompaction() throws {
    var encoder = RecordBatchEncoder(baseOffset: 1000)
    encoder.append(key: [1], value: [1], timestamp: 5, offsetDelta: 0)
    encoder.append(key: [2], value: [2], timestamp: 6, offsetDelta: 7)
    let bytes = try encoder.encode()
    var records = RawRecords()
    let range = try bytes.withUnsafeBytes {
      try RecordBatchDecoder.decodeRecords($0, topic: "c", partition: 0, from: 0, into: &records)
    }
    XCTAssertEqual(records.offsets, [1000, 1007])
    XCTAssertEqual(range.nextOffset, 1008)
  }

  func testControlBatchIsSkippedButAdvancesTheOffset() throws {
    var data = try sampleBatch(.none, baseOffset: 0).encode()
    var marker = RecordBatchEncoder(baseOffset: 50)
    marker.isControl = true
    marker.isTransactional = true
    marker.producerID = 9
    marker.append(key: [0, 0, 0, 1], value: [0, 0, 0, 0, 0, 0], timestamp: 1)  // COMMIT marker
    data += try marker.encode()
    var records = RawRecords()
    let range = try data.withUnsafeBytes {
      try RecordBatchDecoder.decodeRecords($0, topic: "t", partition: 0, from: 0, into: &records)
    }
    XCTAssertEqual(records.count, 50)
    XCTAssertEqual(range.nextOffset, 51)
    XCTAssertEqual(range.batchCount, 2)
  }

  func testAbortedTransactionIsDroppedWhenListed() throws {
    func transactional(_ producer: Int64, _ base: Int64, count: Int) -> RecordBatchEncoder {
      var encoder = RecordBatchEncoder(baseOffset: base)
      encoder.isTransactional = true
      encoder.producerID = producer
      for i in 0..<count { encoder.append(key: nil, value: [UInt8(i)], timestamp: 1) }
      return encoder
    }
    var abortMarker = RecordBatchEncoder(baseOffset: 3)
    abortMarker.isControl = true
    abortMarker.isTransactional = true
    abortMarker.producerID = 1
    abortMarker.append(key: [0, 0, 0, 0], value: [0, 0, 0, 0, 0, 0], timestamp: 1)
    let data =
      try transactional(1, 0, count: 3).encode() + abortMarker.encode()
      + transactional(2, 4, count: 2).encode()
    var committedOnly = RawRecords()
    _ = try data.withUnsafeBytes {
      try RecordBatchDecoder.decodeRecords(
        $0, topic: "t", partition: 0, from: 0,
        abortedTransactions: [AbortedTransaction(producerID: 1, firstOffset: 0)],
        into: &committedOnly)
    }
    XCTAssertEqual(committedOnly.offsets, [4, 5])
    var everything = RawRecords()
    _ = try data.withUnsafeBytes {
      try RecordBatchDecoder.decodeRecords($0, topic: "t", partition: 0, from: 0, into: &everything)
    }
    XCTAssertEqual(everything.offsets, [0, 1, 2, 4, 5])
  }

  func testAppendingToRecordsThatAlreadyHoldOtherTopics() throws {
    var records = RawRecords()
    records.append(value: [1], topic: "first", partition: 0, offset: 0)
    let bytes = try sampleBatch(.gzip).encode()
    _ = try bytes.withUnsafeBytes {
      try RecordBatchDecoder.decodeRecords($0, topic: "second", partition: 4, from: 0, into: &records)
    }
    XCTAssertEqual(records.count, 51)
    XCTAssertEqual(records.topics, ["first", "second"])
    XCTAssertEqual(records.topic(1), "second")
    XCTAssertEqual(records.headers.count, 51, "headers become parallel once a record has some")
    XCTAssertEqual(records.headers(0), [])
    XCTAssertEqual(records.headers(1), [RecordHeader(key: "source", value: Array("web".utf8))])
  }

  func testEmptyBatchCannotBeEncoded() {
    XCTAssertThrowsError(try RecordBatchEncoder().encode())
  }
}
