import Logging
import SluiceCore
import SluiceJob
import SluiceLog
import SluiceRuntime

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `pipeline-pin` / `pipeline-pin-delta`: the pin job end to end, as a user runs it. Emulates
/// `--e2e-records` events into a temporary log (untimed), then per run (after an untimed
/// `sync()`) writes a job file with `trigger: availableNow` and a JSON-lines sink
/// (`pipeline-pin`) or a Delta table (`pipeline-pin-delta`, `sink: {kind: delta}`), assembles
/// it with ``JobAssembly`` and times `runQuery()` (start-up, every batch with its checkpoint
/// writes, and the sink's fsyncs and commits included).
///
/// Extras: per-batch latency (p50/p99 of `durations.triggerExecution`), the mean time per
/// phase, the resident memory during (peak) and after each batch, and the process's peak RSS.
/// For the Delta job also the sink's per-batch time (`addBatch`: Parquet encoding, data-file
/// writes, log commit, checkpoints) against the commit aim, the written table's row count and
/// `follower_count` sum (compared with the delta-rs peer), and a ``DeltaWriteBreakdown`` of
/// the sink's time.
enum PipelineBench {
  /// The issue's aim for the steady resident set with 100k-record batches (200 MB, 10^6 bytes).
  static let residentLimit = 200e6
  /// The issue's aim for committing one 100k-record batch to Delta, in milliseconds.
  static let commitLimitMs = 300.0

  /// The job's logger: it would print a line per batch (to stdout, swift-log's default), which
  /// is not what is measured and would mix with the report.
  static let quietLogger = Logger(label: "sluice.bench.job", factory: { _ in SwiftLogNoOpLogHandler() })

  static func run(_ item: BenchCase, options: BenchOptions) async throws -> CaseResult {
    let scratch = try ScratchDirectory(item.rawValue)
    defer { scratch.remove() }
    let logPath = scratch.child("log")
    let inputBytes = try prepareLog(at: logPath, item: item, options: options)
    let residentBefore = ProcessMemory.residentBytes() ?? 0
    let observer = BatchObserver()
    var timedBatches: [BatchObserver.Observation] = []
    var startToFirstPlannedMs: [Double] = []
    var tableFacts: DeltaTableFacts?
    let samples = try await Repetitions.measure(item.rawValue, count: options.repeats) { repetition in
      let runDirectory = scratch.child("run-\(repetition)")
      defer { ScratchDirectory.removeTree(runDirectory) }
      // Write back what earlier steps left dirty (the emulated log, the previous run's
      // output), so a run's fsyncs wait only for its own data.
      sync()
      let spec = try jobSpec(
        item, logPath: logPath, runDirectory: runDirectory, batchSize: options.batchSize)
      observer.startWindow()
      let startedWallMs = SystemRuntimeClock().wallClockMs
      let (summary, elapsed) = try await Stopwatch.timeAsync { () async throws -> RunSummary in
        let assembled = try JobAssembly.assemble(spec, logger: quietLogger, onProgress: observer.callback)
        defer { assembled.lock.release() }
        return try await assembled.runner.runQuery()
      }
      let batches = observer.drain()
      if repetition > 0, let first = batches.first {
        startToFirstPlannedMs.append(
          Double(first.startedWallMs - startedWallMs) + first.durations.latestOffset.milliseconds)
      }
      guard summary.rowsIn == options.endToEndRecords, summary.rowsOut == summary.rowsIn else {
        throw BenchError(
          .caseFailed,
          "\(item.rawValue): the job read \(summary.rowsIn) and wrote \(summary.rowsOut) rows, expected "
            + "\(options.endToEndRecords) each (\(summary))")
      }
      if repetition > 0 { timedBatches += batches }
      if item == .pipelinePinDelta, repetition == options.repeats {
        tableFacts = try DeltaTableFacts.read(tablePath: runDirectory + "/table")
      }
      return RunSample(elapsed: elapsed, records: summary.rowsIn, bytes: inputBytes)
    }
    var result = CaseResult(item, unit: "records", bytesMeaning: "JSON in", samples: samples)
    describe(timedBatches, residentBefore: residentBefore, into: &result)
    describeStart(startToFirstPlannedMs, into: &result)
    if item == .pipelinePinDelta {
      describeDelta(timedBatches, facts: tableFacts, into: &result)
      // After the peak RSS was read: the breakdown holds its own batches.
      let breakdown = try DeltaWriteBreakdown.run(logPath: logPath, scratch: scratch, options: options)
      breakdown.describe(into: &result)
    }
    return result
  }

