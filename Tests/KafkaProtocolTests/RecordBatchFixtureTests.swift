import KafkaProtocol
import SluiceCore
import XCTest

/// Record batches built by kafka-python's DefaultRecordBatchBuilder (every codec) decode to the
/// exact records, keys, values, headers, offsets and timestamps the generator put in.
final class RecordBatchFixtureTests: XCTestCase {
  let codecs = ["none", "gzip", "snappy", "lz4", "zstd"]

  func testEveryCodecDecodesIntoRawRecords() throws {
    for codec in codecs {
      let bytes = try Fixtures.bytes("batch_\(codec).bin")
      let expected = try Fixtures.expectedRecords("batch_\(codec).json")
      XCTAssertEqual(expected.count, 12)
      var records = RawRecords()
      let range = try bytes.withUnsafeBytes {
        try RecordBatchDecoder.decodeRecords($0, topic: "pins", partition: 3, from: 0, into: &records)
      }
      XCTAssertEqual(
        range, DecodedRange(nextOffset: 112, count: 12, batchCount: 1, incompleteTailBytes: 0), codec)
      XCTAssertEqual(records.asKafkaRecords(), expected.map(\.asStored), codec)
      XCTAssertEqual(records.topics, ["pins"])
      XCTAssertEqual(Set(records.partitions), [3])
      XCTAssertEqual(records.hasKey.filter { !$0 }.count, 4, "\(codec): keys of records 0, 3, 6, 9 are null")
      XCTAssertEqual(
        records.headers(0),
        [RecordHeader(key: "trace", value: Array("t-0".utf8)), .init(key: "empty", value: nil)])
      XCTAssertEqual(records.headers(1), [])
    }
  }

  func testBatchViewKeepsNullValuesAndCodec() throws {
    let expectedCodecs: [KafkaCompression] = [.none, .gzip, .snappy, .lz4, .zstd]
    for (codec, compression) in zip(codecs, expectedCodecs) {
      let bytes = try Fixtures.bytes("batch_\(codec).bin")
      let batches = try bytes.withUnsafeBytes { try RecordBatchDecoder.decodeBatches($0) }
      XCTAssertEqual(batches.count, 1)
      XCTAssertEqual(batches[0].compression, compression)
      XCTAssertEqual(batches[0].baseOffset, 100)
      XCTAssertEqual(batches[0].lastOffset, 111)
      XCTAssertEqual(batches[0].records, try Fixtures.expectedRecords("batch_\(codec).json"), codec)
      XCTAssertNil(batches[0].records[4].value, "record 4 is a tombstone")
    }
  }

  func testMinOffsetSkipsEarlierRecordsOfTheBatch() throws {
    let bytes = try Fixtures.bytes("batch_zstd.bin")
    var records = RawRecords()
    let range = try bytes.withUnsafeBytes {
      try RecordBatchDecoder.decodeRecords($0, topic: "pins", partition: 0, from: 107, into: &records)
    }
    XCTAssertEqual(range.count, 5)
    XCTAssertEqual(range.nextOffset, 112)
    XCTAssertEqual(records.offsets, [107, 108, 109, 110, 111])
    // Headers stay parallel to the records (records 108 and 110 have headers).
    XCTAssertEqual(records.headers.count, 5)
    XCTAssertEqual(records.headers(1).first?.value, Array("t-8".utf8))
  }

  func testSeveralBatchesWithATruncatedTail() throws {
    let bytes = try Fixtures.bytes("fetch_records_truncated.bin")
    let expected = try Fixtures.expectedRecords("fetch_records_truncated.json")
    var records = RawRecords()
    let range = try bytes.withUnsafeBytes {
      try RecordBatchDecoder.decodeRecords($0, topic: "t", partition: 1, from: 2, into: &records)
    }
    XCTAssertEqual(range.nextOffset, 12, "the cut lz4 batch (offsets 12-17) is left for the next fetch")
    XCTAssertEqual(range.batchCount, 3)
    XCTAssertGreaterThan(range.incompleteTailBytes, 0)
    XCTAssertEqual(records.asKafkaRecords(), expected.filter { $0.offset >= 2 }.map(\.asStored))
  }

