import Foundation
import KafkaProtocol
import SluiceCore
import XCTest

/// The committed fixtures next to this folder: record batches built by kafka-python, request
/// frames encoded by the generator from the protocol spec, and responses captured from Tansu
/// (see Fixtures/generate_fixtures.py).
enum Fixtures {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  static func bytes(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> [UInt8] {
    let url = directory.appendingPathComponent(name)
    guard let data = FileManager.default.contents(atPath: url.path) else {
      XCTFail(
        "missing fixture \(name); run Tests/KafkaProtocolTests/Fixtures/generate_fixtures.py", file: file,
        line: line)
      throw CocoaError(.fileNoSuchFile)
    }
    return [UInt8](data)
  }

  /// A response frame without its size prefix, as `KafkaFrameDecoder` returns it.
  static func response(_ name: String) throws -> [UInt8] { try bytes("response_\(name).bin") }

  /// The expected records of a batch fixture (written by the generator from its inputs).
  static func expectedRecords(_ name: String) throws -> [KafkaRecord] {
    let json = try JSONSerialization.jsonObject(with: Data(try bytes(name))) as? [[String: Any]] ?? []
    return json.map { item in
      KafkaRecord(
        offset: (item["offset"] as? NSNumber)?.int64Value ?? -1,
        timestamp: (item["timestamp"] as? NSNumber)?.int64Value ?? -1,
        key: (item["key"] as? String).map(hexBytes), value: (item["value"] as? String).map(hexBytes),
        headers: (item["headers"] as? [[Any]] ?? []).map { pair in
          RecordHeader(key: pair[0] as? String ?? "", value: (pair[1] as? String).map(hexBytes))
        })
    }
  }

  static func hexBytes(_ hex: String) -> [UInt8] {
    var out: [UInt8] = []
    var index = hex.startIndex
    while index < hex.endIndex {
      let next = hex.index(index, offsetBy: 2)
      out.append(UInt8(hex[index..<next], radix: 16) ?? 0)
      index = next
    }
    return out
  }
}

extension RawRecords {
  /// The records as `KafkaRecord`s (null values appear as empty) for comparisons.
  func asKafkaRecords() -> [KafkaRecord] {
    (0..<count).map { i in
      KafkaRecord(
        offset: offsets[i], timestamp: timestamps[i], key: key(i).map(Array.init), value: Array(value(i)),
        headers: headers(i))
    }
  }
}

extension KafkaRecord {
  /// This record as `RawRecords` stores it (a null value becomes empty bytes).
  var asStored: KafkaRecord {
    KafkaRecord(offset: offset, timestamp: timestamp, key: key, value: value ?? [], headers: headers)
  }
}
