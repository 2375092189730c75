public import SluiceCore

/// Appends record batches to a Delta table: batches → data files (per partition, cut by rows
/// and bytes) → one commit with their `add` actions, optionally an application `txn`.
///
/// The first write creates the table (version 0: `protocol` reader 1 / writer 2, `metaData`
/// with a new id, the batch's schema, partition columns and configuration, in the same commit
/// as the first files, as Spark's streaming sink does). Later batches must have the table's
/// schema exactly (schema evolution is not supported): a difference is refused with
/// ``DeltaError/Code/schemaMismatch`` listing it, before anything is written.
///
/// Data files are durable (fsynced) before the commit that references them; a crash in between
/// leaves unreferenced orphans only. The writer keeps the snapshot it last saw and commits on
/// top of it optimistically; when another writer got there first, it reads only the newer
/// commits (conflict check, then retry).
public struct DeltaTableWriter: Sendable {
  public let logStore: any LogStore
  public let dataStore: any DataFileStore
  public let format: any DataFileFormat
  public var options: DeltaWriteOptions
  public let clock: DeltaClock
  /// The table state after the last refresh or commit (`nil` until the table exists).
  public private(set) var snapshot: Snapshot?

  /// A writer for the table at `path` on the local file system.
  public init(
    path: String, options: DeltaWriteOptions = DeltaWriteOptions(),
    format: any DataFileFormat = ParquetDataFileFormat(), clock: DeltaClock = .system
  ) {
    self.init(
      logStore: LocalLogStore(tablePath: path), dataStore: LocalDataFileStore(tablePath: path),
      options: options,
      format: format, clock: clock)
  }

  public init(
    logStore: any LogStore, dataStore: any DataFileStore, options: DeltaWriteOptions = DeltaWriteOptions(),
    format: any DataFileFormat = ParquetDataFileFormat(), clock: DeltaClock = .system
  ) {
    self.logStore = logStore
    self.dataStore = dataStore
    self.format = format
    self.options = options
    self.clock = clock
  }

  var loader: SnapshotLoader { SnapshotLoader(store: logStore) }

  /// Loads (or advances) ``snapshot`` to the latest version; `nil` when the table does not exist.
  @discardableResult
  public mutating func refresh() throws -> Snapshot? {
    if let current = snapshot {
      snapshot = try loader.update(current)
    } else {
      do {
        snapshot = try loader.load()
      } catch let error as DeltaError where error.code == .notATable {
        snapshot = nil
      }
    }
    return snapshot
  }

  /// Checks that rows of `schema` can be appended (table absent, or same schema and a protocol
  /// this build writes).
  public mutating func validate(schema: Schema) throws {
    guard let snapshot = try refresh() else {
      try validateNewTable(schema: schema)
      return
    }
    try checkAppend(schema: schema, to: snapshot)
  }

