import ArgumentParser
import DeltaLake
import SluiceCheckpoint
import SluiceCore
import SluiceJob

/// `sluice checkpoint rewind <dir> --to-batch N [--job J] [--dry-run] [--force]`.
struct CheckpointRewindCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rewind",
    abstract: "Forget the batches after N so the next run re-processes from the end of batch N.",
    discussion: """
      Removes offsets/M, commits/M and progress/M.json for every batch M > N (newest first), so \
      the next `sluice run` plans batch N+1 again from where batch N ended. Stop the job first \
      (the checkpoint lock is taken).

      Sinks are not changed. They are idempotent per (query id, batch id): a Delta table that \
      already holds batches N+1… of this query (its `txn` for the query id) skips them as \
      already written, so re-running them changes nothing — and a re-planned batch can cover a \
      different range than the original, so records past the original ranges could be skipped \
      too. Rewind a Delta job only after restoring or recreating the table so that it holds no \
      batch after N of this query (with --job, rewind checks this and refuses otherwise unless \
      --force). A JSON Lines sink: delete its part files after batch N first.

      Examples:
        sluice checkpoint rewind checkpoints/pin --to-batch 4 --dry-run
        sluice checkpoint rewind checkpoints/pin --to-batch 4 --job Examples/pinterest/pin.yaml
      """)

  @Argument(help: "The checkpoint folder.")
  var directory: String
  @Option(name: .long, help: "The last batch to keep.")
  var toBatch: Int64
  @Option(name: .long, help: "The job file: check that its Delta table holds no batch after N of this query.")
  var job: String?
  @Flag(name: .long, help: "Show what would be removed; remove nothing.")
  var dryRun = false
  @Flag(name: .long, help: "Rewind even though the job's Delta table holds later batches of this query.")
  var force = false

  func validate() throws {
    if toBatch < 0 {
      throw ValidationError("--to-batch must be 0 or more (to start over, use a new checkpoint folder)")
    }
  }

  func run() throws {
    try CLIFailure.reporting {
      let lock = try CheckpointLock.acquire(directory: directory)
      defer { lock.release() }
      let checkpoint = Checkpoint(store: LocalCheckpointStore(root: directory))
      let batch = BatchID(toBatch)
      if let job {
        try checkSink(job: job, checkpoint: checkpoint, batch: batch)
      }
      let rewind = try checkpoint.rewind(toBatch: batch, dryRun: dryRun)
      if rewind.batches.isEmpty {
        Terminal.out("nothing to rewind: batch \(batch) is the last batch of \(directory)")
        return
      }
      let verb = dryRun ? "would remove" : "removed"
      for path in rewind.removed { Terminal.out("\(verb) \(directory)/\(path)") }
      Terminal.out(
        "\(dryRun ? "would forget" : "forgot") batches \(rewind.batches.first!)…\(rewind.batches.last!); the next run "
          + "plans batch \(batch.next) from \(rewind.resumeFrom?.text ?? "the end of batch \(batch)")")
      Terminal.out(
        "note: sinks are unchanged. A Delta table that still holds batches after \(batch) of this query skips "
          + "them as already written (its txn); restore or recreate the table first if they must be written again"
      )
    }
  }

  /// With a Delta sink: refuse when the table holds batches after `batch` of this query.
  func checkSink(job: String, checkpoint: Checkpoint, batch: BatchID) throws {
    let spec = try JobSpec.load(path: job)
    guard case .delta(let delta) = spec.sink, let metadata = try checkpoint.readMetadata() else { return }
    guard let table = try? DeltaTable.open(path: delta.path) else { return }
    let snapshot = try table.snapshot()
    guard let held = snapshot.transactionVersion(appId: metadata.id.rawValue), held > batch.rawValue else {
      return
    }
    let message =
      "the table \(delta.path) holds batches up to \(held) of query \(metadata.id) (txn at version "
      + "\(snapshot.version)): after rewinding to \(batch), batches \(batch.next)…\(held) would be skipped as "
      + "already written, so nothing would be re-processed"
    if force {
      Terminal.err("warning: \(message) (--force)")
      return
    }
    throw CLIFailure(
      message: message
        + "; restore or recreate the table so it holds no batch after \(batch) of this query, or pass --force"
    )
  }
}
