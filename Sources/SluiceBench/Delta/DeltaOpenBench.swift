import DeltaLake
import Foundation
import SluiceCore
import SluiceJob
import SluiceTransforms

/// `delta-open`: how long a reader needs to open a long-lived streaming table. Two tables of
/// ``versions`` versions are built once, untimed, by a ``DeltaLake/DeltaTableWriter`` appending
/// tiny batches of cleaned pins (``rowsPerVersion`` rows, one data file and one `txn` per
/// version, like a streaming sink): one with a checkpoint every 10 versions (Delta's default),
/// one with checkpoints disabled (`checkpointInterval: 0`), so every commit JSON must be
/// replayed. Each timed run is `DeltaTable.open(path:)` + `snapshot()` of the latest version
/// (files warm in the page cache); the median is reported, one row per table.
enum DeltaOpenBench {
  static let versions = 1_000
  static let rowsPerVersion = 10
  /// Opens are short: time at least this many (after the warm-up).
  static let minimumRepeats = 15

  static func run(fixture: BenchFixture) throws -> [CaseResult] {
    let scratch = try ScratchDirectory("delta-open")
    defer { scratch.remove() }
    let rows = try fixture.cleanedPinBatches().first ?? RecordBatch.empty(PinterestSchemas.cleanPin)
    guard rows.count >= rowsPerVersion else {
      throw BenchError(
        .setup, "delta-open needs at least \(rowsPerVersion) cleaned pin rows; raise --records")
    }
    let repeats = max(fixture.options.repeats, minimumRepeats)
    var results: [CaseResult] = []
    for (label, interval) in [("delta-open", Int64(10)), ("delta-open-no-checkpoints", Int64(0))] {
      let path = scratch.child(label)
      let buildSeconds = try build(at: path, checkpointInterval: interval, rows: rows, label: label)
      var files = 0
      let samples = try Repetitions.measure(label, count: repeats) { _ in
        let (snapshot, elapsed) = try Stopwatch.time { () throws -> Snapshot in
          try DeltaTable.open(path: path).snapshot()
        }
        guard snapshot.version == Int64(versions - 1), snapshot.numFiles == versions else {
          throw BenchError(
            .caseFailed,
            "\(label): opened version \(snapshot.version) with \(snapshot.numFiles) files, expected "
              + "\(versions - 1) and \(versions)")
        }
        files = snapshot.numFiles
        return RunSample(elapsed: elapsed, records: versions, bytes: 0)
      }
      var result = CaseResult(
        name: label, aim: interval > 0 ? BenchCase.deltaOpen.aim : nil, unit: "versions", bytesMeaning: "",
        samples: samples)
      let log = logFacts(path + "/_delta_log")
      let sorted = result.runSeconds.sorted()
      result.extras = [
        ("checkpointInterval", interval > 0 ? .int(interval) : .string("disabled")),
        ("files", .int(Int64(files))),
        ("commitFiles", .int(Int64(log.commits))),
        ("checkpointFiles", .int(Int64(log.checkpoints))),
        ("logBytes", .int(Int64(log.bytes))),
        ("openMsMin", .double(Format.rounded((sorted.first ?? 0) * 1000, places: 2))),
        ("openMsMedian", .double(Format.rounded(result.seconds * 1000, places: 2))),
        ("openMsMax", .double(Format.rounded((sorted.last ?? 0) * 1000, places: 2))),
        ("buildSeconds", .double(Format.rounded(buildSeconds, places: 1))),
      ]
      result.notes = [
        "\(label): open + snapshot of a \(Format.count(versions))-version table (\(files) files, "
          + (interval > 0
            ? "checkpoint every \(interval), \(log.checkpoints) checkpoint files"
            : "no checkpoints: \(log.commits) commit JSONs replayed")
          + "): median \(String(format: "%.1f", result.seconds * 1000)) ms, min "
          + "\(String(format: "%.1f", (sorted.first ?? 0) * 1000)) ms over \(sorted.count) runs; "
          + "table built untimed in \(String(format: "%.1f", buildSeconds)) s"
      ]
      results.append(result)
    }
    return results
  }

  /// Appends ``versions`` tiny batches; returns the seconds it took.
  static func build(at path: String, checkpointInterval: Int64, rows: RecordBatch, label: String) throws
    -> Double
  {
    ProgressLine.say(
      "\(label): building a \(Format.count(versions))-version table (\(rowsPerVersion) rows per version, "
        + "checkpointInterval \(checkpointInterval == 0 ? "0 = none" : String(checkpointInterval))), untimed")
    var writer = DeltaTableWriter(
      path: path,
      options: DeltaWriteOptions(
        checkpointInterval: checkpointInterval, engineInfo: "Sluice/\(SluiceVersion.current)"))
    let appId = QueryID.random().rawValue
    let available = rows.count / rowsPerVersion
    let (_, elapsed) = try Stopwatch.time { () throws -> Void in
      for version in 0..<versions {
        let start = (version % available) * rowsPerVersion
        let batch = rows.gather(Array(start..<(start + rowsPerVersion)))
        let result = try writer.write(
          batch, operation: .streamingUpdate(queryId: appId, epochId: Int64(version)),
          transaction: TransactionAction(appId: appId, version: Int64(version)))
        if let failure = result.checkpointFailure {
          throw BenchError(.setup, "\(label): checkpoint at version \(result.version) failed: \(failure)")
        }
      }
    }
    return elapsed.seconds
  }

  /// Commit and checkpoint file counts and the bytes of the log folder.
  static func logFacts(_ logPath: String) -> (commits: Int, checkpoints: Int, bytes: Int) {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: logPath)) ?? []
    var bytes = 0
    for name in names {
      let attributes = try? FileManager.default.attributesOfItem(atPath: logPath + "/" + name)
      bytes += (attributes?[.size] as? Int) ?? 0
    }
    let commits = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.count
    let checkpoints = names.filter { $0.hasSuffix(".checkpoint.parquet") }.count
    return (commits, checkpoints, bytes)
  }
}
