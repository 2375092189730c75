import Foundation
import SluiceCore
import SluiceEmulator
import SluiceLog
import SluiceRuntime

/// `sluice-bench`: measures Sluice's building blocks and the pin job on emulator output and
/// prints a Markdown table (or, with `--json`, one JSON object). See `--help`.
@main
struct SluiceBenchMain {
  static func main() async {
    AllocatorTuning.applyForBatchWork()  // as `sluice` does
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
    // The end-to-end children run first, while this process is still small: on Linux a child's
    // ru_maxrss starts from the RSS of the forked parent, so a parent holding the fixtures
    // would inflate the child's peak. The delta-rs peer (a Python child) runs before the
    // fixtures too.
    var early: [BenchCase: CaseResult] = [:]
    for item in options.cases where item.isPipeline && !runsPipelineInProcess(options) {
      early[item] = try PipelineChild.run(item, options: options)
    }
    if options.cases.contains(.peerDeltaRsPin) {
      early[.peerDeltaRsPin] = try PeerDeltaRsBench.run(options)
    }
    let fixture = BenchFixture(options: options)
    var results: [CaseResult] = []
    for item in options.cases {
      if let result = early[item] {
        results.append(result)
      } else {
        results += try await run(item, options: options, fixture: fixture)
      }
    }
    PeerDeltaRsBench.compare(&results)
    return BenchReport(machine: machine, options: options, results: results)
  }

  static func run(_ item: BenchCase, options: BenchOptions, fixture: BenchFixture) async throws
    -> [CaseResult]
  {
    switch item {
    case .deltaOpen: return try DeltaOpenBench.run(fixture: fixture)
    case .parquetEncode: return try ParquetEncodeBench.run(fixture: fixture)
    default: return [try await runSingle(item, options: options, fixture: fixture)]
    }
  }

  static func runSingle(_ item: BenchCase, options: BenchOptions, fixture: BenchFixture) async throws
    -> CaseResult
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
    case .parquetEncode: return try ParquetEncodeBench.run(fixture: fixture)[0]
    case .pipelinePin, .pipelinePinDelta:
      guard runsPipelineInProcess(options) else { return try PipelineChild.run(item, options: options) }
      var result = try await PipelineBench.run(item, options: options)
      result.extras.append(("process", .string(options.inProcess ? "in-process" : "alone")))
      return result
    case .peerDeltaRsPin: return try PeerDeltaRsBench.run(options)
    case .deltaOpen: return try DeltaOpenBench.run(fixture: fixture)[0]
    }
  }

  /// The pin jobs run in this process when asked to, or when one is the only case (the process
  /// then holds nothing else); otherwise each in a child.
  static func runsPipelineInProcess(_ options: BenchOptions) -> Bool {
    options.inProcess || (options.cases.count == 1 && options.cases[0].isPipeline)
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
