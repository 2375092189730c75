import Synchronization

/// A ``LogStore`` in memory, with the same put-if-absent contract as ``LocalLogStore`` (for
/// tests of replay, conflicts and retries without a disk). Modification times come from the
/// injected clock at the moment a commit is created.
public final class InMemoryLogStore: LogStore {
  struct State {
    var commits: [Int64: (bytes: [UInt8], modificationTime: Int64)] = [:]
    var checkpoints: [String: [UInt8]] = [:]
    var lastCheckpoint: [UInt8]?
    var createAttempts = 0
  }

  let state = Mutex(State())
  let clock: DeltaClock
  public let logLocation: String

  public init(location: String = "memory://table/_delta_log", clock: DeltaClock = .system) {
    self.logLocation = location
    self.clock = clock
  }

  public func logExists() throws -> Bool {
    state.withLock { !$0.commits.isEmpty || !$0.checkpoints.isEmpty }
  }

  public func list(fromVersion: Int64) throws -> LogListing {
    state.withLock { state in
      var names: [(name: String, modificationTime: Int64)] = state.commits.map {
        (LogFileName.commit($0.key), $0.value.modificationTime)
      }
      names += state.checkpoints.keys.map { ($0, 0) }
      return LogListing(names: names, fromVersion: fromVersion)
    }
  }

  public func readCommit(_ version: Int64) throws -> [UInt8] {
    guard let bytes = state.withLock({ $0.commits[version]?.bytes }) else {
      throw DeltaError(.corruptLog, "commit \(logLocation)/\(LogFileName.commit(version)) is missing")
    }
    return bytes
  }

  public func createCommit(_ version: Int64, contents: [UInt8]) throws -> Bool {
    let now = clock.nowMillis()
    return state.withLock { state in
      state.createAttempts += 1
      guard state.commits[version] == nil else { return false }
      state.commits[version] = (contents, now)
      return true
    }
  }

  public func readCheckpoint(named name: String) throws -> [UInt8] {
    guard let bytes = state.withLock({ $0.checkpoints[name] }) else {
      throw DeltaError.corruptCheckpoint(logLocation + "/" + name, "the file is missing")
    }
    return bytes
  }

  public func writeCheckpoint(_ version: Int64, contents: [UInt8]) throws {
    state.withLock { $0.checkpoints[LogFileName.checkpoint(version)] = contents }
  }

  public func readLastCheckpoint() throws -> [UInt8]? {
    state.withLock { $0.lastCheckpoint }
  }

  public func writeLastCheckpoint(_ contents: [UInt8]) throws {
    state.withLock { $0.lastCheckpoint = contents }
  }

  // MARK: - Test hooks

  /// Replaces (or removes, with `nil`) a commit's bytes, bypassing put-if-absent: for tests of
  /// corrupt or missing commits.
  public func overwriteCommit(_ version: Int64, contents: [UInt8]?, modificationTime: Int64? = nil) {
    let now = modificationTime ?? clock.nowMillis()
    state.withLock { state in
      if let contents {
        state.commits[version] = (contents, now)
      } else {
        state.commits[version] = nil
      }
    }
  }

  /// How many times ``createCommit(_:contents:)`` was called (won or lost).
  public var createAttempts: Int { state.withLock { $0.createAttempts } }

  /// Versions of the commits held, ascending.
  public var versions: [Int64] { state.withLock { $0.commits.keys.sorted() } }
}
