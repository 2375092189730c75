import Foundation
import SluiceCore
import Synchronization
import XCTest

@testable import SluiceLog

/// One writer and several readers on the same topic at once, with small segments so the
/// writer rolls while readers read: readers only ever see complete records, in offset order,
/// with no gap, and each record's value is the one written at that offset.
final class ConcurrentReadersTests: XCTestCase {
  func testOneWriterAndFourReadersUnderLoad() throws {
    let log = TemporaryLog(for: self)
    let store = try log.store(LogConfiguration(segmentBytes: 64 * 1024, writeBufferBytes: 8 * 1024))
    _ = try store.createTopic("load", partitions: 2)
    let total = 40_000
    let done = Atomic<Bool>(false)
    let failures = Mutex<[String]>([])

    let writer = Thread {
      do {
        let topic = try store.openWriter(topic: "load")
        for i in 0..<total {
          let partition = Int32(i % 2)
          let offset = Int64(i / 2)
          let value =
            Array("p\(partition)-o\(offset)-".utf8) + Array(repeating: UInt8(65 + i % 26), count: i % 300)
          try topic.append(value: value, partition: partition, timestampMs: Int64(i))
          if i % 97 == 0 { try topic.flush() }
        }
        try topic.close()
      } catch {
        failures.withLock { $0.append("writer: \(error)") }
      }
      done.store(true, ordering: .sequentiallyConsistent)
    }
    writer.start()

    let readers = 4
    let group = DispatchGroup()
    let seen = Mutex<[Int]>([])
    for r in 0..<readers {
      group.enter()
      Thread {
        defer { group.leave() }
        var next: [Int64] = [0, 0]
        var count = 0
        while true {
          let finished = done.load(ordering: .sequentiallyConsistent)
          var progressed = false
          for partition in 0..<2 {
            do {
              let records = try store.read(
                topic: "load", partition: Int32(partition), from: next[partition], maxRecords: 200 + 37 * r)
              for i in 0..<records.count {
                let offset = records.offsets[i]
                let value = Array(records.value(i))
                let prefix = Array("p\(partition)-o\(offset)-".utf8)
                let n = Int(offset) * 2 + partition
                if offset != next[partition] || Array(value.prefix(prefix.count)) != prefix
                  || value.count != prefix.count + n % 300
                {
                  failures.withLock {
                    $0.append(
                      "reader \(r): partition \(partition) expected offset \(next[partition]), got \(offset)")
                  }
                  return
                }
                next[partition] += 1
                count += 1
              }
              progressed = progressed || records.count > 0
            } catch {
              failures.withLock { $0.append("reader \(r): \(error)") }
              return
            }
          }
          if finished && !progressed { break }
        }
        seen.withLock { $0.append(count) }
      }.start()
    }
    XCTAssertEqual(group.wait(timeout: .now() + 120), .success, "readers finished")
    XCTAssertEqual(failures.withLock { $0 }, [])
    XCTAssertEqual(
      seen.withLock { $0 }, Array(repeating: total, count: readers), "every reader saw every record once")
    XCTAssertGreaterThan(
      try log.segmentFiles("load", 0).count, 3, "the writer rolled segments under the readers")
  }
}
