import Foundation
import XCTest

/// Runs the built `sluice` binary in a scratch folder, the way a user would.
struct SluiceProcess {
  struct Result {
    var status: Int32
    var killedBySignal: Bool
    var stdout: String
    var stderr: String
    var output: String { stdout + stderr }
  }

  let workingDirectory: URL

  static var binary: URL {
    // The test bundle lives next to the products of the same build (.build/<config>/).
    let products =
      Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }?.bundleURL
      .deletingLastPathComponent()
      ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    return products.appendingPathComponent("sluice")
  }

  static func scratch() throws -> SluiceProcess {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sluice-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return SluiceProcess(workingDirectory: dir)
  }

  func remove() {
    try? FileManager.default.removeItem(at: workingDirectory)
  }

  @discardableResult
  func run(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil) throws -> Result
  {
    let process = Process()
    process.executableURL = Self.binary
    process.arguments = arguments
    process.currentDirectoryURL = workingDirectory
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let input = Pipe()
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    // Drain both pipes while the process runs so it never blocks on a full pipe.
    nonisolated(unsafe) var outData = Data()
    nonisolated(unsafe) var errData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      outData = out.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    errData = err.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, killedBySignal: process.terminationReason == .uncaughtSignal,
      stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
  }

  /// Starts `sluice` without waiting (for concurrency tests).
  func start(_ arguments: [String]) throws -> Process {
    let process = Process()
    process.executableURL = Self.binary
    process.arguments = arguments
    process.currentDirectoryURL = workingDirectory
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
  }

  func write(_ text: String, to relativePath: String) throws {
    let url = workingDirectory.appendingPathComponent(relativePath)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  func path(_ relative: String) -> String { workingDirectory.appendingPathComponent(relative).path }

  /// All JSON objects in the sink folder's batch files, in batch order.
  func sinkRows(_ relativeFolder: String) throws -> [[String: Any]] {
    let folder = path(relativeFolder)
    let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
      .filter { $0.hasPrefix("part-") && $0.hasSuffix(".jsonl") }.sorted()
    var rows: [[String: Any]] = []
    for file in files {
      let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
      for line in text.split(separator: "\n") {
        rows.append(try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any])
      }
    }
    return rows
  }

  /// Values of all records in a topic (every partition), read back with `sluice log read --json`.
  func topicRecords(_ topic: String, partitions: Int, log: String = "log") throws -> [[String: Any]] {
    var records: [[String: Any]] = []
    for p in 0..<partitions {
      let result = try run([
        "log", "read", topic, "--log", log, "--partition", String(p), "--max", "10000000", "--json",
      ])
      XCTAssertEqual(result.status, 0, result.output)
      for line in result.stdout.split(separator: "\n") {
        let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        records.append(record)
      }
    }
    return records
  }
}
