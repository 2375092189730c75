import Foundation
import XCTest

/// `sluice table describe | scan | history` on a table written by a pin job, one batch per run
/// so that versions have distinct commit times for time travel.
final class TableCLIEndToEndTests: XCTestCase {
  var sluice: SluiceProcess!
  /// Epoch milliseconds taken between the runs: after version N, before version N+1.
  var between: [Int64] = []
  let table = "tables/pin"
  let pinColumns = [
    "ind", "unique_id", "title", "description", "follower_count", "poster_name", "tag_list",
    "is_image_or_video", "image_src", "save_location", "category",
  ]

  override func setUpWithError() throws {
    sluice = try SluiceProcess.scratch()
    try sluice.write(DeltaJobFiles.pin(partitionBy: ["category"]), to: "pin.yaml")
    let emulated = try sluice.run(["emulate", "--log", "log", "--count", "3000", "--partitions", "2"])
    XCTAssertEqual(emulated.status, 0, emulated.output)
    for _ in 0..<3 {
      let result = try sluice.run(["run", "pin.yaml", "--trigger", "once"])
      XCTAssertEqual(result.status, 0, result.output)
      Thread.sleep(forTimeInterval: 0.05)
      between.append(Int64(Date().timeIntervalSince1970 * 1000))
      Thread.sleep(forTimeInterval: 0.05)
    }
    XCTAssertEqual(sluice.deltaVersions(table), [0, 1, 2])
  }

  override func tearDown() {
    sluice.remove()
  }

  func testDescribeShowsCountsPartitioningProtocolAndSchema() throws {
    let detail = try sluice.json(["table", "describe", table, "--json"]) as? [String: Any] ?? [:]
    XCTAssertEqual(detail["format"] as? String, "delta")
    XCTAssertEqual(detail["name"] as? String, "pin")
    XCTAssertEqual(detail["version"] as? Int, 2)
    XCTAssertEqual(detail["numRecords"] as? Int, 3000)
    let files = sluice.parquetFilesOnDisk(table)
    XCTAssertEqual(detail["numFiles"] as? Int, files.count)
    let bytes = try files.reduce(0) {
      $0
        + (try FileManager.default.attributesOfItem(atPath: sluice.path("\(table)/\($1)"))[.size] as? Int ?? 0)
    }
    XCTAssertEqual(detail["sizeInBytes"] as? Int, bytes)
    XCTAssertEqual(detail["partitionColumns"] as? [String], ["category"])
    XCTAssertEqual(detail["minReaderVersion"] as? Int, 1)
    XCTAssertEqual(detail["minWriterVersion"] as? Int, 2)
    XCTAssertNotNil(detail["id"] as? String)
    let schema = detail["schema"] as? [String: Any]
    let fields = schema?["fields"] as? [[String: Any]] ?? []
    XCTAssertEqual(fields.map { $0["name"] as? String }, pinColumns)
    let types = Dictionary(
      uniqueKeysWithValues: fields.map { ($0["name"] as? String ?? "", $0["type"] as? String) })
    XCTAssertEqual(types["ind"], "long")
    XCTAssertEqual(types["follower_count"], "integer")
    XCTAssertEqual(types["category"], "string")

    let first = try sluice.json(["table", "describe", table, "--version", "0", "--json"]) as? [String: Any]
    XCTAssertEqual(first?["version"] as? Int, 0)
    XCTAssertEqual(first?["numRecords"] as? Int, 1000)

    let human = try sluice.run(["table", "describe", table])
    XCTAssertEqual(human.status, 0, human.output)
    XCTAssertTrue(human.stdout.contains("partitionColumns  category"), human.stdout)
    XCTAssertTrue(human.stdout.contains("numRecords        3,000"), human.stdout)
    XCTAssertTrue(human.stdout.contains("minReaderVersion 1, minWriterVersion 2"), human.stdout)
    XCTAssertTrue(human.stdout.contains("follower_count: int32"), human.stdout)
  }