  /// Appends `batch` as one commit. With `transaction`, the commit carries that `txn`, and a
  /// transaction whose version is already in the table (≤ the table's version for its app id)
  /// writes nothing and returns `alreadyCommitted`.
  ///
  /// `beforeCommit` runs once the batch's data files are written and durable and before the
  /// commit is attempted (not at all when nothing is written); if it throws, nothing is
  /// committed and the files stay unreferenced orphans. Crash tests use it to stop there.
  /// `metrics` are added to the commit's `operationMetrics` (as strings).
  public mutating func write(
    _ batch: RecordBatch, operation: WriteOperation = .write, transaction: TransactionAction? = nil,
    metrics: [(String, Int64)] = [], beforeCommit: () throws -> Void = {}
  ) throws -> DeltaWriteResult {
    // The cached snapshot is good enough to start from: if another writer committed since,
    // put-if-absent fails and the committer checks the winners (including our own txn).
    var current = try snapshot ?? refresh()
    if let current, let transaction, let done = current.transactionVersion(appId: transaction.appId),
      done >= transaction.version
    {
      return DeltaWriteResult(version: current.version, alreadyCommitted: true)
    }
    if let current {
      try checkAppend(schema: batch.schema, to: current)
    } else {
      try validateNewTable(schema: batch.schema)
    }
    let partitionColumns = current?.partitionColumns ?? options.partitionColumns
    let adds = try writeDataFiles(batch, partitionColumns: partitionColumns)
    try beforeCommit()
    let now = clock.nowMillis()
    var stampedTransaction = transaction
    stampedTransaction?.lastUpdated = now

    for _ in 0..<2 {
      let creating = current == nil
      let info = operation.commitInfo(
        timestamp: now, readVersion: current?.version, partitionColumns: partitionColumns, files: adds,
        rows: Int64(batch.count), engineInfo: options.engineInfo, extraMetrics: metrics)
      var actions: [DeltaAction] = [.commitInfo(info)]
      if creating {
        actions.append(.protocol(.sluiceDefault))
        actions.append(.metaData(newMetadata(schema: batch.schema, createdTime: now)))
      }
      if let stampedTransaction { actions.append(.txn(stampedTransaction)) }
      actions += adds.map { .add($0) }

      let outcome: CommitOutcome
      do {
        outcome = try TransactionCommitter(store: logStore, maxAttempts: options.maxCommitAttempts)
          .commit(actions, readVersion: current?.version, transaction: stampedTransaction)
      } catch let error as DeltaError where error.code == .conflict && creating {
        // Another writer created the table first: append on top of it if it is compatible.
        current = try refresh()
        guard let created = current else { throw error }
        try checkAppend(schema: batch.schema, to: created)
        guard created.partitionColumns == partitionColumns else { throw error }
        continue
      }
      switch outcome {
      case .alreadyCommitted(let version):
        try refresh()
        return DeltaWriteResult(version: version, alreadyCommitted: true)
      case .committed(let version, let attempts):
        try advance(to: version, with: actions, timestamp: now)
        var result = DeltaWriteResult(
          version: version, alreadyCommitted: false, addedFiles: adds, rowsWritten: Int64(batch.count),
          bytesWritten: adds.reduce(0) { $0 + $1.size }, attempts: attempts)
        checkpointIfDue(version: version, result: &result)
        return result
      }
    }
    throw DeltaError(
      .conflict, "could not commit to \(logStore.logLocation): the table changed while creating it")
  }

  /// Writes a checkpoint of the current snapshot now (normally done every `checkpointInterval`).
  @discardableResult
  public mutating func checkpoint() throws -> LastCheckpoint {
    guard let snapshot = try refresh() else {
      throw DeltaError(.notATable, "cannot checkpoint \(logStore.logLocation): the table does not exist yet")
    }
    return try CheckpointWriter(store: logStore).write(snapshot)
  }

  // MARK: - Steps

  mutating func advance(to version: Int64, with actions: [DeltaAction], timestamp: Int64) throws {
    if let current = snapshot, version == current.version + 1 {
      snapshot = try current.applying(version: version, actions: actions, commitTimestamp: timestamp)
    } else if snapshot == nil, version == 0 {
      var replay = LogReplay()
      replay.apply(actions)
      snapshot = try replay.snapshot(version: 0, commitTimestamp: timestamp)
    } else {
      try refresh()
    }
  }

  mutating func checkpointIfDue(version: Int64, result: inout DeltaWriteResult) {
    guard let snapshot, snapshot.version == version else { return }
    let interval = options.checkpointInterval ?? snapshot.metadata.checkpointInterval
    guard interval > 0, version > 0, version % interval == 0 else { return }
    do {
      _ = try CheckpointWriter(store: logStore).write(snapshot)
      result.checkpointVersion = version
    } catch {
      result.checkpointFailure = "\(error)"
    }
  }

  func writeDataFiles(_ batch: RecordBatch, partitionColumns: [String]) throws -> [AddAction] {
    var adds: [AddAction] = []
    var fileIndex = 0
    for group in try PartitionedBatch(batch, partitionColumns: partitionColumns).groups
    where group.data.count > 0 {
      let folder = zip(partitionColumns, group.values).map {
        PathEscaping.partitionFolder(column: $0.0, value: $0.1)
      }.joined(separator: "/")
      var partitionValues = DeltaMap()
      for (column, value) in zip(partitionColumns, group.values) { partitionValues.set(column, value) }
      for file in try encodeFiles(group.data) {
        let name = Self.fileName(index: fileIndex, suffix: format.fileSuffix)
        fileIndex += 1
        let relativePath = folder.isEmpty ? name : folder + "/" + name
        try dataStore.write(relativePath: relativePath, contents: file.bytes)
        let stats = FileStatistics(numRecords: file.numRecords, columns: file.columns)
        adds.append(
          AddAction(
            path: PathEscaping.encodeURIPath(relativePath), partitionValues: partitionValues,
            size: Int64(file.bytes.count), modificationTime: clock.nowMillis(), dataChange: true,
            stats: stats.jsonString))
      }
    }
    return adds
  }

