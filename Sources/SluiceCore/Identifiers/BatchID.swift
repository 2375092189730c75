/// The id of a micro-batch: 0, 1, 2, … contiguous within one query (Spark's batchId / epochId).
public struct BatchID: Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByIntegerLiteral {
  public let rawValue: Int64

  public init(_ rawValue: Int64) {
    precondition(rawValue >= 0, "batch ids are non-negative")
    self.rawValue = rawValue
  }

  public init(integerLiteral value: Int64) { self.init(value) }

  /// Parses a decimal file name such as `12` (no sign, no padding required).
  public init?(fileName: String) {
    guard !fileName.isEmpty, fileName.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
      let value = Int64(fileName)
    else { return nil }
    self.rawValue = value
  }

  public var next: BatchID { BatchID(rawValue + 1) }
  public var previous: BatchID? { rawValue > 0 ? BatchID(rawValue - 1) : nil }
  public var description: String { String(rawValue) }

  public static func < (lhs: BatchID, rhs: BatchID) -> Bool { lhs.rawValue < rhs.rawValue }
}