  func testScanFiltersOnPartitionAndDataColumns() throws {
    let all = try sluice.scanRows(table)
    XCTAssertEqual(all.count, 3000)
    XCTAssertEqual(Set(all.flatMap { $0.keys }), Set(pinColumns))

    let art = try sluice.scanRows(table, ["--where", "category=art"])
    XCTAssertFalse(art.isEmpty)
    XCTAssertEqual(art.count, all.filter { $0["category"] as? String == "art" }.count)
    XCTAssertTrue(art.allSatisfy { $0["category"] as? String == "art" })

    let follower = all.compactMap { $0["follower_count"] as? Int }.first!
    let byFollowers = try sluice.scanRows(table, ["--where", "follower_count=\(follower)"])
    XCTAssertEqual(byFollowers.count, all.filter { $0["follower_count"] as? Int == follower }.count)
    let both = try sluice.scanRows(
      table, ["--where", "follower_count=\(follower)", "--where", "category=art"])
    XCTAssertEqual(
      both.count,
      all.filter { $0["follower_count"] as? Int == follower && $0["category"] as? String == "art" }.count)

    let limited = try sluice.scanRows(table, ["--where", "category=art"], limit: 3)
    XCTAssertEqual(limited.count, min(3, art.count))

    let unknown = try sluice.run(["table", "scan", table, "--where", "colour=red"])
    XCTAssertNotEqual(unknown.status, 0)
    XCTAssertTrue(unknown.stderr.contains("colour") && unknown.stderr.contains("unique_id"), unknown.stderr)
    let badValue = try sluice.run(["table", "scan", table, "--where", "follower_count=many"])
    XCTAssertNotEqual(badValue.status, 0)
    XCTAssertTrue(badValue.stderr.contains("follower_count"), badValue.stderr)
  }

  func testScanTravelsToAVersionOrATimestamp() throws {
    for (version, rows) in [(0, 1000), (1, 2000), (2, 3000)] {
      XCTAssertEqual(
        try sluice.scanRows(table, ["--version", String(version)]).count, rows, "version \(version)")
    }
    let missing = try sluice.run(["table", "scan", table, "--version", "7"])
    XCTAssertNotEqual(missing.status, 0)
    XCTAssertTrue(
      missing.stderr.contains("version 7") && missing.stderr.contains("latest is 2"), missing.stderr)

    // Epoch milliseconds and ISO-8601 both name the version current at that moment.
    XCTAssertEqual(try sluice.scanRows(table, ["--timestamp", String(between[0])]).count, 1000)
    let iso = ISO8601DateFormatter()
    iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    let second = iso.string(from: Date(timeIntervalSince1970: Double(between[1]) / 1000))
    XCTAssertEqual(try sluice.scanRows(table, ["--timestamp", second]).count, 2000, second)
    XCTAssertEqual(try sluice.scanRows(table, ["--timestamp", String(between[2])]).count, 3000)

    let before = try sluice.run(["table", "scan", table, "--timestamp", "2001-01-01T00:00:00Z"])
    XCTAssertNotEqual(before.status, 0)
    XCTAssertTrue(before.stderr.contains("no version at or before"), before.stderr)
    let both = try sluice.run(["table", "scan", table, "--version", "1", "--timestamp", String(between[0])])
    XCTAssertNotEqual(both.status, 0)
    XCTAssertTrue(both.stderr.contains("not both"), both.stderr)
  }