  /// Encodes `data` into one or more files of at most `targetFileRows` rows and about
  /// `targetFileBytes` bytes.
  func encodeFiles(_ data: RecordBatch) throws -> [EncodedDataFile] {
    if data.count <= options.targetFileRows && data.estimatedBytes <= options.targetFileBytes {
      let writer = try format.makeWriter(schema: data.schema)
      try writer.write(data)
      return [try writer.finish()]
    }
    var files: [EncodedDataFile] = []
    var writer = try format.makeWriter(schema: data.schema)
    var rowsInFile = 0
    // Chunks of about a target file's worth of in-memory bytes (encoded files are smaller, so
    // a file usually takes several chunks), at most 8192 rows.
    let bytesPerRow = max(1, data.estimatedBytes / max(1, data.count))
    let step = max(1, min(options.targetFileRows, 8192, options.targetFileBytes / bytesPerRow))
    var start = 0
    while start < data.count {
      let end = min(data.count, start + step, start + (options.targetFileRows - rowsInFile))
      try writer.write(data.gather(Array(start..<end)))
      rowsInFile += end - start
      start = end
      if rowsInFile >= options.targetFileRows || writer.estimatedBytes >= options.targetFileBytes {
        files.append(try writer.finish())
        rowsInFile = 0
        if start < data.count { writer = try format.makeWriter(schema: data.schema) }
      }
    }
    if rowsInFile > 0 { files.append(try writer.finish()) }
    return files
  }

  /// `part-00000-<uuid>.c000.<suffix>`.
  static func fileName(index: Int, suffix: String) -> String {
    let digits = String(index)
    let padded = String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    return "part-\(padded)-\(QueryID.random().rawValue).c000.\(suffix)"
  }

  func newMetadata(schema: Schema, createdTime: Int64) -> MetadataAction {
    MetadataAction(
      id: QueryID.random().rawValue, name: options.tableName, schemaString: DeltaSchema.encode(schema),
      partitionColumns: options.partitionColumns, configuration: options.configuration,
      createdTime: createdTime)
  }

  // MARK: - Checks

  func validateNewTable(schema: Schema) throws(DeltaError) {
    var seen = Set<String>()
    for field in schema.fields where !seen.insert(field.name.lowercased()).inserted {
      throw DeltaError.invalidArgument(
        "column '\(field.name)' appears twice (Delta column names are case-insensitive); rename one of them")
    }
    for name in options.partitionColumns {
      guard let field = schema.field(named: name) else {
        throw DeltaError.invalidArgument(
          "partition column '\(name)' is not in the schema (\(schema.names.joined(separator: ", ")))")
      }
      if field.type.isList {
        throw DeltaError.invalidArgument("partition column '\(name)' is a list; partition by a scalar column")
      }
    }
    if !schema.fields.isEmpty, options.partitionColumns.count >= schema.count {
      throw DeltaError.invalidArgument("a table needs at least one column that is not a partition column")
    }
  }

  func checkAppend(schema: Schema, to snapshot: Snapshot) throws(DeltaError) {
    let location = logStore.logLocation
    try ProtocolSupport.checkWritable(snapshot.protocolAction, location: location)
    let difference = SchemaDifference(table: snapshot.schema, batch: schema)
    guard difference.isEmpty else {
      throw DeltaError(
        .schemaMismatch,
        "the batch's schema differs from the table's (\(location)): \(difference); nothing was written "
          + "(schema evolution is not supported yet: write to a new table)")
    }
    if !options.partitionColumns.isEmpty, options.partitionColumns != snapshot.partitionColumns {
      throw DeltaError.invalidArgument(
        "the table at \(location) is partitioned by [\(snapshot.partitionColumns.joined(separator: ", "))], "
          + "not by [\(options.partitionColumns.joined(separator: ", "))]; fix the partitioning option")
    }
  }
}