  /// Emulates the events into a 3-partition log (pin, geo and user topics) and returns the
  /// pin payload bytes (what the job decodes).
  static func prepareLog(at path: String, item: BenchCase, options: BenchOptions) throws -> Int {
    ProgressLine.say(
      "\(item.rawValue): emulating \(Format.count(options.endToEndRecords)) events into \(path) (untimed)")
    let plan = EmulationPlan(
      logPath: path, count: options.endToEndRecords, seed: options.seed, partitions: 3, fsync: .never)
    _ = try EmulationRun.run(plan)
    let store = try LogStore(root: path)
    let topic = plan.topic(.pin)
    var bytes = 0
    for partition in try store.describe(topic: topic).partitions {
      var next = partition.earliestOffset
      while next < partition.latestOffset {
        let chunk = try store.read(
          topic: topic, partition: partition.partition, from: next, maxRecords: 100_000)
        guard !chunk.isEmpty else { break }
        next += Int64(chunk.count)
        bytes += chunk.valueByteCount
      }
    }
    return bytes
  }

  /// The pin job as a user would write it, validated by the real job-file parser: a JSON-lines
  /// sink into `out/` or (`pipeline-pin-delta`) a Delta table in `table/` with the defaults
  /// (ZSTD level 3 Parquet, a checkpoint every 10 versions).
  static func jobSpec(_ item: BenchCase, logPath: String, runDirectory: String, batchSize: Int) throws
    -> JobSpec
  {
    let sink =
      item == .pipelinePinDelta
      ? """
      sink:
        kind: delta
        path: '\(runDirectory)/table'
      """
      : """
      sink:
        kind: jsonl
        path: '\(runDirectory)/out'
      """
    let yaml = """
      name: bench-pin
      source:
        kind: log
        path: '\(logPath)'
        topics: [pinterest.pin]
        startingOffsets: earliest
        maxRecordsPerBatch: \(batchSize)
      transforms:
        - clean: pin
      \(sink)
      checkpoint: '\(runDirectory)/checkpoint'
      trigger: availableNow
      onError: fail
      """
    return try JobSpec.parse(yaml: yaml, file: "bench-pin.yaml")
  }

  /// The issue's aim for the time from start to the first batch planned, in milliseconds.
  static let startLimitMs = 100.0

  /// Adds the time from job start (assembly: job file checks, log, checkpoint and table opened)
  /// to the first batch's end offsets planned, median over the timed runs.
  static func describeStart(_ milliseconds: [Double], into result: inout CaseResult) {
    guard let median = Percentile.of(milliseconds, 50) else { return }
    result.extras.append(("startToFirstBatchPlannedMs", .double(Format.rounded(median, places: 1))))
    result.notes.append(
      "\(result.name): job start (assembly) to first batch planned \(Int(median.rounded())) ms median "
        + "(aim < \(Int(startLimitMs)) ms: \(median < startLimitMs ? "met" : "missed"); the wall clock has ms "
        + "resolution; process launch adds the binary's start-up, which scripts/peers/compare.sh includes)")
  }

  /// `123.4 MB`.
  static func mb(_ bytes: Int) -> String { Format.megabytes(Double(bytes)) + " MB" }

