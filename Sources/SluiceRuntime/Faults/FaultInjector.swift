public import SluiceCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Called by the runner at every ``FaultPoint`` of every batch. Production runs use
/// ``EnvironmentFaultInjector`` (inert unless `SLUICE_FAULT` is set); unit tests use
/// ``NoFaultInjector`` or a scripted injector that throws to simulate a crash.
public protocol FaultInjector: Sendable {
  func reach(_ point: FaultPoint, batch: BatchID) throws
  /// True when reaching `point` in `batch` would crash: lets a step that must prepare the
  /// crash (write half a file first) do so only when it happens.
  func wouldCrash(at point: FaultPoint, batch: BatchID) -> Bool
}

extension FaultInjector {
  public func wouldCrash(at point: FaultPoint, batch: BatchID) -> Bool { false }
}

/// Never injects anything.
public struct NoFaultInjector: FaultInjector {
  public init() {}
  public func reach(_ point: FaultPoint, batch: BatchID) throws {}
}

/// **Test hook only.** `SLUICE_FAULT=<point>[@<batchId>][:exit]` (e.g. `after-sink-write@2`)
/// makes the process die when it reaches that point (in that batch, or in any batch without
/// `@`): with `SIGKILL`, like a power cut (no cleanup, no buffered output flushed), or with
/// `_exit(86)` given `:exit` (no atexit handlers either, but a normal exit status). Used by
/// end-to-end crash tests and `scripts/crash-harness.sh`; never set it in production.
public struct EnvironmentFaultInjector: FaultInjector {
  public static let variable = "SLUICE_FAULT"
  /// The exit status of the `:exit` mode.
  public static let exitStatus: Int32 = 86

  /// How the process dies.
  public enum Mode: String, Sendable, Hashable {
    case sigkill
    case exit
  }

  public let point: FaultPoint?
  public let batch: BatchID?
  public let mode: Mode

  /// Parses a `SLUICE_FAULT` value; `nil` or empty means no fault.
  public init(value: String?) throws(RuntimeError) {
    guard let value, !value.isEmpty else {
      point = nil
      batch = nil
      mode = .sigkill
      return
    }
    var text = Substring(value)
    var mode = Mode.sigkill
    if text.hasSuffix(":exit") {
      mode = .exit
      text = text.dropLast(":exit".count)
    }
    let parts = text.split(separator: "@", maxSplits: 1).map(String.init)
    guard let first = parts.first, let point = FaultPoint(rawValue: first) else {
      throw RuntimeError(
        .invalidOption,
        "\(Self.variable)='\(value)' names no fault point; use one of "
          + FaultPoint.allCases.map(\.rawValue).joined(separator: ", ")
          + ", optionally with @<batchId> and :exit")
    }
    var batch: BatchID?
    if parts.count == 2 {
      guard let id = BatchID(fileName: parts[1]) else {
        throw RuntimeError(
          .invalidOption, "\(Self.variable)='\(value)': '\(parts[1])' is not a batch id (expected e.g. @3)")
      }
      batch = id
    }
    self.point = point
    self.batch = batch
    self.mode = mode
  }

  /// Reads `SLUICE_FAULT` from the process environment.
  public static func fromEnvironment() throws(RuntimeError) -> EnvironmentFaultInjector {
    try EnvironmentFaultInjector(value: getenv(variable).map { String(cString: $0) })
  }

  public func wouldCrash(at point: FaultPoint, batch: BatchID) -> Bool {
    point == self.point && (self.batch == nil || self.batch == batch)
  }

  public func reach(_ point: FaultPoint, batch: BatchID) throws {
    guard wouldCrash(at: point, batch: batch) else { return }
    let how = mode == .exit ? "_exit(\(Self.exitStatus))" : "SIGKILL"
    let note =
      "sluice: \(Self.variable): killing the process (\(how)) at \(point.rawValue) of batch \(batch)\n"
    _ = note.withCString { write(2, $0, strlen($0)) }
    switch mode {
    case .sigkill: kill(getpid(), SIGKILL)
    case .exit: _exit(Self.exitStatus)
    }
  }
}
