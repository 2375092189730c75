import ArgumentParser
import DeltaLake
import Foundation
import SluiceCore
import SluiceJSON

struct TableCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "table",
    abstract: "Inspect Delta Lake tables: history, details, rows (also tables written by Spark or delta-rs).",
    discussion: """
      Examples:
        sluice table history tables/pin --limit 5        # like DESCRIBE HISTORY
        sluice table describe tables/pin                 # like DESCRIBE DETAIL
        sluice table scan tables/pin --where category=art --limit 10
        sluice table scan tables/pin --version 3 --format csv
        sluice table scan tables/pin --timestamp 2026-11-23T18:00:00Z --format json
      """,
    subcommands: [History.self, Describe.self, Scan.self])

  static func open(_ path: String) throws -> DeltaTable {
    try CLIFailure.reporting { try DeltaTable.open(path: path) }
  }

  /// `2026-11-23T19:10:07.145Z`.
  static func isoMillis(_ ms: Int64) -> String {
    let seconds = ms >= 0 ? ms / 1000 : (ms - 999) / 1000
    let millis = ms - seconds * 1000
    let fraction = String(millis)
    return Timestamp.isoString(micros: seconds * 1_000_000) + "."
      + String(repeating: "0", count: 3 - fraction.count) + fraction + "Z"
  }

  struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show the table's versions, newest first: operation, parameters, metrics, engine.")

    @Argument(help: "The table folder.")
    var path: String
    @Option(name: .long, help: "Show at most this many versions.")
    var limit: Int?
    @Flag(name: .long, help: "Print one JSON object per version (delta-rs history() fields).")
    var json = false

    func validate() throws {
      if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
    }

    func run() throws {
      let entries = try CLIFailure.reporting { try TableCommand.open(path).history(limit: limit) }
      if json {
        Terminal.json(.array(entries.map(\.json)), pretty: true)
        return
      }
      let rows = entries.map { entry -> [String] in
        let info = entry.commitInfo
        return [
          String(entry.version), TableCommand.isoMillis(entry.timestamp), info?.operation ?? "-",
          info.map { $0.operationParameters.compact } ?? "-",
          info?.readVersion.map(String.init) ?? "-", info?.isBlindAppend.map { $0 ? "true" : "false" } ?? "-",
          info.map { $0.operationMetrics.compact } ?? "-", info?.engineInfo ?? "-",
        ]
      }
      TextTable.print(
        header: [
          "version", "timestamp", "operation", "parameters", "readVersion", "blindAppend", "metrics",
          "engine",
        ],
        rows: rows)
    }
  }

  struct Describe: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show format, id, location, schema, partitioning, files, size, rows, protocol, properties.")

    @Argument(help: "The table folder.")
    var path: String
    @Option(name: .long, help: "Describe this version instead of the latest.")
    var version: Int64?
    @Flag(name: .long, help: "Print JSON (DESCRIBE DETAIL field names).")
    var json = false

    func run() throws {
      let detail = try CLIFailure.reporting { try TableCommand.open(path).detail(version: version) }
      if json {
        Terminal.json(detail.json, pretty: true)
        return
      }
      Terminal.out("format            \(detail.format)")
      Terminal.out("id                \(detail.id)")
      if let name = detail.name { Terminal.out("name              \(name)") }
      Terminal.out("location          \(detail.location)")
      Terminal.out("version           \(detail.version)")
      if let created = detail.createdAt {
        Terminal.out("createdAt         \(TableCommand.isoMillis(created))")
      }
      if let modified = detail.lastModified {
        Terminal.out("lastModified      \(TableCommand.isoMillis(modified))")
      }
      Terminal.out(
        "partitionColumns  "
          + (detail.partitionColumns.isEmpty ? "none" : detail.partitionColumns.joined(separator: ", ")))
      Terminal.out("numFiles          \(Terminal.grouped(detail.numFiles))")
      Terminal.out("sizeInBytes       \(Terminal.grouped(detail.sizeInBytes))")
      Terminal.out(
        "numRecords        " + (detail.numRecords.map { Terminal.grouped($0) } ?? "unknown (no stats)"))
      Terminal.out(
        "protocol          minReaderVersion \(detail.minReaderVersion), minWriterVersion \(detail.minWriterVersion)"
      )
      Terminal.out("properties        \(detail.properties.json.compact)")
      Terminal.out("schema")
      for field in detail.schema.fields {
        Terminal.out("  \(field.name): \(field.type)\(field.nullable ? "" : " not null")")
      }
    }
  }

  struct Scan: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print rows of the table, optionally at a version or timestamp (time travel) and filtered.")

    @Argument(help: "The table folder.")
    var path: String
    @Option(name: .long, help: "Read the table as of this version.")
    var version: Int64?
    @Option(name: .long, help: "Read the table as of this time (ISO-8601, or epoch milliseconds).")
    var timestamp: String?
    @Option(
      name: .long, parsing: .singleValue,
      help: "Keep rows where column = value (repeatable; empty value matches null).")
    var `where`: [String] = []
    @Option(name: .long, help: "Print at most this many rows.")
    var limit: Int = 20
    @Option(name: .long, help: "Output format: table, json (one object per line) or csv.")
    var format: String = "table"

    func validate() throws {
      if version != nil && timestamp != nil {
        throw ValidationError("give --version or --timestamp, not both")
      }
      if let timestamp, Self.millis(timestamp) == nil {
        throw ValidationError(
          "--timestamp '\(timestamp)' is not ISO-8601 (2026-11-23T18:00:00Z) or epoch milliseconds")
      }
      for condition in `where` where !condition.contains("=") {
        throw ValidationError("--where '\(condition)' must look like column=value")
      }
      guard ["table", "json", "csv"].contains(format) else {
        throw ValidationError("--format must be table, json or csv")
      }
      if limit < 0 { throw ValidationError("--limit must be 0 or more") }
    }

    static func millis(_ text: String) -> Int64? {
      if let ms = Int64(text) { return ms }
      return Timestamp.parseMicros(text).map { $0 / 1000 }
    }

    func run() throws {
      let conditions = `where`.map { condition -> (column: String, value: String) in
        let parts = condition.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
      }
      let batch = try CLIFailure.reporting {
        try TableCommand.open(path).scan(
          version: version, timestamp: timestamp.flatMap(Self.millis), where: conditions, limit: limit)
      }
      switch format {
      case "json":
        var bytes: [UInt8] = []
        JSONRowEncoder(schema: batch.schema).encode(batch, into: &bytes)
        Terminal.out(String(decoding: bytes, as: UTF8.self), terminator: "")
      case "csv":
        Terminal.out(batch.schema.names.map(CSV.escape).joined(separator: ","))
        for row in batch.rows {
          Terminal.out(row.values.map(CSV.field).joined(separator: ","))
        }
      default:
        TextTable.print(header: batch.schema.names, rows: batch.rows.map { $0.values.map(TextTable.text) })
        Terminal.err("(\(batch.count) row\(batch.count == 1 ? "" : "s"))")
      }
    }
  }
}

enum CSV {
  /// A value as a CSV field: null is an empty field and an empty string is `""` (as Spark
  /// writes them), so the two stay distinguishable.
  static func field(_ value: Value) -> String {
    switch value {
    case .null: ""
    case .string(let s) where s.isEmpty: "\"\""
    default: escape(TextTable.text(value))
    }
  }

  static func escape(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
