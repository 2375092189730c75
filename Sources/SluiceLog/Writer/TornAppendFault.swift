import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// **Test hook only.** `SLUICE_FAULT=mid-log-append[@N][:exit]` makes a log writer of this
/// process die in the middle of its `N`-th flush (any flush without `@N`; counted over all
/// partitions of all topics, 1 = the first): it writes about half of the flush's bytes to the
/// segment and then kills the process (SIGKILL, or `_exit(86)` with `:exit`), leaving the torn
/// tail a power cut would. Inert unless the variable names this point (the same variable as
/// the runtime's fault points, which this module cannot see).
final class TornAppendFault: Sendable {
  static let variable = "SLUICE_FAULT"
  static let pointName = "mid-log-append"
  static let shared = TornAppendFault(value: getenv(variable).map { String(cString: $0) })

  let armed: Bool
  let flushNumber: Int?
  let exitInsteadOfKill: Bool
  private let flushes = Atomic<Int>(0)

  init(value: String?) {
    var text = Substring(value ?? "")
    exitInsteadOfKill = text.hasSuffix(":exit")
    if exitInsteadOfKill { text = text.dropLast(":exit".count) }
    let parts = text.split(separator: "@", maxSplits: 1)
    armed = parts.first == Substring(Self.pointName)
    flushNumber = parts.count == 2 ? Int(parts[1]) : nil
  }

  /// Counts a flush with bytes; true when this one must be torn.
  func tearsThisFlush() -> Bool {
    guard armed else { return false }
    let number = flushes.add(1, ordering: .relaxed).newValue
    return flushNumber == nil || flushNumber == number
  }

  /// Writes the first half of `bytes` at `position` of `file`, then ends the process.
  func tear(_ bytes: UnsafeRawBufferPointer, file: SystemFile, at position: Int64) -> Never {
    let half = max(1, bytes.count / 2)
    _ = try? file.write(UnsafeRawBufferPointer(rebasing: bytes[0..<half]), at: position)
    let note =
      "sluice: \(Self.variable): killing the process at \(Self.pointName) (\(half) of \(bytes.count) bytes "
      + "written to \(file.path))\n"
    _ = note.withCString { write(2, $0, strlen($0)) }
    if exitInsteadOfKill { _exit(86) }
    kill(getpid(), SIGKILL)
    _exit(137)
  }
}
