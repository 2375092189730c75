public import Parquet
public import SluiceCore

/// Data files as Parquet (ZSTD level 3 by default): the only place the table writer and scan
/// touch the Parquet target.
public struct ParquetDataFileFormat: DataFileFormat {
  public var options: ParquetWriterOptions

  public init(options: ParquetWriterOptions = ParquetWriterOptions()) {
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
