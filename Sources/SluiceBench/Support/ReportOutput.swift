import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Keeps stdout for the final report only: everything library code prints while the cases run
/// (the job's log lines go to stdout by swift-log's default handler) is sent to stderr instead.
final class ReportOutput {
  private let reportDescriptor: Int32

  /// Points file descriptor 1 at stderr and keeps the original stdout for ``emit(_:)``.
  init() {
    fflush(nil)
    let saved = dup(STDOUT_FILENO)
    if saved >= 0, dup2(STDERR_FILENO, STDOUT_FILENO) >= 0 {
      reportDescriptor = saved
    } else {
      reportDescriptor = STDOUT_FILENO
    }
  }

  /// Writes `text` (plus a newline) to the original stdout.
  func emit(_ text: String) {
    fflush(nil)
    ProgressLine.writeAll(text + "\n", to: reportDescriptor)
  }
}
