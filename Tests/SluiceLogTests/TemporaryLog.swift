import Foundation
import SluiceCore
import XCTest

@testable import SluiceLog

/// A log root in a fresh temporary directory, removed when the test case tears down.
final class TemporaryLog {
  let root: String

  init(for testCase: XCTestCase) {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("sluice-log-tests-\(UUID().uuidString)").path
    self.root = root
    testCase.addTeardownBlock { try? FileManager.default.removeItem(atPath: root) }
  }

  func store(_ configuration: LogConfiguration = .init()) throws -> LogStore {
    try LogStore(root: root, configuration: configuration)
  }

  func partitionDirectory(_ topic: String, _ partition: Int32) -> String {
    root + "/" + topic + "/" + String(partition)
  }

  /// Segment file paths of a partition, oldest first.
  func segmentFiles(_ topic: String, _ partition: Int32) throws -> [String] {
    let directory = partitionDirectory(topic, partition)
    return try FileManager.default.contentsOfDirectory(atPath: directory)
      .filter { $0.hasSuffix(".log") }.sorted().map { directory + "/" + $0 }
  }

  func size(_ path: String) throws -> Int64 {
    (try FileManager.default.attributesOfItem(atPath: path)[.size] as! NSNumber).int64Value
  }

  func truncate(_ path: String, to size: Int64) throws {
    let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
    try handle.truncate(atOffset: UInt64(size))
    try handle.close()
  }

  /// XORs the byte at `position` of `path` with `mask`.
  func flipByte(_ path: String, at position: Int64, mask: UInt8 = 0xFF) throws {
    var data = try Data(contentsOf: URL(fileURLWithPath: path))
    data[Int(position)] ^= mask
    try data.write(to: URL(fileURLWithPath: path))
  }
}

func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

/// Value `i` of a test stream: recognisable and of varying length.
func testValue(_ i: Int, length: Int = 40) -> [UInt8] {
  let prefix = "{\"i\":\(i),\"pad\":\""
  let pad = String(repeating: "x", count: max(0, length - prefix.utf8.count - 2) + i % 7)
  return Array((prefix + pad + "\"}").utf8)
}

extension RawRecords {
  func valueArray(_ i: Int) -> [UInt8] { Array(value(i)) }
  func keyArray(_ i: Int) -> [UInt8]? { key(i).map { Array($0) } }
}

/// Asserts `body` throws a `LogError` with `code` whose message contains every fragment.
func assertLogError<T>(
  _ code: LogError.Code, _ fragments: [String], file: StaticString = #filePath, line: UInt = #line,
  _ body: () throws -> T
) {
  do {
    _ = try body()
    XCTFail("expected a \(code) error", file: file, line: line)
  } catch let error as LogError {
    XCTAssertEqual(error.code, code, error.message, file: file, line: line)
    for fragment in fragments {
      XCTAssertTrue(
        error.message.contains(fragment), "\"\(error.message)\" lacks \"\(fragment)\"", file: file, line: line
      )
    }
  } catch {
    XCTFail("expected a LogError, got \(error)", file: file, line: line)
  }
}
