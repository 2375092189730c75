import Foundation
import SluiceCore
import XCTest

/// Runs the interop Python (pyarrow) on inline scripts.
///
/// The interpreter is `$SLUICE_INTEROP_PYTHON` (set by scripts/test.sh), else
/// `.venv-interop/bin/python` in the package root. When neither exists the test fails with a
/// message telling to run scripts/test.sh: interop tests are never skipped silently.
enum InteropPython {
  static var packageRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
  }

  static func interpreter(file: StaticString = #filePath, line: UInt = #line) -> String? {
    if let path = ProcessInfo.processInfo.environment["SLUICE_INTEROP_PYTHON"], !path.isEmpty,
      FileManager.default.isExecutableFile(atPath: path)
    {
      return path
    }
    let fallback = packageRoot.appendingPathComponent(".venv-interop/bin/python").path
    if FileManager.default.isExecutableFile(atPath: fallback) { return fallback }
    XCTFail(
      "no interop Python: set SLUICE_INTEROP_PYTHON or run scripts/test.sh (it creates .venv-interop "
        + "with pyarrow)", file: file, line: line)
    return nil
  }

  /// Runs `script` with `arguments`; returns stdout. Fails the test (and returns nil) on a
  /// non-zero exit, showing stderr.
  static func run(
    _ script: String, _ arguments: [String], file: StaticString = #filePath, line: UInt = #line
  ) -> Data? {
    guard let python = interpreter(file: file, line: line) else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = ["-c", script + exitWithoutTeardown] + arguments
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
        "python exited with \(process.terminationStatus): \(String(decoding: errData, as: UTF8.self))",
        file: file, line: line)
      return nil
    }
    return outData
  }

  /// Runs `script` and parses its stdout as a JSON object.
  static func json(
    _ script: String, _ arguments: [String], file: StaticString = #filePath, line: UInt = #line
  ) -> [String: Any]? {
    guard let data = run(script, arguments, file: file, line: line) else { return nil }
    do {
      guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
        XCTFail("python did not print a JSON object", file: file, line: line)
        return nil
      }
      return object
    } catch {
      XCTFail(
        "python printed invalid JSON (\(error)): \(String(decoding: data, as: UTF8.self))", file: file,
        line: line)
      return nil
    }
  }
}

/// A fresh temporary directory removed at test teardown.
final class TemporaryDirectory {
  let path: String

  init(for testCase: XCTestCase) {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("sluice-parquet-tests-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    self.path = path
    testCase.addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
  }

  func file(_ name: String) -> String { path + "/" + name }

  func write(_ bytes: [UInt8], to name: String) throws -> String {
    let target = file(name)
    try Data(bytes).write(to: URL(fileURLWithPath: target))
    return target
  }
}

/// Appended to every script: after it printed its result, leave without interpreter teardown,
/// where the native engines' (DuckDB, delta-rs) background threads can abort the process with
/// "terminate called without an active exception". A script that raised never gets here.
private let exitWithoutTeardown = "\nimport os as _os, sys as _sys\n_sys.stdout.flush()\n_os._exit(0)\n"
