/// What happened to a commit attempt.
public enum CommitOutcome: Sendable, Hashable {
  /// The actions are now table version `version`, after `attempts` put-if-absent attempts.
  case committed(version: Int64, attempts: Int)
  /// A commit already in the table carries the same application transaction at a version ≥
  /// ours (found at table version `version`): nothing was written.
  case alreadyCommitted(version: Int64)
}
