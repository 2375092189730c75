import Foundation
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// `moto_server` from the interop venv on 127.0.0.1 and a free port (the stand-in for AWS Kinesis
/// in end-to-end tests), stopped by PID. Missing moto is a failure telling to run scripts/test.sh.
final class MotoServerProcess {
  let port: Int
  let process: Process
  var endpoint: String { "http://127.0.0.1:\(port)" }

  init(file: StaticString = #filePath, line: UInt = #line) throws {
    guard let python = InteropPython.interpreter else {
      XCTFail(
        "no interop Python: run scripts/test.sh (it installs moto[server] and boto3 into .venv-interop)",
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
    process = Process()
    process.executableURL = binary
    process.arguments = ["-H", "127.0.0.1", "-p", String(port)]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(30)
    while !Self.canConnect(port) {
      guard process.isRunning, Date() < deadline else {
        stop()
        throw NSError(
          domain: "moto", code: 1, userInfo: [NSLocalizedDescriptionKey: "moto_server did not start"])
      }
      Thread.sleep(forTimeInterval: 0.1)
    }
  }

  /// SIGTERM, then SIGKILL after a grace period (moto_server may ignore SIGTERM; it keeps nothing on disk).
  func stop() {
    guard process.isRunning else { return }
    kill(process.processIdentifier, SIGTERM)
    let deadline = Date().addingTimeInterval(2)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
  }

  static func freePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
    }
    guard bound == 0 else { throw NSError(domain: "moto", code: 2) }
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
}
