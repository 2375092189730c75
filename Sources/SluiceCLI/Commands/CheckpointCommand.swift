import ArgumentParser
import SluiceCheckpoint
import SluiceCore
import SluiceJob
import SluiceLog

struct CheckpointCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "checkpoint",
    abstract: "Inspect and repair a job's checkpoint folder.",
    discussion: """
      A checkpoint folder has Spark's layout: `metadata` (query id), `offsets/N` (batch N planned, \
      with its end offsets), `commits/N` (batch N done), `sources/0/0` (initial offsets) and \
      `progress/N.json` (recent batch progress).

      Examples:
        sluice checkpoint status checkpoints/pin
        sluice checkpoint status checkpoints/pin --job Examples/pinterest/pin.yaml --json
        sluice checkpoint repair checkpoints/pin
        sluice checkpoint rewind checkpoints/pin --to-batch 4 --dry-run
      """,
    subcommands: [Status.self, Repair.self, CheckpointRewindCommand.self])

  struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show the last planned and committed batch, their offsets, a pending batch and the lag.",
      discussion: """
        The lag (records available in the source after the last committed batch) needs the \
        source: it is taken from --job when given, otherwise from the embedded log at --log for \
        checkpoints of log sources.
        """)

    @Argument(help: "The checkpoint folder, e.g. checkpoints/pin.")
    var directory: String
    @Option(name: .long, help: "The job file, to measure the lag against its source.")
    var job: String?
    @Option(
      name: .long, help: "Root of the embedded log (for the lag of log sources when --job is not given).")
    var log = "data/log"
    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func run() async throws {
      let checkpoint = Checkpoint(store: LocalCheckpointStore(root: directory))
      let status: CheckpointStatus
      do {
        status = try CheckpointStatus.read(checkpoint)
      } catch {
        throw CLIFailure(error)
      }
      let lag = await measureLag(status)
      if json {
        var members = status.json.objectMembers ?? []
        members.append(("lag", lag.map { .int($0) } ?? .null))
        Terminal.json(.object(members), pretty: true)
      } else {
        Terminal.out(status.summary)
        Terminal.out(
          "  lag              "
            + (lag.map { "\(Terminal.grouped($0)) records not yet committed" }
              ?? "unknown (pass --job, or --log for a log source, to measure it)"))
      }
      if status.problem != nil { throw ExitCode(2) }
    }

    /// Records available after the last committed batch's end offsets.
    func measureLag(_ status: CheckpointStatus) async -> Int64? {
      let checkpoint = Checkpoint(store: LocalCheckpointStore(root: directory))
      // After the last committed batch, or from the initial offsets when nothing is committed yet.
      let end: SerializedOffset?
      if let committed = status.lastCommitted {
        end = try? checkpoint.offsets.get(committed)?.offsets.first ?? nil
      } else {
        end = try? checkpoint.initialOffset(source: 0)
      }
      guard let end else { return nil }
      let source: (any Source)?
      if let job {
        source = try? JobSpec.load(path: job).source.makeSource()
      } else if let identity = status.metadata?.sources?.first, identity.hasPrefix("log:"),
        let store = try? LogStore(root: log)
      {
        let topics = identity.dropFirst(4).split(separator: ",").map(String.init)
        source = LogSource(store: store, topics: topics)
      } else {
        source = nil
      }
      return try? await source?.lag(after: end)
    }
  }

  struct Repair: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Remove damaged trailing checkpoint entries so the job can resume.",
      discussion: """
        Only the newest entries are ever removed: a damaged last `commits/N` (batch N is then \
        re-run with its recorded range, and the sink recognises it), or a damaged last \
        `offsets/N` that has no commit. Run it only when `sluice run` or `checkpoint status` \
        tells you to; it prints what it removed.
        """)

    @Argument(help: "The checkpoint folder.")
    var directory: String

    func run() throws {
      let removed: [String]
      do {
        removed = try Checkpoint(store: LocalCheckpointStore(root: directory)).repair()
      } catch {
        throw CLIFailure(error)
      }
      if removed.isEmpty {
        Terminal.out("nothing to repair in \(directory)")
      } else {
        for action in removed { Terminal.out(action) }
      }
    }
  }
}
