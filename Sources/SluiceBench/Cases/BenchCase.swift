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
  case pipelinePin = "pipeline-pin"

  /// Names that stand for several cases.
  static let groups: [String: [BenchCase]] = [
    "decode": [.decodePin, .decodeGeo, .decodeUser],
    "clean": [.cleanPin, .cleanGeo, .cleanUser],
    "log": [.logAppend, .logAppendFsync, .logRead],
  ]

  /// The cases named by `name` (a case or a group), or nil when it names nothing.
  static func selection(named name: String) -> [BenchCase]? {
    if let single = BenchCase(rawValue: name) { return [single] }
    return groups[name]
  }

  /// True for the end-to-end case, whose size is `--e2e-records` (default 500 000).
  var isEndToEnd: Bool { self == .pipelinePin }

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
    case .pipelinePin: "pin job end to end (log → decode → clean:pin → jsonl sink), availableNow"
    }
  }

  /// What the issue asks of this case on the reference 2-core machine, if anything.
  var aim: Aim? {
    switch self {
    case .emulate: Aim(metric: .recordsPerSecond, minimum: 200_000)
    case .decodePin, .decodeGeo, .decodeUser: Aim(metric: .megabytesPerSecond, minimum: 200)
    case .logAppend, .logRead: Aim(metric: .megabytesPerSecond, minimum: 300)
    case .pipelinePin: Aim(metric: .recordsPerSecond, minimum: 150_000)
    default: nil
    }
  }
}

/// A lower bound on one throughput figure.
struct Aim: Sendable {
  enum Metric: String, Sendable {
    case recordsPerSecond
    case megabytesPerSecond
  }

  var metric: Metric
  var minimum: Double

  /// `≥ 200 MB/s`, `≥ 150k/s`.
  var text: String {
    switch metric {
    case .megabytesPerSecond: "≥ \(Int(minimum)) MB/s"
    case .recordsPerSecond: "≥ \(Int(minimum / 1000))k/s"
    }
  }
}
