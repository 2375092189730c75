/// Errors raised while encoding or decoding Kafka protocol bytes: what was being read, where, and
/// what the user can do.
public struct KafkaProtocolError: Error, Sendable, Hashable, CustomStringConvertible {
  public struct Code: Sendable, Hashable, CustomStringConvertible {
    let name: String
    public var description: String { name }
    /// The bytes end before the field being read (`what`, at byte `offset`).
    public static let truncated = Code(name: "truncated")
    /// A field holds an impossible value (negative length, bad varint, invalid UTF-8…).
    public static let malformed = Code(name: "malformed")
    /// A record batch's CRC-32C does not match its bytes.
    public static let corruptBatch = Code(name: "corruptBatch")
    /// Legacy message sets (magic 0/1) or an unknown compression codec.
    public static let unsupportedFormat = Code(name: "unsupportedFormat")
    /// The API version is outside the range this codec implements.
    public static let unsupportedVersion = Code(name: "unsupportedVersion")
    /// A frame's declared size exceeds the decoder's limit.
    public static let frameTooLarge = Code(name: "frameTooLarge")
    /// A compressed record stream could not be decompressed.
    public static let decompression = Code(name: "decompression")
  }

  public let code: Code
  public let message: String

  public init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }

  public var description: String { message }

  /// The input ended while reading `what` at byte `offset` (`needed` bytes, `available` left).
  public static func truncated(_ what: String, at offset: Int, needed: Int, available: Int)
    -> KafkaProtocolError
  {
    KafkaProtocolError(
      .truncated,
      "truncated Kafka data: reading \(what) at byte \(offset) needs \(needed) bytes, only \(available) left"
    )
  }

  static func malformed(_ what: String, at offset: Int, _ detail: String) -> KafkaProtocolError {
    KafkaProtocolError(.malformed, "malformed Kafka data: \(what) at byte \(offset): \(detail)")
  }
}
