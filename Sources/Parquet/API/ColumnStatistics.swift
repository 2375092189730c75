public import SluiceCore

/// Statistics of one top-level column over a whole file (merged over its row groups).
///
/// `min`/`max` are nil when the column has no non-null value, for list columns and when the file
/// did not record them. For list columns `nullCount` counts null lists.
public struct ColumnStatistics: Sendable, Hashable {
  public var name: String
  public var nullCount: Int64
  public var min: Value?
  public var max: Value?

  public init(name: String, nullCount: Int64, min: Value?, max: Value?) {
    self.name = name
    self.nullCount = nullCount
    self.min = min
    self.max = max
  }
}

/// What ``ParquetWriter/finish()`` wrote.
public struct ParquetFileSummary: Sendable {
  public var numRows: Int64
  /// Size of the file in bytes.
  public var byteCount: Int
  /// One entry per schema field, in schema order.
  public var columns: [ColumnStatistics]
  public var rowGroups: Int

  public init(numRows: Int64, byteCount: Int, columns: [ColumnStatistics], rowGroups: Int) {
    self.numRows = numRows
    self.byteCount = byteCount
    self.columns = columns
    self.rowGroups = rowGroups
  }
}
