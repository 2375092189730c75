import Foundation
import XCTest

/// A `sluice serve` process on a free port (`--port 0`; the port is read from its first output
/// line), stopped with SIGTERM by its pid.
final class GatewayProcess {
  let process: Process
  let url: String
  private let output: Pipe
  private let errors: Pipe

  /// Starts `sluice serve` in `sluice`'s folder with `arguments` and waits until it listens.
  init(_ sluice: SluiceProcess, arguments: [String]) throws {
    process = Process()
    process.executableURL = SluiceProcess.binary
    process.arguments = ["serve", "--port", "0"] + arguments
    process.currentDirectoryURL = sluice.workingDirectory
    output = Pipe()
    errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    var firstLine: [UInt8] = []
    let reader = output.fileHandleForReading
    while !firstLine.contains(UInt8(ascii: "\n")) {
      let chunk = reader.readData(ofLength: 1)
      if chunk.isEmpty { break }
      firstLine += chunk
    }
    let line = String(decoding: firstLine, as: UTF8.self)
    guard let range = line.range(of: "http://"), let end = line[range.lowerBound...].firstIndex(of: " ")
    else {
      process.waitUntilExit()
      let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      throw GatewayStartFailure(message: "sluice serve did not start: \(line) \(stderr)")
    }
    url = String(line[range.lowerBound..<end])
  }

  /// Sends SIGTERM and waits; returns the exit status and everything printed after the first line.
  @discardableResult
  func stop() -> (status: Int32, output: String) {
    if process.isRunning { kill(process.processIdentifier, SIGTERM) }
    process.waitUntilExit()
    let rest = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    return (process.terminationStatus, rest + stderr)
  }

  deinit {
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
  }
}

struct GatewayStartFailure: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}
