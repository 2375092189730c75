import Foundation
import SluiceCore
import SluiceEmulator
import SluiceLog

/// `sluice-bench`: measures Sluice's building blocks and the pin job on emulator output and
/// prints a Markdown table (or, with `--json`, one JSON object). See `--help`.
@main
struct SluiceBenchMain {
  static func main() async {
    let options: BenchOptions
    do {
      guard let parsed = try BenchOptions.parse(Array(CommandLine.arguments.dropFirst())) else {
        print(BenchOptions.help)
        return
      }
      options = parsed
    } catch {
      ProgressLine.say("sluice-bench: \(error)")
      exit(2)
    }
    do {
      let report = try await run(options)
      ProgressLine.writeAll((options.json ? report.json.pretty : report.table) + "\n", to: STDOUT_FILENO)
      if let path = options.jsonOut { try save(report.json.pretty + "\n", to: path) }
    } catch {
      ProgressLine.say("sluice-bench: error: \(error)")
      exit(1)
    }
  }

  static func run(_ options: BenchOptions) async throws -> BenchReport {
    let machine = MachineInfo.current()
    ProgressLine.say("sluice-bench: \(machine.summary)")
    if machine.buildConfiguration != "release" {
      ProgressLine.say(
        "sluice-bench: warning: this is a \(machine.buildConfiguration) build; figures are not representative. "
          + "Use scripts/bench.sh (release build)")
    }
    // The end-to-end child runs first, while this process is still small: on Linux a child's
    // ru_maxrss starts from the RSS of the forked parent, so a parent holding the fixtures
    // would inflate the child's peak.
    var childResult: CaseResult?
    if options.cases.contains(.pipelinePin), !runsPipelineInProcess(options) {
      childResult = try PipelineChild.run(options)
    }
    let fixture = BenchFixture(options: options)
    var results: [CaseResult] = []
    for item in options.cases {
      if item == .pipelinePin, let childResult {
        results.append(childResult)
      } else {
        results.append(try await run(item, options: options, fixture: fixture))
      }
    }
    return BenchReport(machine: machine, options: options, results: results)
  }

  static func run(_ item: BenchCase, options: BenchOptions, fixture: BenchFixture) async throws -> CaseResult
  {
    switch item {
    case .emulate: return try EmulateBench.emulate(options)
    case .emulateLog: return try EmulateBench.emulateLog(options)
    case .decodePin: return try DecodeBench.run(item, kind: .pin, fixture: fixture)
    case .decodeGeo: return try DecodeBench.run(item, kind: .geo, fixture: fixture)
    case .decodeUser: return try DecodeBench.run(item, kind: .user, fixture: fixture)
    case .cleanPin: return try CleanBench.run(item, kind: .pin, fixture: fixture)
    case .cleanGeo: return try CleanBench.run(item, kind: .geo, fixture: fixture)
    case .cleanUser: return try CleanBench.run(item, kind: .user, fixture: fixture)
    case .logAppend: return try LogBench.append(item, fsync: .never, fixture: fixture)
    case .logAppendFsync:
      return try LogBench.append(item, fsync: .interval(milliseconds: 1000), fixture: fixture)
    case .logRead: return try LogBench.read(fixture: fixture)
    case .encodeJSONL: return try EncodeBench.run(fixture: fixture)
    case .pipelinePin:
      guard runsPipelineInProcess(options) else { return try PipelineChild.run(options) }
      var result = try await PipelineBench.run(options)
      result.extras.append(("process", .string(options.inProcess ? "in-process" : "alone")))
      return result
    }
  }

  /// `pipeline-pin` runs in this process when asked to, or when it is the only case (the
  /// process then holds nothing else); otherwise in a child.
  static func runsPipelineInProcess(_ options: BenchOptions) -> Bool {
    options.inProcess || options.cases == [.pipelinePin]
  }

  static func save(_ text: String, to path: String) throws {
    let directory = (path as NSString).deletingLastPathComponent
    if !directory.isEmpty {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    ProgressLine.say("sluice-bench: JSON report saved to \(path)")
  }
}
