import Foundation
import XCTest

/// Two jobs with their own checkpoints append to the same Delta table at the same time: both
/// succeed (optimistic concurrency: put-if-absent of the next version, conflict check, retry on
/// top) and no commit is lost — delta-rs sees every record of both once and one version per
/// batch of each query.
final class ConcurrentWritersEndToEndTests: XCTestCase {
  var sluice: SluiceProcess!

  override func setUpWithError() throws {
    sluice = try SluiceProcess.scratch()
  }

  override func tearDown() {
    sluice.remove()
  }

  func job(_ name: String) -> String {
    """
    name: \(name)
    source: {kind: log, path: log, topics: [\(name)], maxRecordsPerBatch: 50}
    schema:
      - id: int64
      - origin: string
    sink: {kind: delta, path: tables/shared}
    checkpoint: ckpt/\(name)
    trigger: availableNow
    """
  }

  func testTwoJobsAppendToOneTableConcurrentlyWithoutLosingACommit() throws {
    for name in ["a", "b"] {
      XCTAssertEqual(try sluice.run(["log", "create", name, "--log", "log", "--partitions", "2"]).status, 0)
      let lines = (0..<1500).map { #"{"id": \#($0), "origin": "\#(name)"}"# }.joined(separator: "\n")
      XCTAssertEqual(try sluice.run(["log", "produce", name, "--log", "log"], stdin: lines + "\n").status, 0)
      try sluice.write(job(name), to: "\(name).yaml")
    }
    nonisolated(unsafe) var results: [String: SluiceProcess.Result] = [:]
    let lock = NSLock()
    let group = DispatchGroup()
    let process = sluice!
    for name in ["a", "b"] {
      group.enter()
      DispatchQueue.global().async {
        let result = try? process.run(["run", "\(name).yaml", "--json"])
        lock.lock()
        results[name] = result
        lock.unlock()
        group.leave()
      }
    }
    group.wait()
    var attempts = 0
    for name in ["a", "b"] {
      let result = try XCTUnwrap(results[name])
      XCTAssertEqual(result.status, 0, "\(name): \(result.output)")
      XCTAssertEqual(sluice.committedBatches("ckpt/\(name)").count, 30, name)
      for line in result.stdout.split(separator: "\n") {
        if let progress = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
          let sink = progress["sink"] as? [String: Any], let details = sink["details"] as? [String: Any]
        {
          attempts += (details["commitAttempts"] as? Int ?? 1) - 1
        }
      }
    }
    let report =
      try InteropPython.run(
        """
        import json
        from collections import Counter
        from deltalake import DeltaTable
        dt = DeltaTable("tables/shared")
        t = dt.to_pyarrow_table()
        pairs = Counter(zip(t.column("origin").to_pylist(), t.column("id").to_pylist()))
        epochs = {}
        for h in dt.history():
            p = h.get("operationParameters") or {}
            if h.get("operation") == "STREAMING UPDATE":
                epochs.setdefault(p["queryId"], []).append(int(p["epochId"]))
        print(json.dumps({"rows": t.num_rows, "distinct": len(pairs), "maxCount": max(pairs.values()),
                          "version": dt.version(), "epochs": sorted(sorted(v) for v in epochs.values())}))
        """, in: sluice.workingDirectory) as! [String: Any]
    XCTAssertEqual(report["rows"] as? Int, 3000)
    XCTAssertEqual(report["distinct"] as? Int, 3000)
    XCTAssertEqual(report["maxCount"] as? Int, 1)
    XCTAssertEqual(report["version"] as? Int, 59, "60 commits, none lost")
    XCTAssertEqual(report["epochs"] as? [[Int]], [Array(0..<30), Array(0..<30)])
    print("concurrent writers: \(attempts) commits were retried after losing a race")
  }
}
