/// Identifies a source within a query: its position in the plan (the line of `offsets/N` that
/// holds its offsets) and a stable identity string (`kind:details`) used to refuse a checkpoint
/// that was written for a different source.
public struct SourceID: Sendable, Hashable, CustomStringConvertible {
  public let index: Int
  public let identity: String

  public init(index: Int = 0, identity: String) {
    self.index = index
    self.identity = identity
  }

  public var description: String { "source \(index) (\(identity))" }
}
