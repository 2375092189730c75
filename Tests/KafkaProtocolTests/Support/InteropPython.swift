import Foundation
import XCTest

/// Runs the interop Python (kafka-python, python-snappy, lz4, zstandard) on inline scripts:
/// `$SLUICE_INTEROP_PYTHON` (set by scripts/test.sh), else `.venv-interop/bin/python` in the
/// package root. Missing Python or packages fail the test with a message telling to run
/// scripts/test.sh — interop tests are never skipped silently.
enum InteropPython {
  static var packageRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
  }

  static func interpreter(file: StaticString, line: UInt) -> String? {
    if let path = ProcessInfo.processInfo.environment["SLUICE_INTEROP_PYTHON"], !path.isEmpty,
      FileManager.default.isExecutableFile(atPath: path)
    {
      return path
    }
    let fallback = packageRoot.appendingPathComponent(".venv-interop/bin/python").path
    if FileManager.default.isExecutableFile(atPath: fallback) { return fallback }
    XCTFail(
      "no interop Python: set SLUICE_INTEROP_PYTHON or run scripts/test.sh (it creates .venv-interop with "
        + "kafka-python, python-snappy, lz4, zstandard)", file: file, line: line)
    return nil
  }

  /// Runs `script` with `arguments` and parses its stdout as JSON; fails the test on a non-zero
  /// exit (showing stderr, e.g. a missing package: run scripts/test.sh).
  static func json(
    _ script: String, _ arguments: [String], file: StaticString = #filePath, line: UInt = #line
  )
    -> Any?
  {
    guard let python = interpreter(file: file, line: line) else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = ["-c", script] + arguments
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    do {
      try process.run()
    } catch {
      XCTFail("cannot start \(python): \(error)", file: file, line: line)
      return nil
    }
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    let errData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      XCTFail(
        "python exited with \(process.terminationStatus) (missing packages? run scripts/test.sh): "
          + String(decoding: errData, as: UTF8.self), file: file, line: line)
      return nil
    }
    do {
      return try JSONSerialization.jsonObject(with: outData)
    } catch {
      XCTFail(
        "python printed invalid JSON: \(String(decoding: outData, as: UTF8.self))", file: file, line: line)
      return nil
    }
  }
}

/// A fresh temporary directory removed at test teardown.
final class TemporaryDirectory {
  let url: URL

  init(for testCase: XCTestCase) {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sluice-kafka-tests-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    self.url = url
    testCase.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
  }

  func write(_ bytes: [UInt8], to name: String) throws -> String {
    let target = url.appendingPathComponent(name)
    try Data(bytes).write(to: target)
    return target.path
  }
}