  func testEveryCutPointIsAPartialTailNeverACrash() throws {
    let bytes = try Fixtures.bytes("fetch_records_truncated.bin")
    for cut in 0...bytes.count {
      var records = RawRecords()
      let range = try Array(bytes[0..<cut]).withUnsafeBytes {
        try RecordBatchDecoder.decodeRecords($0, topic: "t", partition: 1, from: 0, into: &records)
      }
      XCTAssertEqual(range.count, records.count)
      XCTAssertEqual(range.incompleteTailBytes + (range.nextOffset == nil ? 0 : 1) > 0, cut > 0, "cut \(cut)")
      if let next = range.nextOffset { XCTAssertTrue([5, 8, 12].contains(next), "cut \(cut): next \(next)") }
    }
  }

  func testCorruptCRCNamesTopicPartitionAndOffset() throws {
    var bytes = try Fixtures.bytes("batch_snappy.bin")
    bytes[bytes.count - 3] ^= 0x01
    var records = RawRecords()
    XCTAssertThrowsError(
      try bytes.withUnsafeBytes {
        try RecordBatchDecoder.decodeRecords(
          $0, topic: "pinterest.pin", partition: 7, from: 0, into: &records)
      }
    ) { error in
      let error = error as? KafkaProtocolError
      XCTAssertEqual(error?.code, .corruptBatch)
      let message = error?.message ?? ""
      XCTAssertTrue(message.contains("topic pinterest.pin partition 7 batch at offset 100"), message)
      XCTAssertTrue(message.contains("the batch says 0x"), message)
    }
  }

  func testFailedDecodeLeavesRecordsAsTheyWere() throws {
    let good = try Fixtures.bytes("batch_gzip.bin")
    var bad = try Fixtures.bytes("batch_none.bin")
    bad[bad.count - 1] ^= 0x10
    var records = RawRecords()
    _ = try good.withUnsafeBytes {
      try RecordBatchDecoder.decodeRecords($0, topic: "a", partition: 0, from: 0, into: &records)
    }
    let before = records.asKafkaRecords()
    XCTAssertThrowsError(
      try (good + bad).withUnsafeBytes {
        try RecordBatchDecoder.decodeRecords($0, topic: "a", partition: 0, from: 0, into: &records)
      })
    XCTAssertEqual(
      records.asKafkaRecords(), before, "the good batch decoded before the bad one is rolled back")
    XCTAssertEqual(records.valueOffsets.count, records.count + 1)
    XCTAssertEqual(records.headers.count, records.count)
  }

  func testLegacyMessageFormatIsUnsupported() throws {
    var bytes = try Fixtures.bytes("batch_none.bin")
    bytes[16] = 1
    var records = RawRecords()
    XCTAssertThrowsError(
      try bytes.withUnsafeBytes {
        try RecordBatchDecoder.decodeRecords($0, topic: "old", partition: 0, from: 0, into: &records)
      }
    ) { error in
      XCTAssertEqual((error as? KafkaProtocolError)?.code, .unsupportedFormat)
      XCTAssertTrue("\(error)".contains("magic 1"), "\(error)")
    }
  }

  func testCorruptCompressedStreamWithValidCRCIsADecompressionError() throws {
    // Damage the compressed payload, then fix the CRC as a buggy producer would have written it.
    var bytes = try Fixtures.bytes("batch_lz4.bin")
    bytes[70] ^= 0xFF
    let crc = bytes.withUnsafeBytes { BatchChecksum.crc32c(UnsafeRawBufferPointer(rebasing: $0[21...])) }
    withUnsafeBytes(of: crc.bigEndian) { for i in 0..<4 { bytes[17 + i] = $0[i] } }
    var records = RawRecords()
    XCTAssertThrowsError(
      try bytes.withUnsafeBytes {
        try RecordBatchDecoder.decodeRecords($0, topic: "t", partition: 2, from: 0, into: &records)
      }
    ) { error in
      XCTAssertEqual((error as? KafkaProtocolError)?.code, .decompression)
      XCTAssertTrue("\(error)".contains("topic t partition 2 batch at offset 100"), "\(error)")
    }
  }

  func testCRC32CReferenceValue() {
    XCTAssertEqual(BatchChecksum.crc32c(Array("123456789".utf8)), 0xE306_9283)
    XCTAssertEqual(BatchChecksum.crc32c([UInt8]()), 0)
  }
}
