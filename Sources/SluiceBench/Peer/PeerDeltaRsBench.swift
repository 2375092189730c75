import Foundation
import SluiceCore

/// `peer-deltars-pin`: the delta-rs peer of `pipeline-pin-delta`, same run, same records. Writes
/// the emulator's pin records (`--e2e-records`, `--seed`) to a JSON-lines file (untimed), then
/// runs `scripts/peers/deltars_pin.py` with the interop venv's Python: pyarrow reads and cleans
/// them like ``SluiceTransforms/PinCleaner``, `deltalake.write_deltalake` appends one ZSTD
/// commit with a `txn` per `--batch` records. The script times its own read + clean + write
/// (warm-up + `--repeat` runs, median) and reports its peak RSS and the facts of its table.
///
/// Without the venv (or the script) the case is reported as not run instead of failing the
/// whole benchmark. ``compare(_:)`` then puts the Sluice/delta-rs ratio of records/s next to
/// `pipeline-pin-delta` and checks that both tables hold the same rows.
enum PeerDeltaRsBench {
  static let item = BenchCase.peerDeltaRsPin

  static func run(_ options: BenchOptions) throws -> CaseResult {
    let environment: PeerEnvironment
    switch PeerEnvironment.locate() {
    case .success(let found): environment = found
    case .failure(let unavailable): return notRun(unavailable)
    }
    let scratch = try ScratchDirectory(item.rawValue)
    defer { scratch.remove() }
    let input = scratch.child("pin.jsonl")
    ProgressLine.say(
      "\(item.rawValue): writing \(Format.count(options.endToEndRecords)) emulated pin records (seed "
        + "\(options.seed)) to \(input) (untimed)")
    let inputBytes = try PinRecordsFile.write(count: options.endToEndRecords, seed: options.seed, to: input)
    ProgressLine.say("\(item.rawValue): running \(environment.python) \(environment.script)")
    let report: JSONValue
    do {
      report = try runScript(environment, input: input, tables: scratch.child("tables"), options: options)
    } catch let unavailable as PeerUnavailable {
      return notRun(unavailable)
    }
    guard let records = report["records"]?.intValue,
      let runs = report["runSeconds"]?.arrayValue?.compactMap(\.doubleValue), !runs.isEmpty
    else {
      throw BenchError(
        .childProcess, "\(item.rawValue): the peer script's report lacks records or runSeconds")
    }
    let samples = runs.map { RunSample(seconds: $0, records: Int(records), bytes: inputBytes) }
    var result = CaseResult(item, unit: "records", bytesMeaning: "JSON in", samples: samples)
    let peakMB = report["peakRssMB"]?.doubleValue ?? 0
    result.extras = [
      ("commits", report["commits"] ?? .null),
      ("peakRssBytes", .int(Int64(peakMB * 1_048_576))),
      ("table", report["table"] ?? .null),
      ("deltalakeVersion", report["deltalakeVersion"] ?? .null),
      ("pyarrowVersion", report["pyarrowVersion"] ?? .null),
      ("pythonVersion", report["pythonVersion"] ?? .null),
      ("method", report["method"] ?? .null),
      ("process", .string("python child")),
    ]
    result.notes = [
      "\(item.rawValue): delta-rs \(report["deltalakeVersion"]?.stringValue ?? "?") via Python "
        + "\(report["pythonVersion"]?.stringValue ?? "?") (pyarrow \(report["pyarrowVersion"]?.stringValue ?? "?")): "
        + "\(report["method"]?.stringValue ?? ""); \(report["commits"]?.intValue ?? 0) commits; "
        + "peak RSS \(Format.megabytes(peakMB * 1_048_576)) MB"
    ]
    return result
  }

  /// The row of a peer that could not run: the reason in the table, details in the notes.
  static func notRun(_ unavailable: PeerUnavailable) -> CaseResult {
    let text =
      "\(item.rawValue): not run: \(unavailable.reason)" + (unavailable.detail.map { " (\($0))" } ?? "")
    ProgressLine.say(text)
    var result = CaseResult(notRun: item, reason: "not run: \(unavailable.reason)")
    result.notes = [text]
    return result
  }

