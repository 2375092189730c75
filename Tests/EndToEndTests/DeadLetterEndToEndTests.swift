import Foundation
import XCTest

/// `onError: deadLetter` through the `sluice` binary: a stream with ~1% malformed and ~1%
/// wrongly-typed records, killed twice around the dead-letter and main commits, yields a clean
/// table with every good record once and a dead-letter table with every bad one once (checked
/// with delta-rs), counts in the progress and in commitInfo, and a replay that appends exactly
/// once.
final class DeadLetterEndToEndTests: XCTestCase {
  var sluice: SluiceProcess!

  override func setUpWithError() throws {
    sluice = try SluiceProcess.scratch()
  }

  override func tearDown() {
    sluice.remove()
  }

  static let job = """
    name: ev
    source: {kind: log, path: log, topics: [ev], maxRecordsPerBatch: 400, metadata: [partition, offset]}
    schema:
      - id: int64
      - label: string
    sink: {kind: delta, path: tables/ev}
    checkpoint: ckpt/ev
    trigger: availableNow
    onError: deadLetter
    """

  /// 3,000 records: every 97th is malformed JSON, every 89th has a string id; returns the lines.
  func produce() throws -> (lines: [String], bad: Set<Int>) {
    var lines: [String] = []
    var bad = Set<Int>()
    for i in 0..<3000 {
      if i % 97 == 50 {
        lines.append(#"{"id": \#(i), "label": oops"#)
        bad.insert(i)
      } else if i % 89 == 30 {
        lines.append(#"{"id": "n\#(i)", "label": "typed"}"#)
        bad.insert(i)
      } else {
        lines.append(#"{"id": \#(i), "label": "ok\#(i)"}"#)
      }
    }
    XCTAssertEqual(try sluice.run(["log", "create", "ev", "--log", "log", "--partitions", "3"]).status, 0)
    let result = try sluice.run(
      ["log", "produce", "ev", "--log", "log"], stdin: lines.joined(separator: "\n") + "\n")
    XCTAssertEqual(result.status, 0, result.output)
    return (lines, bad)
  }

  func testBadRecordsGoToTheDeadLetterTableExactlyOnceAcrossKills() throws {
    let (lines, bad) = try produce()
    XCTAssertGreaterThan(bad.count, 40)
    try sluice.write(Self.job, to: "ev.yaml")

    // Killed inside the main sink after batch 1's dead letters were committed …
    var result = try sluice.run(
      ["run", "ev.yaml"], environment: ["SLUICE_FAULT": "after-data-files-written@1"])
    XCTAssertTrue(result.killedBySignal, result.output)
    // … and after batch 3's main commit, before commits/3.
    result = try sluice.run(["run", "ev.yaml"], environment: ["SLUICE_FAULT": "after-sink-write@3"])
    XCTAssertTrue(result.killedBySignal, result.output)
    result = try sluice.run(["run", "ev.yaml", "--json"])
    XCTAssertEqual(result.status, 0, result.output)
    var progressDeadLetters = 0
    for line in result.stdout.split(separator: "\n") {
      let progress = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
      progressDeadLetters += progress["numDeadLetterRows"] as? Int ?? 0
    }
    XCTAssertGreaterThan(progressDeadLetters, 0, "progress carries numDeadLetterRows")

    let report =
      try InteropPython.run(
        """
        import json, sys
        from deltalake import DeltaTable
        main = DeltaTable("tables/ev").to_pyarrow_table()
        dead = DeltaTable("tables/ev_deadletter").to_pyarrow_table()
        metrics = {"in": 0, "out": 0, "dead": 0}
        for h in DeltaTable("tables/ev").history():
            m = h.get("operationMetrics") or {}
            metrics["in"] += int(m.get("numInputRows", 0))
            metrics["out"] += int(m.get("numOutputRows", 0))
            metrics["dead"] += int(m.get("numDeadLetterRows", 0))
        print(json.dumps({
          "ids": main.column("id").to_pylist(),
          "positions": [[p, o] for p, o in zip(main.column("partition").to_pylist(), main.column("offset").to_pylist())],
          "deadValues": dead.column("value").to_pylist(),
          "deadPositions": [[p, o] for p, o in zip(dead.column("partition").to_pylist(), dead.column("offset").to_pylist())],
          "deadSteps": sorted(set(dead.column("step").to_pylist())),
          "deadErrors": dead.column("error").to_pylist(),
          "deadBatches": sorted(set(dead.column("batch_id").to_pylist())),
          "columns": dead.schema.names,
          "metrics": metrics,
        }))
        """, in: sluice.workingDirectory) as! [String: Any]

    let goodIDs = (0..<3000).filter { !bad.contains($0) }
    let ids = (report["ids"] as! [Int]).sorted()
    XCTAssertEqual(ids, goodIDs, "every good record exactly once in the clean table")
    let positions = (report["positions"] as! [[Int]]).map { "\($0[0]):\($0[1])" }
    XCTAssertEqual(Set(positions).count, positions.count, "no source position twice")

    let deadValues = report["deadValues"] as! [String]
    XCTAssertEqual(deadValues.count, bad.count, "every bad record in the dead-letter table")
    XCTAssertEqual(Set(deadValues), Set(bad.map { lines[$0] }), "raw values kept")
    let deadPositions = (report["deadPositions"] as! [[Int]]).map { "\($0[0]):\($0[1])" }
    XCTAssertEqual(Set(deadPositions).count, bad.count, "no dead letter twice across the kills")
    XCTAssertTrue(Set(deadPositions).isDisjoint(with: Set(positions)))
    XCTAssertEqual(report["deadSteps"] as? [String], ["decode"])
    let errors = report["deadErrors"] as! [String]
    XCTAssertTrue(errors.contains { $0.contains("malformed JSON") }, "\(errors.prefix(3))")
    XCTAssertTrue(errors.contains { $0.contains("expected int64") }, "\(errors.prefix(3))")
    XCTAssertEqual(
      report["columns"] as? [String],
      [
        "value", "value_base64", "key", "topic", "partition", "offset", "sequence_number", "source_timestamp",
        "position", "error", "step", "batch_id", "query_id", "failed_at",
      ])
    let metrics = report["metrics"] as! [String: Int]
    XCTAssertEqual(metrics["in"], 3000, "commitInfo numInputRows over all versions")
    XCTAssertEqual(metrics["out"], goodIDs.count)
    XCTAssertEqual(metrics["dead"], bad.count)

    // Replay through a fixed job: ids as strings cast to int64 (failed casts → null); the
    // malformed ones still fail. A second replay appends nothing.
    let typed = bad.filter { $0 % 89 == 30 && $0 % 97 != 50 }.count
    let fixed =
      Self.job.replacingOccurrences(of: "  - id: int64", with: "  - id: string")
      + "\ntransforms:\n  - cast: {column: id, to: int64}\n"
    try sluice.write(fixed, to: "fixed.yaml")
    result = try sluice.run(["deadletter", "replay", "fixed.yaml", "--dry-run", "--json"])
    XCTAssertEqual(result.status, 0, result.output)
    var replay = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
    XCTAssertEqual(replay["recovered"] as? Int, typed)
    XCTAssertEqual(replay["written"] as? Int, 0)
    XCTAssertEqual(replay["stillFailing"] as? Int, bad.count - typed)
    result = try sluice.run(["deadletter", "replay", "fixed.yaml", "--json"])
    replay = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
    XCTAssertEqual(replay["written"] as? Int, typed, result.output)
    result = try sluice.run(["deadletter", "replay", "fixed.yaml", "--json"])
    replay = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
    XCTAssertEqual(replay["written"] as? Int, 0, "a second replay appends nothing")
    XCTAssertEqual(replay["alreadyReplayed"] as? Bool, true)
    result = try sluice.run(["table", "scan", "tables/ev", "--where", "label=typed", "--limit", "100000"])
    XCTAssertEqual(
      result.stdout.split(separator: "\n").filter { $0.contains("typed") }.count, typed, result.output)
  }

  func testDeadLetterKeyNeedsTheDeadLetterPolicy() throws {
    try sluice.write(
      Self.job.replacingOccurrences(
        of: "onError: deadLetter", with: "onError: skip\ndeadLetter: {path: t/x}"),
      to: "ev.yaml")
    let result = try sluice.run(["run", "ev.yaml"])
    XCTAssertNotEqual(result.status, 0)
    XCTAssertTrue(
      result.stderr.contains("`deadLetter:` is used only with `onError: deadLetter`"), result.stderr)
  }
}
