import Foundation
import SluiceCore

/// Runs `pipeline-pin` or `pipeline-pin-delta` in a child `sluice-bench` so that its peak RSS
/// (`ru_maxrss` is per process) is not inflated by the fixtures of the micro cases. The child
/// inherits stderr (its progress lines show up as they happen) and prints its JSON report on
/// stdout.
enum PipelineChild {
  static func run(_ item: BenchCase, options: BenchOptions) throws -> CaseResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executablePath())
    process.arguments = [
      "--only", item.rawValue, "--e2e-records", String(options.endToEndRecords),
      "--repeat", String(options.repeats), "--batch", String(options.batchSize), "--seed",
      String(options.seed),
      "--json", "--in-process",
    ]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.standardError
    ProgressLine.say("\(item.rawValue): running in a child process (pid follows)")
    do {
      try process.run()
    } catch {
      throw BenchError(.childProcess, "cannot start \(executablePath()) for \(item.rawValue): \(error)")
    }
    ProgressLine.say("\(item.rawValue): child pid \(process.processIdentifier)")
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationReason == .exit, process.terminationStatus == 0 else {
      throw BenchError(
        .childProcess,
        "the \(item.rawValue) child process failed (status \(process.terminationStatus)); its messages are "
          + "above. Run `sluice-bench --only \(item.rawValue) --in-process` to reproduce")
    }
    let text = String(decoding: data, as: UTF8.self)
    let report: JSONValue
    do {
      report = try JSONValue.parse(text)
    } catch {
      throw BenchError(
        .childProcess, "the \(item.rawValue) child printed no JSON report (\(error)): \(text.prefix(200))")
    }
    guard let first = report["results"]?.arrayValue?.first else {
      throw BenchError(
        .childProcess, "the \(item.rawValue) child's report has no results: \(text.prefix(200))")
    }
    var result = try CaseResult(json: first)
    result.extras.removeAll { $0.0 == "process" }
    result.extras.append(("process", .string("child")))
    return result
  }

  /// This executable (`/proc/self/exe` on Linux).
  static func executablePath() -> String {
    if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      return resolved
    }
    return Bundle.main.executablePath ?? CommandLine.arguments[0]
  }
}
