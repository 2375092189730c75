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
}

/// Never injects anything.
public struct NoFaultInjector: FaultInjector {
  public init() {}
  public func reach(_ point: FaultPoint, batch: BatchID) throws {}
}

/// **Test hook only.** `SLUICE_FAULT=<point>[@<batchId>]` (e.g. `after-sink-write@2`) makes the
/// process kill itself with `SIGKILL` when it reaches that point (in that batch, or in any batch
/// without `@`), like a power cut: no cleanup, no buffered output flushed. Used by end-to-end
/// crash tests; never set it in production.
public struct EnvironmentFaultInjector: FaultInjector {
  public static let variable = "SLUICE_FAULT"

  public let point: FaultPoint?
  public let batch: BatchID?

  /// Parses a `SLUICE_FAULT` value; `nil` or empty means no fault.
  public init(value: String?) throws(RuntimeError) {
    guard let value, !value.isEmpty else {
      point = nil
      batch = nil
      return
    }
    let parts = value.split(separator: "@", maxSplits: 1).map(String.init)
    guard let point = FaultPoint(rawValue: parts[0]) else {
      throw RuntimeError(
        .invalidOption,
        "\(Self.variable)='\(value)' names no fault point; use one of "
          + FaultPoint.allCases.map(\.rawValue).joined(separator: ", ") + ", optionally with @<batchId>")
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
  }

  /// Reads `SLUICE_FAULT` from the process environment.
  public static func fromEnvironment() throws(RuntimeError) -> EnvironmentFaultInjector {
    try EnvironmentFaultInjector(value: getenv(variable).map { String(cString: $0) })
  }

  public func reach(_ point: FaultPoint, batch: BatchID) throws {
    guard point == self.point, self.batch == nil || self.batch == batch else { return }
    let note = "sluice: \(Self.variable): killing the process at \(point.rawValue) of batch \(batch)\n"
    _ = note.withCString { write(2, $0, strlen($0)) }
    kill(getpid(), SIGKILL)
  }
}
