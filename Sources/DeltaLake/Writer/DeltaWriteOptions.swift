/// How ``DeltaTableWriter`` lays out files and creates tables.
public struct DeltaWriteOptions: Sendable {
  /// Columns to partition a new table by (Hive-style `col=value/` folders). For an existing
  /// table, empty means "the table's own", anything else must equal the table's.
  public var partitionColumns: [String]
  /// A data file is cut after this many rows.
  public var targetFileRows: Int
  /// A data file is cut once its encoded size reaches about this many bytes.
  public var targetFileBytes: Int
  /// Table properties of a new table (`metaData.configuration`).
  public var configuration: DeltaMap
  /// `metaData.name` of a new table.
  public var tableName: String?
  /// Write a checkpoint every this many versions; `nil` uses the table's
  /// `delta.checkpointInterval` (default 10). `0` disables checkpoints.
  public var checkpointInterval: Int64?
  /// Put-if-absent attempts before a commit gives up.
  public var maxCommitAttempts: Int
  /// `commitInfo.engineInfo`, e.g. `Sluice/0.1.0`.
  public var engineInfo: String

  public init(
    partitionColumns: [String] = [], targetFileRows: Int = 1_000_000, targetFileBytes: Int = 128 << 20,
    configuration: DeltaMap = [:], tableName: String? = nil, checkpointInterval: Int64? = nil,
    maxCommitAttempts: Int = 10, engineInfo: String = "Sluice"
  ) {
    self.partitionColumns = partitionColumns
    self.targetFileRows = max(1, targetFileRows)
    self.targetFileBytes = max(1, targetFileBytes)
    self.configuration = configuration
    self.tableName = tableName
    self.checkpointInterval = checkpointInterval
    self.maxCommitAttempts = maxCommitAttempts
    self.engineInfo = engineInfo
  }
}
