#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Progress and diagnostics on stderr, so stdout carries only the table or the JSON report.
enum ProgressLine {
  /// Writes `text` and a newline to file descriptor 2 (unbuffered, one line per call).
  static func say(_ text: String) {
    writeAll(text + "\n", to: STDERR_FILENO)
  }

  /// Writes all of `text` to `descriptor`, retrying short and interrupted writes (errors are
  /// ignored: there is nowhere left to report them).
  static func writeAll(_ text: String, to descriptor: Int32) {
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { buffer in
        write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        return
      }
      offset += written
    }
  }
}
