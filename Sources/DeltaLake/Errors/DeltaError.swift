/// Errors raised while reading or writing a Delta table.
///
/// Every message names the table file involved (commit, checkpoint or data file), says what is
/// wrong and what the user can do. Match on ``code``, never on the message text.
public struct DeltaError: Error, Sendable, CustomStringConvertible {
  public struct Code: Sendable, Hashable, CustomStringConvertible {
    let name: String
    public var description: String { name }

    /// The path has no `_delta_log` folder (or it holds no commit).
    public static let notATable = Code(name: "notATable")
    /// A commit file cannot be parsed (names the file and the line).
    public static let corruptCommit = Code(name: "corruptCommit")
    /// A checkpoint or `_last_checkpoint` cannot be parsed or uses a format we do not read.
    public static let corruptCheckpoint = Code(name: "corruptCheckpoint")
    /// Commit versions have a gap, or a needed commit was cleaned up.
    public static let corruptLog = Code(name: "corruptLog")
    /// A data file referenced by the log does not exist.
    public static let missingDataFile = Code(name: "missingDataFile")
    /// A data file exists but cannot be decoded.
    public static let corruptDataFile = Code(name: "corruptDataFile")
    /// The table needs a newer reader or writer protocol version than this build implements.
    public static let unsupportedProtocol = Code(name: "unsupportedProtocol")
    /// The table uses a reader or writer feature (or a data type) this build does not implement.
    public static let unsupportedFeature = Code(name: "unsupportedFeature")
    /// A batch's schema differs from the table's schema.
    public static let schemaMismatch = Code(name: "schemaMismatch")
    /// A concurrent commit changed what this commit depends on; nothing was written.
    public static let conflict = Code(name: "conflict")
    /// The requested version or timestamp is not in the table's history.
    public static let versionNotFound = Code(name: "versionNotFound")
    /// An argument is invalid (unknown column, bad partition column, ...).
    public static let invalidArgument = Code(name: "invalidArgument")
    /// An operating-system I/O failure.
    public static let io = Code(name: "io")
    /// The disk (or quota) is full.
    public static let diskFull = Code(name: "diskFull")
  }

  public let code: Code
  /// What failed, where, and what to do.
  public let message: String

  public init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }

  public var description: String { message }
}

extension DeltaError {
  static func corruptCommit(_ file: String, line: Int, _ what: String) -> DeltaError {
    DeltaError(
      .corruptCommit,
      "commit \(file) line \(line) is not a valid Delta action: \(what); the table cannot be read "
        + "past this version: restore the file from a backup or read an earlier version")
  }

  static func corruptCheckpoint(_ file: String, _ what: String) -> DeltaError {
    DeltaError(
      .corruptCheckpoint,
      "checkpoint \(file) cannot be read: \(what); delete it (and _last_checkpoint if it points "
        + "to it) to read the table from its JSON commits")
  }

  static func invalidArgument(_ message: String) -> DeltaError {
    DeltaError(.invalidArgument, message)
  }
}
