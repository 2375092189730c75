import Foundation
import SluiceCore
import XCTest

/// Runs Python scripts in the interop venv (delta-rs, pyarrow, duckdb) and returns their JSON
/// output. The interpreter is `$SLUICE_INTEROP_PYTHON` (set by scripts/test.sh), else
/// `.venv-interop/bin/python` at the package root. Missing interpreter = test failure, never a
/// silent skip.
enum InteropPython {
  static var interpreter: String? {
    if let path = ProcessInfo.processInfo.environment["SLUICE_INTEROP_PYTHON"], !path.isEmpty,
      FileManager.default.isExecutableFile(atPath: path)
    {
      return path
    }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let candidate = root.appendingPathComponent(".venv-interop/bin/python").path
    return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
  }

  /// Runs `script` with `arguments`; the script prints one JSON document on stdout.
  static func run(
    _ script: String, _ arguments: [String] = [], file: StaticString = #filePath, line: UInt = #line
  )
    throws -> JSONValue
  {
    guard let python = interpreter else {
      XCTFail(
        "no interop Python: run scripts/test.sh (it creates .venv-interop with deltalake, pyarrow, duckdb) "
          + "or set SLUICE_INTEROP_PYTHON", file: file, line: line)
      throw CocoaError(.fileNoSuchFile)
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = ["-c", script + exitWithoutTeardown] + arguments
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    let errData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: outData, as: UTF8.self)
    guard process.terminationStatus == 0 else {
      XCTFail(
        "python failed (\(process.terminationStatus)): \(String(decoding: errData, as: UTF8.self))",
        file: file,
        line: line)
      throw CocoaError(.executableLoad)
    }
    return try JSONValue.parse(text)
  }
}

/// Appended to every script: after it printed its result, leave without interpreter teardown,
/// where the native engines' (DuckDB, delta-rs) background threads can abort the process with
/// "terminate called without an active exception". A script that raised never gets here.
private let exitWithoutTeardown = "\nimport os as _os, sys as _sys\n_sys.stdout.flush()\n_os._exit(0)\n"
