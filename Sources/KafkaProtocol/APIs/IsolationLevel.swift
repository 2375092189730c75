/// Which records Fetch and ListOffsets see: all (`readUncommitted`) or only committed
/// transactional data up to the last stable offset (`readCommitted`).
public enum IsolationLevel: Int8, Sendable, Hashable {
  case readUncommitted = 0
  case readCommitted = 1
}
