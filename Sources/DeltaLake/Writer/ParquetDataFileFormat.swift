public import Parquet
public import SluiceCore

/// Data files as Parquet (``defaultOptions`` unless told otherwise): the only place the table
/// writer and scan touch the Parquet target.
public struct ParquetDataFileFormat: DataFileFormat {
  public var options: ParquetWriterOptions

  /// The ZSTD level of data files unless the options say otherwise.
  public static let defaultZstdLevel: Int32 = 3

  /// Data file settings: ZSTD at ``defaultZstdLevel``; string dictionaries up to 4 MiB per
  /// column chunk (a micro-batch's file is one chunk per column: a 1 MiB limit made columns with
  /// a few thousand distinct long values, such as pin descriptions, fall back to PLAIN pages,
  /// which then cost ten times the compression work and file bytes).
  public static let defaultOptions = ParquetWriterOptions(
    compression: .zstd(level: defaultZstdLevel), dictionaryMaxBytes: 4 << 20)

  public init(options: ParquetWriterOptions = defaultOptions) {
    self.options = options
  }

  public var fileSuffix: String {
    switch options.compression {
    case .zstd: "zstd.parquet"
    case .snappy: "snappy.parquet"
    case .uncompressed: "parquet"
    }
  }

  public func makeWriter(schema: Schema) throws -> any DataFileWriting {
    ParquetDataFileWriter(writer: try ParquetWriter(schema: schema, options: options))
  }

  public func read(_ bytes: [UInt8], columns: [String]?) throws -> RecordBatch {
    try ParquetReader(bytes: bytes).read(columns: columns)
  }
}

/// Adapts ``ParquetWriter`` to ``DataFileWriting``.
final class ParquetDataFileWriter: DataFileWriting {
  let writer: ParquetWriter

  init(writer: ParquetWriter) {
    self.writer = writer
  }

  func write(_ batch: RecordBatch) throws {
    try writer.write(batch)
  }

  var estimatedBytes: Int { writer.bufferedBytes }

  func finish() throws -> EncodedDataFile {
    let (bytes, summary) = try writer.finish()
    return EncodedDataFile(
      bytes: bytes, numRecords: summary.numRows,
      columns: summary.columns.map {
        ColumnSummary(name: $0.name, nullCount: $0.nullCount, min: $0.min, max: $0.max)
      })
  }
}
