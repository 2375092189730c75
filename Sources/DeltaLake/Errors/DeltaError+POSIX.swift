#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension DeltaError {
  /// Maps an `errno` from a failed system call to a coded error, once, at the module edge.
  ///
  /// A failed write never corrupts the table: files become visible only through a commit, so a
  /// half-written data file is an unreferenced orphan and the batch is re-run.
  static func posix(_ number: Int32, _ operation: String, path: String) -> DeltaError {
    let reason = String(cString: strerror(number))
    switch number {
    case ENOSPC, EDQUOT:
      return DeltaError(
        .diskFull,
        "disk full while trying to \(operation) \(path); free some space and run again: nothing was "
          + "committed, the batch will be re-run")
    default:
      return DeltaError(.io, "could not \(operation) \(path): \(reason) (errno \(number))")
    }
  }

  /// The error for the current `errno`.
  static func posix(_ operation: String, path: String) -> DeltaError {
    posix(errno, operation, path: path)
  }
}
