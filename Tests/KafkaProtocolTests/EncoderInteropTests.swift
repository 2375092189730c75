import Foundation
import KafkaProtocol
import SluiceCore
import XCTest

/// Batches from our encoder (and so our gzip, xerial snappy, lz4 frame and zstd compressors) are
/// read by kafka-python's own RecordBatch reader with its codecs (python-snappy, lz4, zstandard):
/// CRC valid, codec as set, records identical.
final class EncoderInteropTests: XCTestCase {
  static let reader = """
    import json, sys
    from kafka.record.default_records import DefaultRecordBatch
    out = []
    for path in sys.argv[1:]:
        data = open(path, "rb").read()
        batch = DefaultRecordBatch(data)
        crc_ok = batch.validate_crc()
        records = [{"offset": r.offset, "timestamp": r.timestamp,
                    "key": None if r.key is None else r.key.hex(),
                    "value": None if r.value is None else r.value.hex(),
                    "headers": [[k, None if v is None else v.hex()] for k, v in r.headers]} for r in batch]
        out.append({"crc": crc_ok, "codec": batch.compression_type, "base": batch.base_offset,
                    "last": batch.last_offset, "records": records})
    print(json.dumps(out))
    """

  func testKafkaPythonReadsOurBatchesWithEveryCodec() throws {
    let directory = TemporaryDirectory(for: self)
    var paths: [String] = []
    var expected: [[KafkaRecord]] = []
    for compression in KafkaCompression.allCases {
      var encoder = RecordBatchEncoder(baseOffset: 500, compression: compression)
      for i in 0..<300 {
        encoder.append(
          key: i % 10 == 0 ? nil : Array("key-\(i)".utf8),
          value: i == 3 ? nil : Array(String(repeating: "pin \(i % 13) board ", count: 1 + i % 9).utf8),
          headers: i % 4 == 0
            ? [RecordHeader(key: "h\(i)", value: [UInt8(i % 256)]), .init(key: "n", value: nil)] : [],
          timestamp: 1_700_000_000_000 + Int64(i))
      }
      paths.append(try directory.write(try encoder.encode(), to: "\(compression).bin"))
      expected.append(encoder.records)
    }
    let decoded = try XCTUnwrap(InteropPython.json(Self.reader, paths) as? [[String: Any]])
    XCTAssertEqual(decoded.count, KafkaCompression.allCases.count)
    for (index, compression) in KafkaCompression.allCases.enumerated() {
      let batch = decoded[index]
      XCTAssertEqual(batch["crc"] as? Bool, true, "\(compression)")
      XCTAssertEqual((batch["codec"] as? NSNumber)?.int16Value, compression.rawValue)
      XCTAssertEqual((batch["last"] as? NSNumber)?.int64Value, 799)
      let records = (batch["records"] as? [[String: Any]] ?? []).map { item in
        KafkaRecord(
          offset: (item["offset"] as? NSNumber)?.int64Value ?? -1,
          timestamp: (item["timestamp"] as? NSNumber)?.int64Value ?? -1,
          key: (item["key"] as? String).map(Fixtures.hexBytes),
          value: (item["value"] as? String).map(Fixtures.hexBytes),
          headers: (item["headers"] as? [[Any]] ?? []).map {
            RecordHeader(key: $0[0] as? String ?? "", value: ($0[1] as? String).map(Fixtures.hexBytes))
          })
      }
      XCTAssertEqual(records, expected[index], "\(compression)")
    }
  }
}
