import Foundation
import XCTest

/// A short run of `scripts/crash-harness.sh` (the long one, ≥ 200 kills, is in the README):
/// the three Pinterest jobs into Delta are killed ~20 times at random fault points (SIGKILL and
/// `_exit`) and random times while a producer appends (and is torn mid-append); afterwards
/// delta-rs and Sluice's own reader each find every record exactly once, no version references
/// a missing file and the table history matches `commits/`.
final class CrashHarnessEndToEndTests: XCTestCase {
  func testTwentyKillsLeaveEveryRecordExactlyOnce() throws {
    guard let python = InteropPython.interpreter else {
      XCTFail("no interop Python: run scripts/test.sh (it creates .venv-interop with deltalake)")
      return
    }
    let work = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sluice-crash-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: work) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [
      InteropPython.packageRoot.appendingPathComponent("scripts/crash_harness.py").path,
      "--binary", SluiceProcess.binary.path, "--kills", "20", "--seed", "7", "--records", "1200",
      "--batch-records", "150", "--work", work.path, "--json",
    ]
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    nonisolated(unsafe) var errData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      errData = errors.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    let stderr = String(decoding: errData, as: UTF8.self)
    let text = String(decoding: outData, as: UTF8.self)
    guard let line = text.split(separator: "\n").last,
      let report = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
    else {
      XCTFail("the harness printed no report (status \(process.terminationStatus)): \(text)\n\(stderr)")
      return
    }
    XCTAssertEqual(process.terminationStatus, 0, "\(report)\n\(stderr)")
    XCTAssertEqual(report["ok"] as? Bool, true, "\(report)")
    XCTAssertGreaterThanOrEqual(report["kills"] as? Int ?? 0, 20)
    XCTAssertEqual(report["duplicates"] as? Int, 0)
    XCTAssertEqual(report["gaps"] as? Int, 0)
    let produced = report["recordsProduced"] as? Int ?? 0
    XCTAssertGreaterThanOrEqual(produced, 3 * 1200)
    XCTAssertEqual(report["recordsInTables"] as? Int, produced)
    let kinds = (report["killsByPoint"] as? [String: Int] ?? [:]).keys
    XCTAssertGreaterThanOrEqual(kinds.count, 4, "kills spread over fault points: \(kinds.sorted())")
    for (job, entry) in report["jobs"] as? [String: [String: Any]] ?? [:] {
      XCTAssertEqual((entry["missingFiles"] as? [String])?.count, 0, job)
      XCTAssertEqual((entry["history"] as? [String: Any])?["problems"] as? [String], [], job)
    }
  }
}
