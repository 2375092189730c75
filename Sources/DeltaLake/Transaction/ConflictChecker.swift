/// Decides whether a commit that lost the race for a version may be retried on top of the
/// winning commits (Delta optimistic concurrency, simplified for append-mostly writers).
///
/// - A winner that changed `protocol` or `metaData` conflicts: our files were written for the
///   old schema and protocol.
/// - A winner carrying a `txn` for our app id at a version ≥ ours means our batch is already in
///   the table (`alreadyCommitted`); at a lower version it means another process runs the same
///   query at the same time, which is refused.
/// - A winner that removed a file we also remove conflicts (we read that file).
/// - Anything else (in particular blind appends) does not conflict.
struct ConflictChecker {
  enum Verdict: Equatable {
    case retry
    case alreadyCommitted
  }

  let transaction: TransactionAction?
  let removedPaths: Set<String>
  let location: String

  func check(winner actions: [DeltaAction], version: Int64) throws(DeltaError) -> Verdict {
    var verdict = Verdict.retry
    for action in actions {
      switch action {
      case .protocol, .metaData:
        throw DeltaError(
          .conflict,
          "a concurrent commit (version \(version) of \(location)) changed the table's \(action.key); "
            + "nothing was committed: run the write again against the new table state")
      case .txn(let winner):
        guard let ours = transaction, winner.appId == ours.appId else { continue }
        if winner.version >= ours.version {
          verdict = .alreadyCommitted
        } else {
          throw DeltaError(
            .conflict,
            "another writer committed transaction \(winner.appId) version \(winner.version) (table version "
              + "\(version)) while this one was committing version \(ours.version): the same query seems to "
              + "run twice; stop the other run")
        }
      case .remove(let remove) where removedPaths.contains(remove.path):
        throw DeltaError(
          .conflict,
          "a concurrent commit (version \(version)) removed \(remove.path), which this commit also removes; "
            + "nothing was committed")
      default:
        continue
      }
    }
    return verdict
  }
}
