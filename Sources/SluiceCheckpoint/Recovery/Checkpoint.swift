public import SluiceCore

/// One query's checkpoint folder: the Spark-compatible layout on top of a ``CheckpointStore``.
///
/// ```
/// metadata          {"id":"<uuid>","name":…,"sources":[…]}
/// offsets/<N>       planned batches (write-ahead log)
/// commits/<N>       completed batches
/// sources/<i>/0     initial offset of source i
/// progress/<N>.json recent progress records (bounded)
/// .lock             held by the running process (local folders)
/// ```
///
/// **Damaged files.** Recovery never guesses. An unreadable `offsets/N` is a hard error even
/// when it is the latest entry and `commits/N` is absent: the runner runs a batch only after its
/// `offsets/N` was durably written in full (temporary file, `fsync`, `link`), so an unreadable
/// file was damaged *afterwards*, possibly after the sink had written batch N; silently
/// re-planning N could give it a different range, which a sink that already holds batch N would
/// skip (losing records) or overlap (duplicating them). The error says so and points to
/// ``repair()`` (`sluice checkpoint repair`), an explicit decision by the user. A damaged latest
/// `commits/N` is always safe to discard (batch N is then re-run with its recorded range and the
/// sink recognises it), and ``repair()`` does that too.
public struct Checkpoint: Sendable {
  public let store: any CheckpointStore
  public let offsets: OffsetLog
  public let commits: CommitLog
  public let progress: ProgressLog

  public init(store: any CheckpointStore) {
    self.store = store
    offsets = OffsetLog(store: store, directory: "offsets")
    commits = CommitLog(store: store, directory: "commits")
    progress = ProgressLog(store: store)
  }

  public var location: String { store.location }

  // MARK: - Metadata and initial offsets

  /// The `metadata` file, or `nil` when the checkpoint is new.
  public func readMetadata() throws -> CheckpointMetadata? {
    guard let bytes = try store.read(CheckpointMetadata.path) else { return nil }
    return try CheckpointMetadata.parse(bytes, file: store.displayPath(CheckpointMetadata.path))
  }

  /// Writes `metadata` unless the file exists; returns what the file holds afterwards.
  public func createMetadata(_ metadata: CheckpointMetadata) throws -> CheckpointMetadata {
    if try store.createIfAbsent(CheckpointMetadata.path, contents: metadata.serialized()) {
      return metadata
    }
    return try readMetadata() ?? metadata
  }

  /// The recorded initial offset of source `index` (`sources/<index>/0`), if any.
  public func initialOffset(source index: Int) throws -> SerializedOffset? {
    let path = InitialOffsetFile.path(source: index)
    guard let bytes = try store.read(path) else { return nil }
    return try InitialOffsetFile.parse(bytes, file: store.displayPath(path))
  }

  /// Records the initial offset of source `index` unless one is recorded already; returns the
  /// recorded one (so a crash between this and `offsets/0` keeps batch 0's start stable).
  public func recordInitialOffset(_ offset: SerializedOffset, source index: Int) throws -> SerializedOffset {
    if try store.createIfAbsent(
      InitialOffsetFile.path(source: index), contents: InitialOffsetFile.serialize(offset))
    {
      return offset
    }
    return try initialOffset(source: index) ?? offset
  }

  // MARK: - Recovery

  /// Reads both logs and computes what the next run must do. Checks that both logs are
  /// contiguous, that the latest entries are readable, and that every offsets entry has one
  /// line per source (`sourceCount`).
  public func recoveryPlan(sourceCount: Int) throws -> RecoveryPlan {
    let offsetIDs = try offsets.list()
    try offsets.verifyContiguous(offsetIDs)
    let commitIDs = try commits.list()
    try commits.verifyContiguous(commitIDs)
    let lastCommitted = commitIDs.last
    if let lastCommitted { _ = try readLatestCommit(lastCommitted) }

    var planned: (batch: BatchID, entry: OffsetSeq)?
    var previous: OffsetSeq?
    if let last = offsetIDs.last {
      let entry = try readLatestOffsets(last, committed: lastCommitted == last)
      try checkSourceCount(entry, last, sourceCount)
      planned = (last, entry)
      if let before = last.previous, lastCommitted != last, offsetIDs.contains(before) {
        previous = try offsets.get(before)
        if let previous { try checkSourceCount(previous, before, sourceCount) }
      }
    }
    var initial: [SerializedOffset?] = []
    for index in 0..<sourceCount { initial.append(try initialOffset(source: index)) }
    return try RecoveryPlan.make(
      planned: planned, previous: previous, lastCommitted: lastCommitted,
      initialOffsets: initial.contains(where: { $0 == nil }) ? nil : initial, location: location)
  }

