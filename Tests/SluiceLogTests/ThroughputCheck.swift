import Foundation
import XCTest

@testable import SluiceLog

/// A manual throughput self-check, not a timed assertion: run with
/// `SLUICE_LOG_THROUGHPUT=1 swift test --filter ThroughputCheck` (records via
/// `SLUICE_LOG_THROUGHPUT_RECORDS`, default 200000). Debug builds are several times slower than
/// release; the benchmark executable reports the real figures.
final class ThroughputCheck: XCTestCase {
  func testAppendAndReadThroughput() throws {
    let environment = ProcessInfo.processInfo.environment
    try XCTSkipUnless(environment["SLUICE_LOG_THROUGHPUT"] == "1", "set SLUICE_LOG_THROUGHPUT=1 to run")
    let count = Int(environment["SLUICE_LOG_THROUGHPUT_RECORDS"] ?? "") ?? 200_000
    let store = try TemporaryLog(for: self).store()
    try store.createTopic("bench", partitions: 1)
    let value = [UInt8](repeating: UInt8(ascii: "x"), count: 640)
    let key = bytes("user-12345")
    let writer = try store.openWriter(topic: "bench")
    let appendStart = Date()
    try value.withUnsafeBytes { v in
      try key.withUnsafeBytes { k in
        for i in 0..<count { try writer.append(value: v, key: k, partition: 0, timestampMs: Int64(i)) }
      }
    }
    try writer.close()
    let appendSeconds = Date().timeIntervalSince(appendStart)
    let megabytes = Double(count * (value.count + key.count)) / 1e6
    let readStart = Date()
    var next: Int64 = 0
    while next < Int64(count) {
      let records = try store.read(topic: "bench", partition: 0, from: next, maxRecords: 100_000)
      next += Int64(records.count)
    }
    let readSeconds = Date().timeIntervalSince(readStart)
    XCTAssertEqual(next, Int64(count))
    print(
      "log throughput: \(count) records of \(value.count + key.count) bytes: append "
        + "\(Int(megabytes / appendSeconds)) MB/s, read \(Int(megabytes / readSeconds)) MB/s")
  }
}
