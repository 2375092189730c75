/// Errors of `sluice-bench`: bad command lines, and set-up or child-process failures.
struct BenchError: Error, CustomStringConvertible {
  struct Code: Hashable, CustomStringConvertible {
    let name: String
    var description: String { name }
    /// The command line has an unknown option, a missing value or a value out of range.
    static let usage = Code(name: "usage")
    /// Preparing a case (temporary files, the emulated log, the job) failed.
    static let setup = Code(name: "setup")
    /// A measured step failed (decode rejected records, a job run failed, ...).
    static let caseFailed = Code(name: "caseFailed")
    /// The child process that isolates the end-to-end case failed or printed no result.
    static let childProcess = Code(name: "childProcess")
  }

  let code: Code
  let message: String

  init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }

  var description: String { message }
}
