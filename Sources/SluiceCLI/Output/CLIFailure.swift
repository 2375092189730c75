import ArgumentParser
import Foundation

/// A failure reported to the user as `error: <message>` with a non-zero exit code, never a stack
/// trace. The wrapped errors' messages already say what failed, where, and what to do.
struct CLIFailure: Error, CustomStringConvertible {
  let message: String
  let exitCode: ExitCode

  init(_ error: any Error, exitCode: ExitCode = .failure) {
    self.message = "\(error)"
    self.exitCode = exitCode
  }

  init(message: String, exitCode: ExitCode = .failure) {
    self.message = message
    self.exitCode = exitCode
  }

  var description: String { message }
}

extension CLIFailure {
  /// Runs `body`, turning any error into a ``CLIFailure`` (kept as is when it already is one).
  static func reporting<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let failure as CLIFailure {
      throw failure
    } catch {
      throw CLIFailure(error)
    }
  }
}

extension CLIFailure: LocalizedError {
  var errorDescription: String? { message }
}
