#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Errors raised by the embedded log. The message says what failed, where (topic, partition,
/// file, byte position) and what to do about it; `code` is what programs match on.
public struct LogError: Error, Sendable, Hashable, CustomStringConvertible {
  public struct Code: Sendable, Hashable, CustomStringConvertible {
    let name: String
    public var description: String { name }
    /// A topic name that is not `[A-Za-z0-9._-]{1,249}` (or is `.`/`..`).
    public static let invalidTopicName = Code(name: "invalidTopicName")
    /// The topic does not exist under the log root.
    public static let topicNotFound = Code(name: "topicNotFound")
    /// The topic exists with a different partition count.
    public static let topicExists = Code(name: "topicExists")
    /// A caller passed a value outside its allowed range (partition, limits, configuration).
    public static let invalidArgument = Code(name: "invalidArgument")
    /// Another process (or another writer in this process) holds the topic's writer lock.
    public static let writerLocked = Code(name: "writerLocked")
    /// A read asked for an offset that is not in the log (deleted or not yet written).
    public static let offsetOutOfRange = Code(name: "offsetOutOfRange")
    /// A segment, index or topic file is damaged in a way that is not a torn tail.
    public static let corruptLog = Code(name: "corruptLog")
    /// A file was written by a newer (or unknown) format version.
    public static let unsupportedFormat = Code(name: "unsupportedFormat")
    /// A record is larger than the format allows.
    public static let recordTooLarge = Code(name: "recordTooLarge")
    /// A `LogPosition` JSON document is malformed.
    public static let invalidPosition = Code(name: "invalidPosition")
    /// Records a planned range needs are no longer (or not) in the log.
    public static let dataLoss = Code(name: "dataLoss")
    /// The writer was used after `close()`.
    public static let writerClosed = Code(name: "writerClosed")
    /// A system call failed.
    public static let io = Code(name: "io")
  }

  public let code: Code
  public let message: String
  /// The `errno` of the failed system call, when there is one.
  public let errno: Int32?

  public init(_ code: Code, _ message: String, errno: Int32? = nil) {
    self.code = code
    self.message = message
    self.errno = errno
  }

  public var description: String { message }

  /// Maps a failed system call once, at the module edge.
  static func system(_ operation: String, path: String, errno code: Int32) -> LogError {
    let reason = String(cString: strerror(code))
    return LogError(.io, "\(operation) failed for \(path): \(reason) (errno \(code))", errno: code)
  }

  static func topicNotFound(_ topic: String, root: String) -> LogError {
    LogError(
      .topicNotFound,
      "topic \(topic) does not exist in log root \(root); create it with "
        + "`sluice log create \(topic) --partitions N`")
  }
}
