#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension CheckpointError {
  /// What the checkpoint code was doing when a system call failed, for the error message.
  public enum Operation: String, Sendable {
    case writing, reading, listing, deleting, syncing, locking
    case creatingFolder = "creating the folder for"
  }

  /// Maps an `errno` from a failed system call to a coded error, once, at the module edge.
  ///
  /// A failed checkpoint write never loses data: the batch it belongs to is not committed, so a
  /// restart re-runs it. The messages say so, because that is what the user wants to know.
  public static func posix(_ number: Int32, _ operation: Operation, path: String) -> CheckpointError {
    let reason = String(cString: strerror(number))
    let rerun = "no data was lost, the batch will be re-run"
    switch number {
    case ENOSPC, EDQUOT:
      return CheckpointError(
        .diskFull, "disk full while \(operation.rawValue) \(path)",
        advice: "free space and restart: \(rerun)", errno: number)
    case EACCES, EPERM:
      return CheckpointError(
        .permissionDenied, "permission denied while \(operation.rawValue) \(path) (\(reason))",
        advice: "give this user read and write access to the checkpoint folder, or choose another one",
        errno: number)
    case EROFS:
      return CheckpointError(
        .readOnlyFileSystem, "cannot write \(path): the file system is read-only",
        advice: "use a checkpoint folder on a writable disk", errno: number)
    case ENOTDIR:
      return CheckpointError(
        .invalidPath,
        "\(operation.rawValue) \(path) failed: a part of the path is a file, not a folder",
        advice: "the checkpoint folder is damaged or points into a file; choose another folder",
        errno: number)
    default:
      return CheckpointError(
        .ioFailure, "I/O error while \(operation.rawValue) \(path): \(reason) (errno \(number))",
        advice: "check the disk and restart: \(rerun)", errno: number)
    }
  }
}
