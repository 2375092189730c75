/// The command line of `sluice-bench`.
struct BenchOptions: Sendable {
  /// The cases to run, in ``BenchCase`` order.
  var cases: [BenchCase] = BenchCase.allCases
  /// Events (or records) per micro case.
  var records = 200_000
  /// Events emulated into the log for the end-to-end case (the 1M-record pin job).
  var endToEndRecords = 1_000_000
  /// Timed repetitions after the warm-up; the median is reported.
  var repeats = 3
  /// Records per batch (decode, clean, encode; `maxRecordsPerBatch` of the job; log reads).
  var batchSize = 100_000
  /// Print only the JSON report on stdout.
  var json = false
  var seed: UInt64 = 100
  /// Also write the JSON report to this file.
  var jsonOut: String?
  /// Run the end-to-end case in this process instead of a child (set for the child itself).
  var inProcess = false

  static let usage = """
    sluice-bench: throughput of Sluice's building blocks and of the pin job, measured in-process
    with ContinuousClock (median of --repeat runs after one warm-up run) on emulator output.

    USAGE: sluice-bench [--only <case>[,<case>...]] [--records N] [--e2e-records N] [--repeat N]
                        [--batch N] [--seed N] [--json] [--json-out FILE] [--in-process]

    OPTIONS:
      --only <names>     cases or groups to run (repeatable, comma-separated); default: all
      --records N        events per micro case (default 200000; decode/clean/log use the pin,
                         geo or user record of each event)
      --e2e-records N    events for pipeline-pin, pipeline-pin-delta and peer-deltars-pin
                         (default 1000000); --records sets it too when only those are selected
      --repeat N         timed runs per case after one warm-up (default 3)
      --batch N          records per batch / maxRecordsPerBatch (default 100000)
      --seed N           emulator seed (default 100, as `sluice emulate`)
      --json             print one JSON object (machine, settings, results) on stdout instead
                         of the table
      --json-out FILE    also write the JSON report to FILE (with the table on stdout)
      --in-process       run the pin jobs in this process (by default each runs in a child
                         `sluice-bench --only <job case>` so its peak RSS is its own)

    peer-deltars-pin runs scripts/peers/deltars_pin.py with $SLUICE_INTEROP_PYTHON or the
    .venv-interop Python made by scripts/test.sh (reported as not run without it).
    Progress goes to stderr. MB = 10^6 bytes.

    CASES:
    """

  static var help: String {
    var text = usage + "\n"
    for item in BenchCase.allCases {
      text += "  " + item.rawValue.padded(to: 20) + item.summary + "\n"
    }
    text += "  groups: " + BenchCase.groups.keys.sorted().joined(separator: ", ") + "\n"
    return text
  }

  /// Parses `arguments` (without the program name). Returns nil when help was asked for.
  static func parse(_ arguments: [String]) throws(BenchError) -> BenchOptions? {
    var options = BenchOptions()
    var selected: [BenchCase] = []
    var recordsGiven = false
    var endToEndGiven = false
    var index = 0
    func value(_ option: String) throws(BenchError) -> String {
      index += 1
      guard index < arguments.count else { throw BenchError(.usage, "\(option) needs a value; see --help") }
      return arguments[index]
    }
    func positive(_ option: String) throws(BenchError) -> Int {
      let text = try value(option)
      guard let number = Int(text.filter { $0 != "_" }), number >= 1 else {
        throw BenchError(.usage, "\(option) needs a whole number of at least 1, got '\(text)'")
      }
      return number
    }
    while index < arguments.count {
      let argument = arguments[index]
      switch argument {
      case "-h", "--help", "help": return nil
      case "--json": options.json = true
      case "--in-process": options.inProcess = true
      case "--json-out": options.jsonOut = try value(argument)
      case "--only":
        for name in try value(argument).split(separator: ",").map(String.init) {
          guard let cases = BenchCase.selection(named: name) else {
            throw BenchError(
              .usage,
              "--only: unknown case '\(name)'; use one of "
                + (BenchCase.allCases.map(\.rawValue) + BenchCase.groups.keys.sorted()).joined(
                  separator: ", "))
          }
          selected += cases
        }
      case "--records":
        options.records = try positive(argument)
        recordsGiven = true
      case "--e2e-records":
        options.endToEndRecords = try positive(argument)
        endToEndGiven = true
      case "--repeat": options.repeats = try positive(argument)
      case "--batch": options.batchSize = try positive(argument)
      case "--seed":
        let text = try value(argument)
        guard let seed = UInt64(text) else {
          throw BenchError(.usage, "--seed needs an unsigned integer, got '\(text)'")
        }
        options.seed = seed
      default:
        throw BenchError(.usage, "unknown argument '\(argument)'; see --help")
      }
      index += 1
    }
    if !selected.isEmpty {
      options.cases = BenchCase.allCases.filter { selected.contains($0) }
    }
    if recordsGiven, !endToEndGiven, options.cases.allSatisfy(\.isEndToEnd) {
      options.endToEndRecords = options.records
    }
    return options
  }

  /// The number of events a case works on.
  func size(of item: BenchCase) -> Int { item.isEndToEnd ? endToEndRecords : records }
}

extension String {
  /// Pads with spaces on the right to `length` characters (never truncates).
  func padded(to length: Int) -> String {
    count >= length ? self : self + String(repeating: " ", count: length - count)
  }

  /// Pads with spaces on the left to `length` characters (never truncates).
  func leftPadded(to length: Int) -> String {
    count >= length ? self : String(repeating: " ", count: length - count) + self
  }
}
