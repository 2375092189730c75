import Foundation
import SluiceCore
import SluiceLog
import XCTest

/// Mutated log segments (and their indexes) through the reader: it never crashes, and whatever
/// it serves is a prefix of what was written — records in offset order from the requested one,
/// with the written bytes. Damage is an error (`LogError`), a torn tail simply ends the log;
/// never a wrong record.
final class LogSegmentFuzzTests: XCTestCase {
  func testMutatedSegmentsServeOnlyTheWrittenRecords() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sluice-fuzz-\(UUID().uuidString)"
    ).path
    defer { try? FileManager.default.removeItem(atPath: root) }
    let store = try LogStore(root: root, configuration: LogConfiguration(indexIntervalBytes: 256))
    _ = try store.createTopic("fz", partitions: 1)
    var values: [[UInt8]] = []
    let writer = try store.openWriter(topic: "fz")
    for i in 0..<300 {
      let value = Array(#"{"n":\#(i),"pad":"\#(String(repeating: "x", count: i % 40))"}"#.utf8)
      values.append(value)
      try writer.append(
        value: value, key: i % 3 == 0 ? Array("k\(i)".utf8) : nil, partition: 0, timestampMs: Int64(i))
    }
    try writer.close()
    let folder = root + "/fz/0"
    let segment = folder + "/" + String(repeating: "0", count: 20) + ".log"
    let index = folder + "/" + String(repeating: "0", count: 20) + ".index"
    let original = try Array(Data(contentsOf: URL(fileURLWithPath: segment)))
    let originalIndex = try Array(Data(contentsOf: URL(fileURLWithPath: index)))

    var outcomes = (errors: 0, prefixes: 0, full: 0)
    for round in 0..<600 {
      let seed = UInt64(5000 + round)
      var mutator = ByteMutator(seed: seed)
      let damaged = mutator.mutate(original, maxEdits: 3)
      try Data(damaged).write(to: URL(fileURLWithPath: segment))
      let indexBytes = mutator.int(0..<4) == 0 ? mutator.mutate(originalIndex, maxEdits: 2) : originalIndex
      try Data(indexBytes).write(to: URL(fileURLWithPath: index))
      let start = Int64(mutator.int(0..<2) == 0 ? 0 : mutator.int(0..<300))
      do {
        var next = start
        while true {
          let records = try store.read(topic: "fz", partition: 0, from: next, maxRecords: 97)
          if records.isEmpty { break }
          for i in 0..<records.count {
            XCTAssertEqual(records.offsets[i], next, "seed \(seed): offsets in order from \(start)")
            XCTAssertLessThan(Int(records.offsets[i]), values.count, "seed \(seed): no invented record")
            if Int(records.offsets[i]) < values.count {
              XCTAssertEqual(
                Array(records.value(i)), values[Int(records.offsets[i])], "seed \(seed): offset \(next)")
            }
            next += 1
          }
        }
        if next == Int64(values.count) { outcomes.full += 1 } else { outcomes.prefixes += 1 }
      } catch {
        outcomes.errors += 1
      }
    }
    XCTAssertGreaterThan(outcomes.errors, 100, "\(outcomes)")
    XCTAssertGreaterThan(outcomes.prefixes + outcomes.full, 10, "\(outcomes)")
  }
}
