import Foundation
import XCTest

/// Runs Python scripts in the interop venv (delta-rs, pyarrow, DuckDB) against tables the
/// `sluice` binary wrote, and returns the one JSON document each script prints.
///
/// The interpreter is `$SLUICE_INTEROP_PYTHON` (exported by scripts/test.sh), else
/// `.venv-interop/bin/python` at the package root. A missing interpreter is a test failure
/// telling how to get one, never a silent skip.
enum InteropPython {
  static var packageRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }

  static var interpreter: String? {
    if let path = ProcessInfo.processInfo.environment["SLUICE_INTEROP_PYTHON"], !path.isEmpty,
      FileManager.default.isExecutableFile(atPath: path)
    {
      return path
    }
    let candidate = packageRoot.appendingPathComponent(".venv-interop/bin/python").path
    return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
  }

  /// Python that defines `duckdb_connection()`: DuckDB with the pinned delta extension loaded
  /// from its PyPI package (autoinstall/autoload off: never goes to the network).
  static let duckDBPrelude = """
    import os, duckdb, duckdb_extension_delta
    def duckdb_connection():
        ext = os.path.join(os.path.dirname(duckdb_extension_delta.__file__), "extensions", "v1.5.5",
                           "delta.duckdb_extension")
        con = duckdb.connect(config={"autoinstall_known_extensions": False,
                                     "autoload_known_extensions": False})
        con.execute("LOAD '" + ext + "'")
        return con

    """

  /// Runs `script` with `arguments` in `directory`; the script prints one JSON document.
  static func run(
    _ script: String, _ arguments: [String] = [], in directory: URL? = nil, file: StaticString = #filePath,
    line: UInt = #line
  ) throws -> Any {
    guard let python = interpreter else {
      XCTFail(
        "no interop Python: run scripts/test.sh (it creates .venv-interop with deltalake, pyarrow and duckdb) "
          + "or set SLUICE_INTEROP_PYTHON", file: file, line: line)
      throw CocoaError(.fileNoSuchFile)
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = ["-c", script + exitWithoutTeardown] + arguments
    if let directory { process.currentDirectoryURL = directory }
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
    guard process.terminationStatus == 0 else {
      XCTFail(
        "python failed (\(process.terminationStatus)): \(String(decoding: errData, as: UTF8.self))",
        file: file,
        line: line)
      throw CocoaError(.executableLoad)
    }
    return try JSONSerialization.jsonObject(with: outData, options: [.fragmentsAllowed])
  }
}

/// Appended to every script: after it printed its result, leave without interpreter teardown,
/// where the native engines' (DuckDB, delta-rs) background threads can abort the process with
/// "terminate called without an active exception". A script that raised never gets here.
private let exitWithoutTeardown = "\nimport os as _os, sys as _sys\n_sys.stdout.flush()\n_os._exit(0)\n"
