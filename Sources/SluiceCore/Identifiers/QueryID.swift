/// The stable id of a streaming query: a lower-case UUID string kept in the checkpoint's
/// `metadata` file. It survives restarts; a new checkpoint folder is a new query.
/// It is the Delta `txn.appId` of the query's commits.
public struct QueryID: Sendable, Hashable, CustomStringConvertible {
  public let rawValue: String

  /// Validates the 8-4-4-4-12 hex form.
  public init(_ text: String) throws(CoreError) {
    let lower = text.lowercased()
    let groups = lower.split(separator: "-", omittingEmptySubsequences: false)
    guard groups.map(\.count) == [8, 4, 4, 4, 12],
      groups.allSatisfy({ $0.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) } })
    else {
      throw CoreError(.invalidIdentifier, "'\(text)' is not a UUID (expected 8-4-4-4-12 hex digits)")
    }
    rawValue = lower
  }

  /// A random (version 4) UUID.
  public static func random() -> QueryID {
    var generator = SystemRandomNumberGenerator()
    return random(using: &generator)
  }

  public static func random<G: RandomNumberGenerator>(using generator: inout G) -> QueryID {
    var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
    bytes[6] = (bytes[6] & 0x0F) | 0x40
    bytes[8] = (bytes[8] & 0x3F) | 0x80
    let hex = bytes.map { b -> String in
      let s = String(b, radix: 16)
      return s.count == 1 ? "0" + s : s
    }.joined()
    let chars = Array(hex)
    let text = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(chars[$0]) }.joined(separator: "-")
    return try! QueryID(text)
  }

  public var description: String { rawValue }
}
