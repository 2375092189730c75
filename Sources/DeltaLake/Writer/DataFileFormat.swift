public import SluiceCore

/// One encoded data file and the facts needed for its `add` action.
public struct EncodedDataFile: Sendable {
  public var bytes: [UInt8]
  public var numRecords: Int64
  /// Per-column null counts and bounds (data columns only).
  public var columns: [ColumnSummary]

  public init(bytes: [UInt8], numRecords: Int64, columns: [ColumnSummary]) {
    self.bytes = bytes
    self.numRecords = numRecords
    self.columns = columns
  }
}

/// An open data file being filled with batches.
public protocol DataFileWriting: AnyObject {
  func write(_ batch: RecordBatch) throws
  /// Bytes the file would have if finished now (an estimate is fine: used to cut files).
  var estimatedBytes: Int { get }
  func finish() throws -> EncodedDataFile
}

/// The encoding of a table's data files (Parquet in production; tests may use a simple
/// stand-in so that writer, sink and scan logic run without Parquet).
public protocol DataFileFormat: Sendable {
  /// File name suffix after `c000.`, e.g. `zstd.parquet`.
  var fileSuffix: String { get }
  func makeWriter(schema: Schema) throws -> any DataFileWriting
  /// Decodes a whole file, keeping only `columns` (all when `nil`).
  func read(_ bytes: [UInt8], columns: [String]?) throws -> RecordBatch
}
