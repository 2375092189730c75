import SluiceCore

/// The whole outcome of a `sluice-bench` run: machine, settings and per-case results, as a
/// Markdown table for people (ready for the README) and as one JSON object for scripts.
struct BenchReport {
  var machine: MachineInfo
  var options: BenchOptions
  var results: [CaseResult]

  var json: JSONValue {
    .object([
      ("machine", machine.json),
      (
        "settings",
        .object([
          ("records", .int(Int64(options.records))),
          ("e2eRecords", .int(Int64(options.endToEndRecords))),
          ("repeat", .int(Int64(options.repeats))),
          ("warmupRuns", .int(1)),
          ("batch", .int(Int64(options.batchSize))),
          ("seed", .int(Int64(options.seed))),
          ("statistic", .string("median")),
          ("megabyte", .int(1_000_000)),
        ])
      ),
      ("results", .array(results.map(\.json))),
      ("aimsMissed", .array(aimsMissed.map { .string($0) })),
    ])
  }

  /// Cases whose aim was missed, plus `<job>:rss` when the peak resident memory during a
  /// batch exceeded the RSS aim and `pipeline-pin-delta:commit` (`:commit-p99`) when the
  /// median (99th percentile) Delta commit of a batch took longer than its aim.
  var aimsMissed: [String] {
    var missed = results.filter { $0.aimMet == false }.map(\.name)
    for result in results {
      let extras = JSONValue.object(result.extras)
      if extras["rssAim"]?["batchPeakMet"]?.boolValue == false { missed.append(result.name + ":rss") }
      if extras["commitAim"]?["p50Met"]?.boolValue == false { missed.append(result.name + ":commit") }
      if extras["commitAim"]?["p99Met"]?.boolValue == false { missed.append(result.name + ":commit-p99") }
    }
    return missed
  }

  /// A Markdown table with a header line naming the machine, then the notes.
  var table: String {
    let header = ["case", "work", "median", "rate", "MB/s", "aim", "met"]
    var rows: [[String]] = []
    for result in results {
      if let notRun = result.notRun {
        rows.append([result.name, notRun, "–", "–", "–", "", ""])
        continue
      }
      let mb =
        result.bytes > 0
        ? Format.megabytes(Double(result.bytes) / result.seconds) + " (\(result.bytesMeaning))" : "–"
      rows.append([
        result.name,
        "\(Format.count(result.records)) \(result.unit)",
        Format.seconds(result.seconds),
        "\(Format.rate(result.recordsPerSecond)) \(result.unit)/s",
        mb,
        result.aim?.text ?? result.comparison ?? "",
        result.aimMet.map { $0 ? "yes" : "**no**" } ?? "",
      ])
    }
    let widths = header.indices.map { column in
      ([header[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
    }
    func line(_ cells: [String]) -> String {
      "| " + cells.enumerated().map { $0.element.padded(to: widths[$0.offset]) }.joined(separator: " | ")
        + " |"
    }
    var text = "Sluice benchmarks · \(machine.summary)\n"
    text +=
      "median of \(options.repeats) runs after 1 warm-up · \(Format.count(options.records)) events per micro case, "
    text +=
      "\(Format.count(options.endToEndRecords)) for the pin jobs · batches of \(Format.count(options.batchSize)) · "
    text += "seed \(options.seed) · MB = 10^6 bytes\n\n"
    text += line(header) + "\n"
    text += "|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|\n"
    for row in rows { text += line(row) + "\n" }
    let notes = results.flatMap(\.notes)
    if !notes.isEmpty {
      text += "\n" + notes.map { "- " + $0 }.joined(separator: "\n") + "\n"
    }
    return text
  }
}
