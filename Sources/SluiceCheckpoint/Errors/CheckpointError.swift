/// Errors raised while reading or writing a checkpoint folder.
///
/// Every message names the file (or folder) involved, says what is wrong with it and what the
/// user can do. Match on ``code``, never on the message text.
public struct CheckpointError: Error, Sendable, CustomStringConvertible {
  public struct Code: Sendable, Hashable, CustomStringConvertible {
    let name: String
    public var description: String { name }

    /// The disk (or quota) is full.
    public static let diskFull = Code(name: "diskFull")
    /// The process may not read or write the file or folder.
    public static let permissionDenied = Code(name: "permissionDenied")
    /// The file system is mounted read-only.
    public static let readOnlyFileSystem = Code(name: "readOnlyFileSystem")
    /// Any other operating-system I/O failure.
    public static let ioFailure = Code(name: "ioFailure")
    /// A path that is not a clean relative path inside the checkpoint.
    public static let invalidPath = Code(name: "invalidPath")
    /// A file exists but has no bytes.
    public static let emptyFile = Code(name: "emptyFile")
    /// A file ends before all of its expected parts.
    public static let truncatedFile = Code(name: "truncatedFile")
    /// A file's contents cannot be parsed.
    public static let corruptFile = Code(name: "corruptFile")
    /// A file was written by a newer format version than this build understands.
    public static let unsupportedVersion = Code(name: "unsupportedVersion")
    /// Batch ids in a log have a gap.
    public static let nonContiguousLog = Code(name: "nonContiguousLog")
    /// The offsets and commits logs contradict each other.
    public static let inconsistentLogs = Code(name: "inconsistentLogs")
    /// Another run holds the checkpoint's lock.
    public static let checkpointInUse = Code(name: "checkpointInUse")
    /// A log file appeared that this run did not write (another run uses the checkpoint).
    public static let concurrentWriter = Code(name: "concurrentWriter")
    /// The checkpoint was written for different sources than the query now reads.
    public static let sourceMismatch = Code(name: "sourceMismatch")
    /// A repair was requested that would not be safe.
    public static let repairRefused = Code(name: "repairRefused")
  }

  public let code: Code
  /// What failed and where, e.g. `checkpoint file /c/offsets/7 is truncated: …`.
  public let problem: String
  /// What the user can do about it, when there is something to say.
  public let advice: String?
  /// The operating-system error number, when the failure came from a system call.
  public let errno: Int32?

  public init(_ code: Code, _ problem: String, advice: String? = nil, errno: Int32? = nil) {
    self.code = code
    self.problem = problem
    self.advice = advice
    self.errno = errno
  }

  /// The full message: the problem, then the advice.
  public var message: String {
    guard let advice else { return problem }
    return problem + "; " + advice
  }

  public var description: String { message }

  /// The same error with different advice (callers that know more about the situation, such
  /// as recovery, replace the generic advice with a precise one).
  public func withAdvice(_ advice: String) -> CheckpointError {
    CheckpointError(code, problem, advice: advice, errno: errno)
  }
}
