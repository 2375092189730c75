public import SluiceCore

extension Checkpoint {
  /// What ``rewind(toBatch:dryRun:)`` removes (or would remove).
  public struct Rewind: Sendable {
    /// The batch the checkpoint ends at afterwards (its `offsets/N` and `commits/N` stay).
    public var toBatch: BatchID
    /// Batches forgotten (their offsets or commits entries are removed).
    public var batches: [BatchID]
    /// Paths removed, relative to the checkpoint folder.
    public var removed: [String]
    /// The end offset of `toBatch`: where the next run starts reading.
    public var resumeFrom: SerializedOffset?
  }

  /// `sluice checkpoint rewind`: forgets every batch after `batch` (removes `offsets/M`,
  /// `commits/M` and `progress/M.json` for M > `batch`), so the next run plans batch
  /// `batch + 1` again from where `batch` ended. Newest entries are removed first, so an
  /// interrupted rewind leaves a contiguous, consistent checkpoint. With `dryRun` nothing is
  /// removed.
  ///
  /// Refuses (`repairRefused`) when `batch` is not committed or its `offsets` entry was
  /// purged. The caller must hold the checkpoint lock. Sinks stay as they are: an idempotent
  /// sink that already holds a re-planned batch id skips it (see the CLI's advice).
  public func rewind(toBatch batch: BatchID, dryRun: Bool) throws -> Rewind {
    let offsetIDs = try offsets.list()
    let commitIDs = try commits.list()
    guard commitIDs.contains(batch), offsetIDs.contains(batch) else {
      let committed = commitIDs.isEmpty ? "none" : "\(commitIDs.first!)…\(commitIDs.last!)"
      let kept = offsetIDs.isEmpty ? "none" : "\(offsetIDs.first!)…\(offsetIDs.last!)"
      throw CheckpointError(
        .repairRefused,
        "cannot rewind \(location) to batch \(batch): it is not a committed batch whose offsets are kept "
          + "(committed: \(committed); offsets kept: \(kept))",
        advice: "choose a batch in both ranges (older offsets are purged after 100 batches)")
    }
    let resumeFrom = try offsets.get(batch)?.offsets.first ?? nil
    var paths: [(BatchID, String)] = []
    for id in commitIDs where id > batch { paths.append((id, commits.path(id))) }
    for id in offsetIDs where id > batch { paths.append((id, offsets.path(id))) }
    for id in try progress.list() where id > batch { paths.append((id, progress.path(id))) }
    // Newest first, commits before offsets of the same batch: every intermediate state is a
    // valid checkpoint (at worst a planned batch that the next run re-runs).
    paths.sort { lhs, rhs in
      lhs.0 != rhs.0 ? lhs.0 > rhs.0 : rank(lhs.1) < rank(rhs.1)
    }
    if !dryRun {
      for (_, path) in paths { try store.delete(path) }
    }
    let batches = Set(paths.map(\.0)).sorted()
    return Rewind(toBatch: batch, batches: batches, removed: paths.map(\.1), resumeFrom: resumeFrom)
  }

  private func rank(_ path: String) -> Int {
    path.hasPrefix("commits/") ? 0 : path.hasPrefix("progress/") ? 1 : 2
  }
}
