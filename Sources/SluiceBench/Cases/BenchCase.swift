/// The measurements `sluice-bench` knows, in the order they run and are reported.
///
/// Each is selectable by its name with `--only`; a group name (`decode`, `clean`, `log`)
/// selects all its members.
enum BenchCase: String, CaseIterable, Sendable {
  case emulate
  case emulateLog = "emulate-log"
  case decodePin = "decode-pin"
  case decodeGeo = "decode-geo"
  case decodeUser = "decode-user"
  case cleanPin = "clean-pin"
  case cleanGeo = "clean-geo"
  case cleanUser = "clean-user"
  case logAppend = "log-append"
  case logAppendFsync = "log-append-fsync"
  case logRead = "log-read"
  case encodeJSONL = "encode-jsonl"
  case parquetEncode = "parquet-encode"
  case pipelinePin = "pipeline-pin"
  case pipelinePinDelta = "pipeline-pin-delta"
  case peerDeltaRsPin = "peer-deltars-pin"
  case deltaOpen = "delta-open"

  /// Names that stand for several cases.
  static let groups: [String: [BenchCase]] = [
    "decode": [.decodePin, .decodeGeo, .decodeUser],
    "clean": [.cleanPin, .cleanGeo, .cleanUser],
    "log": [.logAppend, .logAppendFsync, .logRead],
    "delta": [.parquetEncode, .pipelinePinDelta, .peerDeltaRsPin, .deltaOpen],
  ]

  /// The cases named by `name` (a case or a group), or nil when it names nothing.
  static func selection(named name: String) -> [BenchCase]? {
    if let single = BenchCase(rawValue: name) { return [single] }
    return groups[name]
  }

  /// True for the end-to-end cases, whose size is `--e2e-records` (default 1 000 000).
  var isEndToEnd: Bool { self == .pipelinePin || self == .pipelinePinDelta || self == .peerDeltaRsPin }

  /// True for the pin jobs run through ``PipelineBench`` (in a child process unless alone).
  var isPipeline: Bool { self == .pipelinePin || self == .pipelinePinDelta }

  /// One line for `--help`.
  var summary: String {
    switch self {
    case .emulate: "PinterestEmulator: events/s (pin+geo+user each) and MB/s of JSON produced"
    case .emulateLog: "`sluice emulate` path: emulator into a 3-partition log (3 topics, fsync never)"
    case .decodePin: "JSONRecordDecoder, raw pin schema: MB/s of input JSON, records/s, one thread"
    case .decodeGeo: "JSONRecordDecoder, raw geo schema"
    case .decodeUser: "JSONRecordDecoder, raw user schema"
    case .cleanPin: "PinCleaner on decoded batches: rows/s"
    case .cleanGeo: "GeoCleaner on decoded batches: rows/s"
    case .cleanUser: "UserCleaner on decoded batches: rows/s"
    case .logAppend: "LogStore append of pin records (3 partitions, buffered, fsync never): MB/s"
    case .logAppendFsync: "as log-append with fsync every 1000 ms"
    case .logRead: "LogStore read of the pin topic back in 100k-record reads: MB/s"
    case .encodeJSONL: "JSONRowEncoder on cleaned pin batches: MB/s of output, rows/s"
    case .parquetEncode: "ParquetWriter, ZSTD(3), on cleaned pin batches: MB/s of Parquet out, rows/s"
    case .pipelinePin: "pin job end to end (log → decode → clean:pin → jsonl sink), availableNow"
    case .pipelinePinDelta: "pin job end to end into a Delta table (sink kind delta), availableNow"
    case .peerDeltaRsPin:
      "delta-rs peer: scripts/peers/deltars_pin.py, same pin records (needs .venv-interop)"
    case .deltaOpen: "DeltaTable.open + snapshot of a 1,000-version table, with and without checkpoints"
    }
  }

  /// What the issue asks of this case on the reference 2-core machine, if anything.
  var aim: Aim? {
    switch self {
    case .emulate: Aim(metric: .recordsPerSecond, minimum: 200_000)
    case .decodePin, .decodeGeo, .decodeUser: Aim(metric: .megabytesPerSecond, minimum: 200)
    case .logAppend, .logRead: Aim(metric: .megabytesPerSecond, minimum: 300)
    case .pipelinePin: Aim(metric: .recordsPerSecond, minimum: 150_000)
    case .pipelinePinDelta: Aim(metric: .recordsPerSecond, minimum: 400_000)
    case .parquetEncode: Aim(metric: .megabytesPerSecond, minimum: 150)
    case .deltaOpen: Aim(maximumMilliseconds: 100)
    default: nil
    }
  }
}

/// A bound on one figure of a case: a lower bound on a throughput, or an upper bound on the
/// median time of one run (for cases whose work is one latency, such as opening a table).
struct Aim: Sendable {
  enum Metric: String, Sendable {
    case recordsPerSecond
    case megabytesPerSecond
    /// The median run time in milliseconds, which must stay below ``limit``.
    case milliseconds
  }

  var metric: Metric
  /// The minimum throughput, or the maximum time in milliseconds.
  var limit: Double

  init(metric: Metric, minimum: Double) {
    self.metric = metric
    self.limit = minimum
  }

  init(maximumMilliseconds: Double) {
    self.metric = .milliseconds
    self.limit = maximumMilliseconds
  }

  /// True when ``limit`` is an upper bound.
  var isUpperBound: Bool { metric == .milliseconds }

  /// Whether `value` (in the unit of ``metric``) meets the aim.
  func isMet(by value: Double) -> Bool {
    isUpperBound ? value < limit : value >= limit
  }

  /// `≥ 200 MB/s`, `≥ 150k/s`, `< 100 ms`.
  var text: String {
    switch metric {
    case .megabytesPerSecond: "≥ \(Int(limit)) MB/s"
    case .recordsPerSecond: "≥ \(Int(limit / 1000))k/s"
    case .milliseconds: "< \(Int(limit)) ms"
    }
  }
}
