/// What one ``DeltaTableWriter/write(_:operation:transaction:)`` did.
public struct DeltaWriteResult: Sendable {
  /// The version committed, or (when ``alreadyCommitted``) the version already holding the
  /// transaction.
  public var version: Int64
  /// True when the application transaction was already in the table: nothing was written.
  public var alreadyCommitted: Bool
  public var addedFiles: [AddAction]
  public var rowsWritten: Int64
  public var bytesWritten: Int64
  /// Put-if-absent attempts the commit needed (1 without contention).
  public var attempts: Int
  /// The version of the checkpoint written after this commit, if one was due.
  public var checkpointVersion: Int64?
  /// Why a due checkpoint could not be written (the commit itself succeeded; the next one retries).
  public var checkpointFailure: String?

  public init(
    version: Int64, alreadyCommitted: Bool, addedFiles: [AddAction] = [], rowsWritten: Int64 = 0,
    bytesWritten: Int64 = 0, attempts: Int = 0, checkpointVersion: Int64? = nil,
    checkpointFailure: String? = nil
  ) {
    self.version = version
    self.alreadyCommitted = alreadyCommitted
    self.addedFiles = addedFiles
    self.rowsWritten = rowsWritten
    self.bytesWritten = bytesWritten
    self.attempts = attempts
    self.checkpointVersion = checkpointVersion
    self.checkpointFailure = checkpointFailure
  }
}
