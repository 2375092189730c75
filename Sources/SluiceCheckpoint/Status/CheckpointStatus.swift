public import SluiceCore

/// A read-only report on a checkpoint folder, for `sluice checkpoint status <dir>`: query id,
/// last planned batch and its end offsets, last committed batch, the pending (planned, not
/// committed) batch, entry counts, what the next run will do, and any damage found. Lag
/// against the source is the caller's to add (this module knows no sources).
public struct CheckpointStatus: Sendable {
  /// The latest entry of the offsets log.
  public struct PlannedBatch: Sendable, Hashable {
    public var batchID: BatchID
    /// End offsets per source (`nil` = no offset yet).
    public var endOffsets: [SerializedOffset?]
    public var batchTimestampMs: Int64
  }

  public var location: String
  public var metadata: CheckpointMetadata?
  public var lastPlanned: PlannedBatch?
  public var lastCommitted: BatchID?
  /// The batch that is planned but not committed (the next run re-runs it), if any.
  public var pendingBatch: BatchID?
  public var offsetsCount: Int
  public var commitsCount: Int
  public var progressCount: Int
  /// What the next run will do (``RecoveryPlan`` in words), when the logs are sound.
  public var nextRun: String?
  /// The error that would stop the next run, when the checkpoint is damaged.
  public var problem: CheckpointError?

  /// Reads the status. Damage in the logs is reported in ``problem`` rather than thrown; only
  /// failures to list the folder are thrown.
  public static func read(_ checkpoint: Checkpoint) throws -> CheckpointStatus {
    var status = CheckpointStatus(
      location: checkpoint.location, offsetsCount: 0, commitsCount: 0, progressCount: 0)
    let offsetIDs = try checkpoint.offsets.list()
    let commitIDs = try checkpoint.commits.list()
    status.offsetsCount = offsetIDs.count
    status.commitsCount = commitIDs.count
    status.progressCount = try checkpoint.progress.list().count
    status.lastCommitted = commitIDs.last
    if let last = offsetIDs.last, commitIDs.last.map({ $0 < last }) ?? true {
      status.pendingBatch = last
    }
    do {
      status.metadata = try checkpoint.readMetadata()
      var sourceCount = status.metadata?.sources?.count ?? 1
      if let last = offsetIDs.last, let entry = try checkpoint.offsets.get(last) {
        status.lastPlanned = PlannedBatch(
          batchID: last, endOffsets: entry.offsets, batchTimestampMs: entry.metadata.batchTimestampMs)
        if status.metadata?.sources == nil { sourceCount = entry.offsets.count }
      }
      status.nextRun = try checkpoint.recoveryPlan(sourceCount: sourceCount).description
    } catch let error as CheckpointError {
      status.problem = error
    }
    return status
  }

  /// Machine-readable form.
  public var json: JSONValue {
    func optional(_ id: BatchID?) -> JSONValue { id.map { .int($0.rawValue) } ?? .null }
    var members: [(String, JSONValue)] = [
      ("checkpoint", .string(location)),
      ("id", metadata.map { .string($0.id.rawValue) } ?? .null),
      ("name", metadata?.name.map { .string($0) } ?? .null),
      ("sources", .array((metadata?.sources ?? []).map { .string($0) })),
    ]
    if let lastPlanned {
      members.append(
        (
          "lastPlanned",
          .object([
            ("batchId", .int(lastPlanned.batchID.rawValue)),
            ("endOffsets", .array(lastPlanned.endOffsets.map { $0?.json ?? .null })),
            ("batchTimestampMs", .int(lastPlanned.batchTimestampMs)),
          ])
        ))
    } else {
      members.append(("lastPlanned", .null))
    }
    members += [
      ("lastCommitted", optional(lastCommitted)),
      ("pendingBatch", optional(pendingBatch)),
      ("offsetsCount", .int(Int64(offsetsCount))),
      ("commitsCount", .int(Int64(commitsCount))),
      ("progressCount", .int(Int64(progressCount))),
      ("nextRun", nextRun.map { .string($0) } ?? .null),
      ("problem", problem.map { .string($0.message) } ?? .null),
    ]
    return .object(members)
  }

  /// Human summary, a few lines.
  public var summary: String {
    var lines: [String] = []
    var head = "checkpoint \(location)"
    if let metadata {
      head += " (query \(metadata.id)" + (metadata.name.map { ", name \($0)" } ?? "") + ")"
    } else if offsetsCount == 0 {
      head += " (new: no query has run here yet)"
    }
    lines.append(head)
    if let sources = metadata?.sources {
      lines.append("  sources          \(sources.joined(separator: ", "))")
    }
    if let lastPlanned {
      let offsets = lastPlanned.endOffsets.map { $0?.text ?? "-" }.joined(separator: ", ")
      lines.append("  last planned     batch \(lastPlanned.batchID), end \(offsets)")
    } else if pendingBatch != nil {
      lines.append("  last planned     batch \(pendingBatch!) (unreadable)")
    } else {
      lines.append("  last planned     none")
    }
    lines.append("  last committed   " + (lastCommitted.map { "batch \($0)" } ?? "none"))
    lines.append(
      "  pending          "
        + (pendingBatch.map { "batch \($0) (planned, not committed: the next run re-runs it)" } ?? "none"))
    lines.append(
      "  entries          \(offsetsCount) offsets, \(commitsCount) commits, \(progressCount) progress")
    if let nextRun { lines.append("  next run         \(nextRun)") }
    if let problem { lines.append("  PROBLEM          \(problem.message)") }
    return lines.joined(separator: "\n")
  }
}