  /// Runs the script and returns its JSON report; a script that cannot import its packages is
  /// ``PeerUnavailable``, any other failure a ``BenchError``.
  static func runScript(_ environment: PeerEnvironment, input: String, tables: String, options: BenchOptions)
    throws -> JSONValue
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: environment.python)
    process.arguments = [
      environment.script, "--input", input, "--table-dir", tables, "--batch", String(options.batchSize),
      "--repeat", String(options.repeats),
    ]
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    do {
      try process.run()
    } catch {
      throw PeerUnavailable(
        reason: "cannot start the interop Python", detail: "\(environment.python): \(error)")
    }
    // Relay the script's progress lines while collecting them (for the failure message).
    let relay = StderrRelay(errors.fileHandleForReading)
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let messages = relay.finish()
    guard process.terminationReason == .exit, process.terminationStatus == 0 else {
      let last = messages.split(separator: "\n").last.map(String.init) ?? "no message"
      if messages.contains("cannot import") || messages.contains("ModuleNotFoundError") {
        throw PeerUnavailable(
          reason: "pyarrow/deltalake missing; run scripts/test.sh once",
          detail: "\(environment.python) cannot import them: \(last)")
      }
      throw BenchError(
        .childProcess,
        "the delta-rs peer script failed (status \(process.terminationStatus)): \(last); run "
          + "`\(environment.python) \(environment.script) --help` to check it")
    }
    let text = String(decoding: data, as: UTF8.self)
    do {
      return try JSONValue.parse(text)
    } catch {
      throw BenchError(
        .childProcess, "the delta-rs peer printed no JSON report (\(error)): \(text.prefix(200))")
    }
  }

  /// Adds the Sluice/delta-rs ratio and the same-table check to the peer's row (and a note),
  /// when both `pipeline-pin-delta` and the peer ran.
  static func compare(_ results: inout [CaseResult]) {
    guard let peerIndex = results.firstIndex(where: { $0.name == item.rawValue }),
      results[peerIndex].notRun == nil,
      let sluice = results.first(where: { $0.name == BenchCase.pipelinePinDelta.rawValue })
    else { return }
    var peer = results[peerIndex]
    let ratio = sluice.recordsPerSecond / peer.recordsPerSecond
    let sluiceFacts = DeltaTableFacts(json: JSONValue.object(sluice.extras)["table"])
    let peerFacts = DeltaTableFacts(json: JSONValue.object(peer.extras)["table"])
    var same = false
    var check = "cannot compare the tables (a report lacks the table facts)"
    if let sluiceFacts, let peerFacts {
      same =
        sluiceFacts.rows == peerFacts.rows && sluiceFacts.followerCountSum == peerFacts.followerCountSum
        && sluice.records == peer.records
      check =
        same
        ? "same rows (\(Format.count(peerFacts.rows))) and sum(follower_count) (\(peerFacts.followerCountSum)) "
          + "in both tables"
        : "WARNING: the tables differ: Sluice \(Format.count(sluiceFacts.rows)) rows, sum "
          + "\(sluiceFacts.followerCountSum); delta-rs \(Format.count(peerFacts.rows)) rows, sum "
          + "\(peerFacts.followerCountSum); the comparison is not like for like"
    }
    if !same { ProgressLine.say("\(item.rawValue): \(check)") }
    let sluicePeak = JSONValue.object(sluice.extras)["peakRssBytes"]?.intValue ?? 0
    let peerPeak = JSONValue.object(peer.extras)["peakRssBytes"]?.intValue ?? 0
    peer.extras += [
      ("ratioSluiceToDeltaRs", .double(Format.rounded(ratio, places: 2))),
      ("sameTable", .bool(same)),
    ]
    peer.comparison =
      "Sluice/delta-rs " + String(format: "%.2f", ratio) + "×" + (same ? "" : " (tables differ!)")
    peer.notes.append(
      "\(item.rawValue): Sluice pipeline-pin-delta \(Format.rate(sluice.recordsPerSecond)) records/s vs delta-rs "
        + "\(Format.rate(peer.recordsPerSecond)) records/s: ratio Sluice/delta-rs \(String(format: "%.2f", ratio))×; "
        + "peak RSS \(Format.megabytes(Double(sluicePeak))) MB vs \(Format.megabytes(Double(peerPeak))) MB; \(check)"
    )
    results[peerIndex] = peer
  }
}
