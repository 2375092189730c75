import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// A process-wide "please stop" flag set by SIGINT/SIGTERM for synchronous commands (emulate,
/// log produce) that stop between units of work. `sluice run` uses swift-service-lifecycle.
enum SignalFlag {
  private static let flag = Atomic<Bool>(false)

  static var stopRequested: Bool { flag.load(ordering: .relaxed) }

  static func install() {
    signal(SIGINT, onSignal)
    signal(SIGTERM, onSignal)
  }

  private static let onSignal: @convention(c) (Int32) -> Void = { _ in
    SignalFlag.flag.store(true, ordering: .relaxed)
  }
}
