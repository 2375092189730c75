/// Reconstructs snapshots from a ``LogStore``: newest usable checkpoint ≤ the target version
/// (found through `_last_checkpoint`, else by listing), then the JSON commits after it.
///
/// Only classic single-file checkpoints are read; multi-part and V2 checkpoints are skipped in
/// favour of an older checkpoint or the JSON commits, and reported as unsupported only when the
/// commits they would replace were cleaned up.
public struct SnapshotLoader: Sendable {
  public let store: any LogStore

  public init(store: any LogStore) {
    self.store = store
  }

  /// The snapshot at `version` (latest when `nil`).
  public func load(version target: Int64? = nil) throws -> Snapshot {
    guard try store.logExists() else { throw notATable() }
    if let target, target < 0 {
      throw DeltaError(.versionNotFound, "version \(target) does not exist: versions start at 0")
    }
    let hint = try store.readLastCheckpoint().flatMap(LastCheckpoint.parse)
    var start: Int64 = 0
    if let hint, target.map({ hint.version <= $0 }) ?? true { start = hint.version }
    var listing = try store.list(fromVersion: start)
    if start > 0, !listing.checkpoints.contains(where: { $0.version == start && $0.isSingleFile }) {
      start = 0
      listing = try store.list(fromVersion: 0)
    }
    let latestCommit = listing.commits.last?.version
    let latestCheckpoint = listing.checkpoints.last?.version
    guard let latest = [latestCommit, latestCheckpoint].compactMap({ $0 }).max() else { throw notATable() }
    let version = target ?? latest
    guard version <= latest else {
      throw DeltaError(
        .versionNotFound,
        "version \(version) of the table at \(location) does not exist; the latest is \(latest)")
    }
    let checkpoint = listing.checkpoints.last { $0.isSingleFile && $0.version <= version }
    let base = checkpoint?.version ?? -1
    let commits = Dictionary(uniqueKeysWithValues: listing.commits.map { ($0.version, $0) })
    if base < version {
      for needed in (base + 1)...version where commits[needed] == nil {
        throw missingCommit(needed, version: version, listing: listing, hasCheckpoint: checkpoint != nil)
      }
    }

    var replay = LogReplay()
    if let checkpoint {
      let bytes = try store.readCheckpoint(named: checkpoint.name)
      replay.apply(try CheckpointReader.actions(from: bytes, name: location + "/" + checkpoint.name))
      try checkProtocol(replay, version: checkpoint.version)
    }
    var timestamp = commits[version]?.modificationTime
    if base < version {
      for v in (base + 1)...version {
        let actions = try CommitFile.decode(try store.readCommit(v), fileName: commitName(v))
        let protocolBefore = replay.protocolAction
        replay.apply(actions)
        if replay.protocolAction != protocolBefore { try checkProtocol(replay, version: v) }
        if v == version, let t = Snapshot.timestamp(in: actions) { timestamp = t }
      }
    }
    let snapshot = try replay.snapshot(version: version, commitTimestamp: timestamp)
    try ProtocolSupport.checkReadable(
      snapshot.protocolAction, metadata: snapshot.metadata, location: location)
    return snapshot
  }

  /// `snapshot` advanced to the latest version by replaying only the newer commits.
  public func update(_ snapshot: Snapshot) throws -> Snapshot {
    let listing = try store.list(fromVersion: snapshot.version + 1)
    guard let latest = listing.commits.last?.version else { return snapshot }
    var current = snapshot
    let available = Set(listing.commits.map(\.version))
    for v in (snapshot.version + 1)...latest {
      guard available.contains(v) else { return try load() }
      let actions = try CommitFile.decode(try store.readCommit(v), fileName: commitName(v))
      try current.apply(version: v, actions: actions, commitTimestamp: nil)
      if actions.contains(where: { if case .protocol = $0 { true } else { false } }) {
        try ProtocolSupport.checkReadable(
          current.protocolAction, metadata: current.metadata, location: location)
      }
    }
    return current
  }

  /// Commit timestamps (file modification times, made strictly increasing as Spark does) of
  /// every commit still in the log, ascending by version.
  public func commitTimestamps() throws -> [(version: Int64, timestamp: Int64)] {
    guard try store.logExists() else { throw notATable() }
    var result: [(version: Int64, timestamp: Int64)] = []
    for commit in try store.list(fromVersion: 0).commits {
      var time = commit.modificationTime
      if let last = result.last, time <= last.timestamp { time = last.timestamp + 1 }
      result.append((commit.version, time))
    }
    return result
  }

  /// The latest version whose commit timestamp is ≤ `millis` (the latest version when `millis`
  /// is after the last commit).
  public func version(atTimestamp millis: Int64) throws -> Int64 {
    let timestamps = try commitTimestamps()
    guard let first = timestamps.first else { throw notATable() }
    guard let match = timestamps.last(where: { $0.timestamp <= millis }) else {
      throw DeltaError(
        .versionNotFound,
        "the table at \(location) has no version at or before \(FileStatistics.isoMillis(millis)); its "
          + "earliest available commit (version \(first.version)) is from \(FileStatistics.isoMillis(first.timestamp))"
      )
    }
    return match.version
  }

  var location: String { store.logLocation }

  func commitName(_ version: Int64) -> String {
    location + "/" + LogFileName.commit(version)
  }

  func notATable() -> DeltaError {
    let table = location.hasSuffix("/_delta_log") ? String(location.dropLast("/_delta_log".count)) : location
    return DeltaError(
      .notATable,
      "\(table) is not a Delta table: no _delta_log folder with commits at \(location); check the path")
  }

  func checkProtocol(_ replay: LogReplay, version: Int64) throws(DeltaError) {
    guard let p = replay.protocolAction else { return }
    let metadata = replay.metadata ?? MetadataAction(id: "", schemaString: "")
    try ProtocolSupport.checkReadable(p, metadata: metadata, location: location)
  }

  func missingCommit(_ missing: Int64, version: Int64, listing: LogListing, hasCheckpoint: Bool) -> DeltaError
  {
    if let unsupported = listing.checkpoints.last(where: { !$0.isSingleFile && $0.version <= version }),
      unsupported.version >= missing
    {
      return DeltaError(
        .unsupportedFeature,
        "reading version \(version) needs the checkpoint \(location)/\(unsupported.name) (a "
          + "\(unsupported.isV2 ? "V2" : "multi-part") checkpoint, which Sluice does not read yet) because "
          + "commit \(LogFileName.commit(missing)) was cleaned up")
    }
    let earliest = listing.commits.first?.version ?? Int64.max
    if missing < earliest {
      let available =
        earliest == Int64.max ? "no commits remain" : "commits before \(earliest) were cleaned up"
      return DeltaError(
        .versionNotFound,
        "version \(version) of the table at \(location) can no longer be rebuilt: \(available) and no "
          + "checkpoint covers them" + (hasCheckpoint ? " (read the latest version instead)" : ""))
    }
    return DeltaError(
      .corruptLog,
      "commit \(commitName(missing)) is missing (the versions in the log have a gap); the table cannot be read "
        + "past version \(missing - 1): restore the file from a backup")
  }
}
