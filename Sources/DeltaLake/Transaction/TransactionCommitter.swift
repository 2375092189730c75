/// Commits a list of actions as the next table version with put-if-absent, retrying on top of
/// concurrent commits that do not conflict (see ``ConflictChecker``).
///
/// The actions are written exactly as given (the caller puts `commitInfo` first, as Spark
/// does); on retry the same bytes go to the next free version.
public struct TransactionCommitter: Sendable {
  public let store: any LogStore
  /// Put-if-absent attempts before giving up with ``DeltaError/Code/conflict``.
  public let maxAttempts: Int

  public init(store: any LogStore, maxAttempts: Int = 10) {
    self.store = store
    self.maxAttempts = max(1, maxAttempts)
  }

  /// Commits `actions` read at `readVersion` (`nil` when creating the table: version 0).
  /// `transaction` is the commit's application `txn`, if any.
  public func commit(_ actions: [DeltaAction], readVersion: Int64?, transaction: TransactionAction? = nil)
    throws
    -> CommitOutcome
  {
    let bytes = CommitFile.encode(actions)
    let removed = Set(
      actions.compactMap { action -> String? in
        if case .remove(let r) = action { return r.path }
        return nil
      })
    let checker = ConflictChecker(
      transaction: transaction, removedPaths: removed, location: store.logLocation)
    var attemptVersion = (readVersion ?? -1) + 1
    for attempt in 1...maxAttempts {
      if try store.createCommit(attemptVersion, contents: bytes) {
        return .committed(version: attemptVersion, attempts: attempt)
      }
      let listing = try store.list(fromVersion: attemptVersion)
      let latest = max(listing.commits.last?.version ?? attemptVersion, attemptVersion)
      for version in attemptVersion...latest {
        let name = store.logLocation + "/" + LogFileName.commit(version)
        let winner = try CommitFile.decode(try store.readCommit(version), fileName: name)
        if try checker.check(winner: winner, version: version) == .alreadyCommitted {
          return .alreadyCommitted(version: version)
        }
      }
      attemptVersion = latest + 1
    }
    throw DeltaError(
      .conflict,
      "gave up committing to \(store.logLocation) after \(maxAttempts) attempts: other writers keep committing "
        + "first; nothing was committed, run the write again")
  }
}