  /// Adds latency, phase and memory figures of the timed batches to `result`.
  static func describe(
    _ batches: [BatchObserver.Observation], residentBefore: Int, into result: inout CaseResult
  ) {
    let name = result.name
    let latencies = batches.map(\.durations.triggerExecution.milliseconds)
    let p50 = Percentile.of(latencies, 50) ?? 0
    let p99 = Percentile.of(latencies, 99) ?? 0
    let resident = batches.map(\.residentBytes)
    let first = resident.first ?? 0
    let last = resident.last ?? 0
    let maximum = resident.max() ?? 0
    let peaks = batches.map(\.peakResidentBytes)
    let peakMaximum = peaks.max() ?? 0
    let peak = ProcessMemory.peakResidentBytes()
    let phases: [(String, KeyPath<BatchProgress.Durations, Duration>)] = [
      ("latestOffset", \.latestOffset), ("walCommit", \.walCommit), ("getBatch", \.getBatch),
      ("decode", \.decode), ("transform", \.transform), ("addBatch", \.addBatch),
      ("commitOffsets", \.commitOffsets), ("triggerExecution", \.triggerExecution),
    ]
    let count = Double(max(1, batches.count))
    let means = phases.map { name, path in
      (name, batches.reduce(0.0) { $0 + $1.durations[keyPath: path].milliseconds } / count)
    }
    let perRun = Double(batches.count) / Double(max(1, result.runSeconds.count))
    result.extras = [
      ("batchesPerRun", .double(Format.rounded(perRun, places: 1))),
      ("rowsPerBatch", .int(Int64(batches.first?.rows ?? 0))),
      ("batchLatencyP50Ms", .double(Format.rounded(p50, places: 1))),
      ("batchLatencyP99Ms", .double(Format.rounded(p99, places: 1))),
      ("phaseMeanMs", .object(means.map { ($0.0, .double(Format.rounded($0.1, places: 1))) })),
      ("rssBeforeRunsBytes", .int(Int64(residentBefore))),
      ("rssAfterBatchBytes", .array(resident.map { .int(Int64($0)) })),
      ("rssAfterBatchFirstBytes", .int(Int64(first))),
      ("rssAfterBatchLastBytes", .int(Int64(last))),
      ("rssAfterBatchMaxBytes", .int(Int64(maximum))),
      ("rssBatchPeakBytes", .array(peaks.map { .int(Int64($0)) })),
      ("rssBatchPeakFirstBytes", .int(Int64(peaks.first ?? 0))),
      ("rssBatchPeakLastBytes", .int(Int64(peaks.last ?? 0))),
      ("rssBatchPeakMaxBytes", .int(Int64(peakMaximum))),
      ("peakRssBytes", .int(Int64(peak))),
      (
        "rssAim",
        .object([
          ("limitBytes", .int(Int64(residentLimit))),
          ("betweenBatchesMet", .bool(Double(maximum) < residentLimit)),
          ("batchPeakMet", .bool(Double(peakMaximum) < residentLimit)),
        ])
      ),
    ]
    let phaseText = means.filter { $0.0 != "triggerExecution" }
      .map { "\($0.0) \(String(Int($0.1.rounded())))" }.joined(separator: ", ")
    result.notes = [
      "\(name): \(batches.count) timed batches of \(Format.count(batches.first?.rows ?? 0)) rows; "
        + "batch latency p50 \(Int(p50.rounded())) ms, p99 \(Int(p99.rounded())) ms",
      "\(name): mean ms per batch phase: \(phaseText)",
      "\(name): RSS peak during each batch: first \(mb(peaks.first ?? 0)), last \(mb(peaks.last ?? 0)), "
        + "max \(mb(peakMaximum)); after each batch: first \(mb(first)), last \(mb(last)), max \(mb(maximum)); "
        + "before the runs \(mb(residentBefore)); process peak (ru_maxrss, warm-up included) \(mb(peak))",
      "\(name): RSS aim (< \(mb(Int(residentLimit))) with \(Format.count(batches.first?.rows ?? 0))-record batches): "
        + (Double(peakMaximum) < residentLimit
          ? "met (peak during batches)"
          : "MISSED during batches, \(Double(maximum) < residentLimit ? "met" : "missed") between them"),
    ]
  }
}
