/// Errors of the Kinesis source. The message says which stream/shard and offset is concerned and
/// what the user can do; `code` is what programs match on.
public struct KinesisSourceError: Error, Sendable, Hashable, CustomStringConvertible {
  public struct Code: Sendable, Hashable, CustomStringConvertible {
    let name: String
    public var description: String { name }
    /// An offsets-log entry is not a Kinesis offset of this format.
    public static let invalidOffset = Code(name: "invalidOffset")
    /// An offset belongs to another stream than the one configured.
    public static let streamMismatch = Code(name: "streamMismatch")
    /// Records of a recorded range are no longer in the stream (trimmed by retention) or never were.
    public static let dataLoss = Code(name: "dataLoss")
    /// The source options are invalid.
    public static let invalidConfiguration = Code(name: "invalidConfiguration")
  }

  public let code: Code
  public let message: String

  public init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }

  public var description: String { message }
}
