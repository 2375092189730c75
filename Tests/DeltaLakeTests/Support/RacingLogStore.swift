import DeltaLake
import Synchronization

/// A log store that runs `race` once, just before the first put-if-absent: the moment another
/// writer can slip a commit in between a writer's snapshot and its commit.
final class RacingLogStore: LogStore {
  let inner: InMemoryLogStore
  let race: Mutex<(@Sendable () throws -> Void)?>

  init(inner: InMemoryLogStore, race: @escaping @Sendable () throws -> Void) {
    self.inner = inner
    self.race = Mutex(race)
  }

  var logLocation: String { inner.logLocation }
  func logExists() throws -> Bool { try inner.logExists() }
  func list(fromVersion: Int64) throws -> LogListing { try inner.list(fromVersion: fromVersion) }
  func readCommit(_ version: Int64) throws -> [UInt8] { try inner.readCommit(version) }

  func createCommit(_ version: Int64, contents: [UInt8]) throws -> Bool {
    let pending = race.withLock { pending in
      defer { pending = nil }
      return pending
    }
    try pending?()
    return try inner.createCommit(version, contents: contents)
  }

  func readCheckpoint(named name: String) throws -> [UInt8] { try inner.readCheckpoint(named: name) }
  func writeCheckpoint(_ version: Int64, contents: [UInt8]) throws {
    try inner.writeCheckpoint(version, contents: contents)
  }
  func readLastCheckpoint() throws -> [UInt8]? { try inner.readLastCheckpoint() }
  func writeLastCheckpoint(_ contents: [UInt8]) throws { try inner.writeLastCheckpoint(contents) }
}
