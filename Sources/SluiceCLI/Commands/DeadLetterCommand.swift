import ArgumentParser
import SluiceCore
import SluiceJob

struct DeadLetterCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "deadletter",
    abstract: "Work with the dead-letter table of a job (onError: deadLetter).",
    discussion: """
      With `onError: deadLetter`, each bad record (malformed JSON, a wrong type, …) is written to \
      a Delta table (default tables/<job>_deadletter) with its raw bytes, key, source position, \
      error, step, batch id, query id and time, exactly once, in the same micro-batch.

      Examples:
        sluice table scan tables/pin_deadletter --limit 5
        sluice deadletter replay Examples/pinterest/pin.yaml --dry-run
        sluice deadletter replay Examples/pinterest/pin.yaml
      """,
    subcommands: [Replay.self])

  struct Replay: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Re-run dead letters through the (fixed) job into its Delta table, exactly once.",
      discussion: """
        Reads the dead letters added since the last replay, decodes and transforms them with the \
        job file as it is now, and appends the rows that succeed to the job's Delta table in one \
        commit carrying a replay transaction id: running replay again appends nothing new. \
        Records that still fail are listed; they stay in the dead-letter table and are not \
        retried by later replays.
        """)

    @Argument(help: "The job file whose decoder, transforms and sink to use.")
    var job: String
    @Option(name: .long, help: "The dead-letter table (default: the job's deadLetter.path).")
    var from: String?
    @Flag(name: .long, help: "Decode and transform, report, write nothing.")
    var dryRun = false
    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func run() async throws {
      let report: DeadLetterReplay.Report
      do {
        let spec = try JobSpec.load(path: job)
        report = try await DeadLetterReplay(spec: spec, from: from).run(dryRun: dryRun)
      } catch {
        throw CLIFailure(error)
      }
      if json {
        Terminal.json(
          .object([
            ("deadLetterTable", .string(report.deadLetterTable)), ("sinkTable", .string(report.sinkTable)),
            ("deadLetterVersion", .int(report.deadLetterVersion)),
            ("previouslyReplayedVersion", report.previouslyReplayedVersion.map { .int($0) } ?? .null),
            ("considered", .int(Int64(report.considered))), ("recovered", .int(Int64(report.rowsRecovered))),
            ("written", .int(Int64(report.rowsWritten))),
            ("stillFailing", .int(Int64(report.stillFailing.count))),
            ("alreadyReplayed", .bool(report.alreadyReplayed)), ("dryRun", .bool(report.dryRun)),
            ("tableVersion", report.tableVersion.map { .int($0) } ?? .null),
            ("failures", .array(report.stillFailing.prefix(100).map { .string($0.description) })),
          ]))
        return
      }
      if report.alreadyReplayed && report.considered == 0 {
        Terminal.out(
          "nothing to replay: \(report.sinkTable) already holds the dead letters of \(report.deadLetterTable) "
            + "up to version \(report.deadLetterVersion)")
        return
      }
      let verb = report.dryRun ? "would append" : "appended"
      let written = report.dryRun ? report.rowsRecovered : report.rowsWritten
      Terminal.out(
        "\(report.considered) dead letters from \(report.deadLetterTable) (versions "
          + "\((report.previouslyReplayedVersion ?? -1) + 1)…\(report.deadLetterVersion)): \(verb) \(written) rows to "
          + "\(report.sinkTable)" + (report.tableVersion.map { " (version \($0))" } ?? "")
          + ", \(report.stillFailing.count) still fail")
      for failure in report.stillFailing.prefix(20) {
        Terminal.out("  still failing: \(failure.position): \(failure.reason)")
      }
      if report.stillFailing.count > 20 { Terminal.out("  … and \(report.stillFailing.count - 20) more") }
    }
  }
}
