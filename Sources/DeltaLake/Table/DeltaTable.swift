public import SluiceCore

/// A Delta table for reading: snapshots (with time travel), history, detail and scans.
///
/// Reads tables written by Sluice, Spark and delta-rs (protocol checks in
/// ``ProtocolSupport``). Values are read through the injected ``DataFileFormat`` (Parquet).
public struct DeltaTable: Sendable {
  /// The table root, for messages and `DESCRIBE DETAIL`.
  public let location: String
  public let logStore: any LogStore
  public let dataStore: any DataFileStore
  public let format: any DataFileFormat

  public init(
    location: String, logStore: any LogStore, dataStore: any DataFileStore,
    format: any DataFileFormat = ParquetDataFileFormat()
  ) {
    self.location = location
    self.logStore = logStore
    self.dataStore = dataStore
    self.format = format
  }

  /// Opens the table at `path` on the local file system; a path without `_delta_log` is
  /// ``DeltaError/Code/notATable``.
  public static func open(path: String, format: any DataFileFormat = ParquetDataFileFormat()) throws
    -> DeltaTable
  {
    let store = LocalLogStore(tablePath: path)
    guard try store.logExists() else {
      let exists = LocalFiles.exists(store.tablePath)
      throw DeltaError(
        .notATable,
        "\(store.tablePath) is not a Delta table: no _delta_log folder at \(store.logPath)"
          + (exists ? "" : " (the path does not exist)") + "; check the path")
    }
    return DeltaTable(
      location: store.tablePath, logStore: store, dataStore: LocalDataFileStore(tablePath: store.tablePath),
      format: format)
  }

  var loader: SnapshotLoader { SnapshotLoader(store: logStore) }

  /// The table at `version` (latest when `nil`).
  public func snapshot(version: Int64? = nil) throws -> Snapshot {
    try loader.load(version: version)
  }

  /// The table as of `millis` (ms since the epoch): the latest version committed at or before it.
  public func snapshot(timestamp millis: Int64) throws -> Snapshot {
    try loader.load(version: try loader.version(atTimestamp: millis))
  }

  /// The version current at `millis` (see ``SnapshotLoader/version(atTimestamp:)``).
  public func version(atTimestamp millis: Int64) throws -> Int64 {
    try loader.version(atTimestamp: millis)
  }

  /// Commit information per version, newest first, at most `limit` entries.
  public func history(limit: Int? = nil) throws -> [HistoryEntry] {
    guard try logStore.logExists() else { throw loader.notATable() }
    let commits = try logStore.list(fromVersion: 0).commits
    guard !commits.isEmpty else { throw loader.notATable() }
    var entries: [HistoryEntry] = []
    for commit in commits.reversed() {
      if let limit, entries.count >= limit { break }
      let name = logStore.logLocation + "/" + LogFileName.commit(commit.version)
      let info = try CommitFile.commitInfo(in: try logStore.readCommit(commit.version), fileName: name)
      entries.append(
        HistoryEntry(
          version: commit.version, timestamp: info?.timestamp ?? commit.modificationTime, commitInfo: info))
    }
    return entries
  }

  /// `DESCRIBE DETAIL` at `version` (latest when `nil`).
  public func detail(version: Int64? = nil) throws -> TableDetail {
    TableDetail(snapshot: try snapshot(version: version), location: location)
  }

  /// Rows of the table at `version` or `timestamp` (latest when both are `nil`) where every
  /// `column = value` condition holds (values parsed for the column type; an empty value
  /// matches null), at most `limit` rows. Columns are in table-schema order; partition columns
  /// are filled from the log's partition values.
  public func scan(
    version: Int64? = nil, timestamp: Int64? = nil, where conditions: [(column: String, value: String)] = [],
    limit: Int? = nil
  ) throws -> RecordBatch {
    if version != nil && timestamp != nil {
      throw DeltaError.invalidArgument("give a version or a timestamp to scan, not both")
    }
    let snapshot = try timestamp.map { try self.snapshot(timestamp: $0) } ?? self.snapshot(version: version)
    return try TableScan(table: self, snapshot: snapshot).rows(where: conditions, limit: limit)
  }
}