  func testScanPrintsCSVJSONAndATable() throws {
    let json = try sluice.scanRows(table, limit: 5)
    XCTAssertEqual(json.count, 5)

    let csv = try sluice.run(["table", "scan", table, "--format", "csv", "--limit", "5"])
    XCTAssertEqual(csv.status, 0, csv.output)
    let records = CSVText.parse(csv.stdout)
    XCTAssertEqual(records.first, pinColumns, "header")
    XCTAssertEqual(records.count, 6, csv.stdout)
    // Same rows in the same order; null is an empty field (as Spark writes CSV).
    let all = try sluice.scanRows(table)
    let nulls = all.reduce(0) { count, row in count + row.values.filter { $0 is NSNull }.count }
    XCTAssertGreaterThan(nulls, 0, "the cleaner nulls placeholders, so the table has nulls")
    let allCSV = try sluice.run(["table", "scan", table, "--format", "csv", "--limit", "100000000"])
    XCTAssertEqual(allCSV.status, 0, allCSV.output)
    let allRecords = CSVText.parse(allCSV.stdout)
    XCTAssertEqual(allRecords.count, all.count + 1)
    XCTAssertEqual(Array(allRecords.prefix(6)), records)
    var emptyFields = 0
    for (record, row) in zip(allRecords.dropFirst(), all) {
      XCTAssertEqual(record.count, pinColumns.count)
      for (column, text) in zip(pinColumns, record) {
        let value = row[column] ?? NSNull()
        if value is NSNull {
          XCTAssertEqual(text, "", "null in column \(column)")
          emptyFields += 1
        } else {
          XCTAssertEqual(text, "\(value)", "column \(column)")
        }
      }
    }
    XCTAssertEqual(emptyFields, nulls)

    let human = try sluice.run(["table", "scan", table, "--limit", "5"])
    XCTAssertEqual(human.status, 0, human.output)
    let header = human.stdout.split(separator: "\n").first.map(String.init) ?? ""
    for column in pinColumns { XCTAssertTrue(header.contains(column), header) }
    XCTAssertTrue(human.stderr.contains("(5 rows)"), human.stderr)
    for row in json {
      XCTAssertTrue(human.stdout.contains(String(row["ind"] as? Int ?? -1)), human.stdout)
    }

    let bad = try sluice.run(["table", "scan", table, "--format", "xml"])
    XCTAssertNotEqual(bad.status, 0)
    XCTAssertTrue(bad.stderr.contains("table, json or csv"), bad.stderr)
  }

  func testHistoryLimitShowsTheNewestVersions() throws {
    let all = try sluice.json(["table", "history", table, "--json"]) as? [[String: Any]] ?? []
    XCTAssertEqual(all.map { $0["version"] as? Int }, [2, 1, 0])
    let two =
      try sluice.json(["table", "history", table, "--limit", "2", "--json"]) as? [[String: Any]] ?? []
    XCTAssertEqual(two.map { $0["version"] as? Int }, [2, 1])
    XCTAssertEqual(
      two.map { ($0["operationParameters"] as? [String: Any])?["epochId"] as? String }, ["2", "1"])
    XCTAssertEqual(two.map { $0["timestamp"] as? Int }, all.prefix(2).map { $0["timestamp"] as? Int })

    let human = try sluice.run(["table", "history", table, "--limit", "1"])
    XCTAssertEqual(human.status, 0, human.output)
    let lines = human.stdout.split(separator: "\n")
    XCTAssertEqual(lines.count, 3, "header, rule, one version: \(human.stdout)")
    XCTAssertTrue(lines.last?.hasPrefix("2 ") == true, human.stdout)
    XCTAssertTrue(human.stdout.contains("STREAMING UPDATE"), human.stdout)
    XCTAssertTrue(human.stdout.contains("Sluice/"), human.stdout)

    let negative = try sluice.run(["table", "history", table, "--limit=-1"])
    XCTAssertNotEqual(negative.status, 0, negative.output)
    XCTAssertTrue(negative.stderr.contains("--limit must be 0 or more"), negative.stderr)
  }
}

/// A small RFC 4180 reader (quoted fields may hold commas, quotes and newlines).
enum CSVText {
  static func parse(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var chars = Array(text).makeIterator()
    var pending: Character? = nil
    while let c = pending ?? chars.next() {
      pending = nil
      if quoted {
        if c == "\"" {
          if let next = chars.next() {
            if next == "\"" {
              field.append("\"")
            } else {
              quoted = false
              pending = next
            }
          } else {
            quoted = false
          }
        } else {
          field.append(c)
        }
      } else if c == "\"" {
        quoted = true
      } else if c == "," {
        record.append(field)
        field = ""
      } else if c == "\n" || c == "\r\n" {
        record.append(field)
        records.append(record)
        record = []
        field = ""
      } else {
        field.append(c)
      }
    }
    if !field.isEmpty || !record.isEmpty {
      record.append(field)
      records.append(record)
    }
    return records
  }
}