  /// Deletes log entries older than the `retain` most recent batches up to `batch` (Spark's
  /// `minBatchesToRetain`); at least 2 are always kept, since re-running a batch needs the
  /// previous batch's offsets.
  public func purge(upTo batch: BatchID, retain: Int) throws {
    let threshold = batch.rawValue - Int64(max(retain, 2)) + 1
    guard threshold > 0 else { return }
    try offsets.purge(before: BatchID(threshold))
    try commits.purge(before: BatchID(threshold))
  }

  /// Explicit repair for `sluice checkpoint repair`: discards an unreadable latest
  /// `commits/N` (safe: batch N is re-run with its recorded range and the sink skips it), and an
  /// unreadable latest `offsets/N` that has no commit (batch N is planned again; safe only if the
  /// sink does not hold batch N — the caller must have said so). Returns what it did, one line
  /// per action; refuses (`repairRefused`) anything else.
  public func repair() throws -> [String] {
    let lastCommit = try commits.list().last
    let lastOffsets = try offsets.list().last
    let commitDamaged = lastCommit.map { id in isDamaged { _ = try commits.get(id) } } ?? false
    let offsetsDamaged = lastOffsets.map { id in isDamaged { _ = try offsets.get(id) } } ?? false
    if offsetsDamaged, let last = lastOffsets, let lastCommit, lastCommit >= last {
      throw CheckpointError(
        .repairRefused,
        "\(store.displayPath(offsets.path(last))) is unreadable but batch \(last) is committed",
        advice: "its range cannot be re-planned safely; restore the file from a backup")
    }
    var done: [String] = []
    if commitDamaged, let last = lastCommit {
      try store.delete(commits.path(last))
      done.append("deleted unreadable \(store.displayPath(commits.path(last))): batch \(last) will be re-run")
    }
    if offsetsDamaged, let last = lastOffsets {
      try store.delete(offsets.path(last))
      done.append(
        "deleted unreadable \(store.displayPath(offsets.path(last))): batch \(last) will be planned again")
    }
    return done
  }

  // MARK: - Reading with precise advice

  private func readLatestCommit(_ batch: BatchID) throws -> CommitEntry {
    do {
      guard let entry = try commits.get(batch) else { throw missing(commits.path(batch)) }
      return entry
    } catch let error as CheckpointError where isDamage(error) {
      throw error.withAdvice(
        "commits/\(batch) only marks batch \(batch) as complete: run `sluice checkpoint repair "
          + "\(location)` (or delete the file); batch \(batch) is then re-run with its recorded range "
          + "and the sink recognises it as already written")
    }
  }

  private func readLatestOffsets(_ batch: BatchID, committed: Bool) throws -> OffsetSeq {
    do {
      guard let entry = try offsets.get(batch) else { throw missing(offsets.path(batch)) }
      return entry
    } catch let error as CheckpointError where isDamage(error) && !committed {
      throw error.withAdvice(
        "batch \(batch) was planned but never committed. If the sink does not hold batch \(batch), run "
          + "`sluice checkpoint repair \(location)` to discard this file: batch \(batch) is then planned "
          + "again from where batch \(batch.rawValue - 1) ended. If the sink may hold it, restore the "
          + "file from a backup instead (a re-planned batch could get a different range)")
    } catch let error as CheckpointError where isDamage(error) && committed {
      throw error.withAdvice(
        "batch \(batch) is committed and its end offsets are where batch \(batch.next) starts, so they cannot "
          + "be guessed: restore the file from a backup. Starting over with a new checkpoint folder re-reads "
          + "the stream from the starting offsets, and the sink then holds those records twice unless it is "
          + "emptied too")
    }
  }

  private func checkSourceCount(_ entry: OffsetSeq, _ batch: BatchID, _ sourceCount: Int) throws {
    guard entry.offsets.count != sourceCount else { return }
    throw CheckpointError(
      .inconsistentLogs,
      "\(store.displayPath(offsets.path(batch))) has offsets for \(entry.offsets.count) source(s) but "
        + "this query reads \(sourceCount)",
      advice: "a checkpoint belongs to one query shape; use a new checkpoint folder for a query with "
        + "different sources")
  }

  private func isDamaged(_ read: () throws -> Void) -> Bool {
    do {
      try read()
      return false
    } catch let error as CheckpointError {
      return isDamage(error)
    } catch {
      return false
    }
  }

  private func isDamage(_ error: CheckpointError) -> Bool {
    [.emptyFile, .truncatedFile, .corruptFile].contains(error.code)
  }

  private func missing(_ path: String) -> CheckpointError {
    CheckpointError(
      .ioFailure, "\(store.displayPath(path)) disappeared while being read",
      advice: "another process is changing the checkpoint; stop it and restart")
  }
}
