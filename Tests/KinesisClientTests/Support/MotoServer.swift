import Foundation
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// A `moto_server` (PyPI `moto[server]`, the interop venv) on 127.0.0.1 and a free port, stopped by
/// PID. A missing moto is a test failure telling to run scripts/test.sh, never a silent skip.
final class MotoServer {
  let port: Int
  let process: Process
  let logFile: URL
  var endpoint: String { "http://127.0.0.1:\(port)" }

  /// The interop venv's Python: `$SLUICE_INTEROP_PYTHON`, else `.venv-interop/bin/python`.
  static var python: String? {
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

  /// Starts moto; `environment` adds variables (e.g. `INITIAL_NO_AUTH_ACTION_COUNT`).
  init(environment: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line) throws {
    guard let python = Self.python else {
      XCTFail(
        "no interop Python with moto: run scripts/test.sh (it installs moto[server] and boto3 into .venv-interop)",
        file: file, line: line)
      throw CocoaError(.fileNoSuchFile)
    }
    let binary = URL(fileURLWithPath: python).deletingLastPathComponent().appendingPathComponent(
      "moto_server")
    guard FileManager.default.isExecutableFile(atPath: binary.path) else {
      XCTFail(
        "moto_server is missing next to \(python): run scripts/test.sh (it installs moto[server])",
        file: file, line: line)
      throw CocoaError(.fileNoSuchFile)
    }
    port = try Self.freePort()
    logFile = FileManager.default.temporaryDirectory.appendingPathComponent("moto-\(UUID().uuidString).log")
    _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
    process = Process()
    process.executableURL = binary
    process.arguments = ["-H", "127.0.0.1", "-p", String(port)]
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let log = try FileHandle(forWritingTo: logFile)
    process.standardOutput = log
    process.standardError = log
    try process.run()
    try waitUntilListening()
  }

  func stop() {
    if process.isRunning {
      // moto_server may not stop on SIGTERM; it only holds test state in memory, so SIGKILL after a grace period.
      kill(process.processIdentifier, SIGTERM)
      let deadline = Date().addingTimeInterval(2)
      while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
      if process.isRunning { kill(process.processIdentifier, SIGKILL) }
      process.waitUntilExit()
    }
    try? FileManager.default.removeItem(at: logFile)
  }

  var log: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

  private func waitUntilListening() throws {
    let deadline = Date().addingTimeInterval(30)
    while Date() < deadline {
      if Self.canConnect(port) { return }
      guard process.isRunning else { break }
      Thread.sleep(forTimeInterval: 0.1)
    }
    let output = log
    stop()
    throw NSError(
      domain: "MotoServer", code: 1,
      userInfo: [NSLocalizedDescriptionKey: "moto_server did not start: \(output)"])
  }

  /// A port the OS reports free (bind 127.0.0.1:0).
  static func freePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
    }
    guard bound == 0 else { throw NSError(domain: "MotoServer", code: 2) }
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    return Int(UInt16(bigEndian: address.sin_port))
  }

  static func canConnect(_ port: Int) -> Bool {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = UInt16(port).bigEndian
    return withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    } == 0
  }

  /// Runs a Python script (boto3 against this server); returns its stdout.
  func python(_ script: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.python!)
    process.arguments = ["-c", script, endpoint]
    process.environment = ProcessInfo.processInfo.environment.merging([
      "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1",
    ]) { $1 }
    let output = Pipe()
    let errors = FileManager.default.temporaryDirectory.appendingPathComponent("py-\(UUID().uuidString).err")
    _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errors) }
    process.standardOutput = output
    process.standardError = try FileHandle(forWritingTo: errors)
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      let message = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
      XCTFail("python failed (\(process.terminationStatus)): \(message)", file: file, line: line)
      throw CocoaError(.executableLoad)
    }
    return String(decoding: data, as: UTF8.self)
  }
}
