import Foundation
import XCTest

/// Job files of the Delta end-to-end tests: a Pinterest cleaner from the embedded log (`log/`)
/// into a Delta table, with the checkpoint under `ckpt/<name>`.
enum DeltaJobFiles {
  static func job(
    name: String, topic: String, cleaner: String, table: String, maxRecords: Int = 1000,
    partitionBy: [String] = [], checkpointInterval: Int? = nil, trigger: String = "availableNow"
  ) -> String {
    var sink = "sink:\n  kind: delta\n  path: \(table)\n"
    if !partitionBy.isEmpty { sink += "  partitionBy: [\(partitionBy.joined(separator: ", "))]\n" }
    if let checkpointInterval { sink += "  checkpointInterval: \(checkpointInterval)\n" }
    return """
      name: \(name)
      source:
        kind: log
        path: log
        topics: [\(topic)]
        startingOffsets: earliest
        maxRecordsPerBatch: \(maxRecords)
      transforms:
        - clean: \(cleaner)
      \(sink)checkpoint: ckpt/\(name)
      trigger: \(trigger)

      """
  }

  static func pin(
    table: String = "tables/pin", maxRecords: Int = 1000, partitionBy: [String] = [],
    checkpointInterval: Int? = nil
  ) -> String {
    job(
      name: "pin", topic: "pinterest.pin", cleaner: "pin", table: table, maxRecords: maxRecords,
      partitionBy: partitionBy, checkpointInterval: checkpointInterval)
  }

  static func geo(table: String = "tables/geo", maxRecords: Int = 1000) -> String {
    job(name: "geo", topic: "pinterest.geo", cleaner: "geo", table: table, maxRecords: maxRecords)
  }
}

/// Value counts, compared without dumping thousands of keys into a failure message.
enum Multiset {
  static func of(_ values: [String?]) -> [String: Int] {
    values.reduce(into: [:]) { counts, value in counts[value ?? "<null>", default: 0] += 1 }
  }

  static func assertEqual(
    _ actual: [String: Int], _ expected: [String: Int], _ what: String, file: StaticString = #filePath,
    line: UInt = #line
  ) {
    let differing = Set(actual.keys).union(expected.keys).filter { actual[$0] != expected[$0] }
    let extra = differing.reduce(0) { $0 + max(0, (actual[$1] ?? 0) - (expected[$1] ?? 0)) }
    let missing = differing.reduce(0) { $0 + max(0, (expected[$1] ?? 0) - (actual[$1] ?? 0)) }
    XCTAssertTrue(
      differing.isEmpty, "\(what): \(differing.count) values differ: \(extra) extra, \(missing) missing",
      file: file, line: line)
    XCTAssertFalse(expected.isEmpty, "\(what): nothing to compare", file: file, line: line)
  }
}

/// Every file and folder under a folder with the files' bytes: equal snapshots mean nothing
/// was created, removed or changed.
struct FolderSnapshot: Equatable {
  var files: [String: Data]
  var folders: Set<String>

  init(_ path: String) throws {
    files = [:]
    folders = []
    let root = URL(fileURLWithPath: path)
    guard let walker = FileManager.default.enumerator(atPath: path) else { return }
    for case let relative as String in walker {
      let url = root.appendingPathComponent(relative)
      var isFolder: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
      if isFolder.boolValue {
        folders.insert(relative)
      } else {
        files[relative] = try Data(contentsOf: url)
      }
    }
  }

  /// What differs, for failure messages.
  func difference(from other: FolderSnapshot) -> String {
    let added = Set(files.keys).subtracting(other.files.keys).union(folders.subtracting(other.folders))
    let removed = Set(other.files.keys).subtracting(files.keys).union(other.folders.subtracting(folders))
    let changed = files.keys.filter { other.files[$0] != nil && other.files[$0] != files[$0] }
    return "added \(added.sorted()), removed \(removed.sorted()), changed \(changed.sorted())"
  }
}

extension SluiceProcess {
  /// Runs `sluice <arguments>`, expects success and parses stdout as one JSON document.
  func json(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> Any {
    let result = try run(arguments)
    XCTAssertEqual(result.status, 0, result.output, file: file, line: line)
    return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8), options: [.fragmentsAllowed])
  }

  /// Rows of `sluice table scan <table> --format json` (every row unless `limit`).
  func scanRows(
    _ table: String, _ extra: [String] = [], limit: Int = 100_000_000, file: StaticString = #filePath,
    line: UInt = #line
  ) throws -> [[String: Any]] {
    let result = try run(["table", "scan", table, "--format", "json", "--limit", String(limit)] + extra)
    XCTAssertEqual(result.status, 0, result.output, file: file, line: line)
    return try result.stdout.split(separator: "\n").map {
      try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
    }
  }

  /// Versions of the table's JSON commits, ascending.
  func deltaVersions(_ table: String) -> [Int] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path(table + "/_delta_log"))) ?? []
    return names.filter { $0.hasSuffix(".json") && $0.count == 25 }.compactMap { Int($0.prefix(20)) }.sorted()
  }

  /// Batch ids with a `commits/<N>` file in the checkpoint.
  func committedBatches(_ checkpoint: String) -> [Int] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path(checkpoint + "/commits"))) ?? []
    return names.compactMap { Int($0) }.sorted()
  }

  /// Parquet data files on disk under the table root (relative paths, `_delta_log` excluded).
  func parquetFilesOnDisk(_ table: String) -> Set<String> {
    guard let walker = FileManager.default.enumerator(atPath: path(table)) else { return [] }
    var files = Set<String>()
    for case let relative as String in walker
    where relative.hasSuffix(".parquet") && !relative.hasPrefix("_delta_log") {
      files.insert(relative)
    }
    return files
  }

  /// The query id in the checkpoint's `metadata`.
  func queryID(_ checkpoint: String) throws -> String? {
    let data = try Data(contentsOf: URL(fileURLWithPath: path(checkpoint + "/metadata")))
    return (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["id"] as? String
  }
}
