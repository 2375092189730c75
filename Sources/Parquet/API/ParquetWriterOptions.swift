/// Page compression codec of a Parquet file.
///
/// The writer supports `.uncompressed` and `.zstd`; `.snappy` is read-only (the writer rejects it).
public enum ParquetCompression: Sendable, Hashable, CustomStringConvertible {
  case uncompressed
  case zstd(level: Int32)
  case snappy

  public var description: String {
    switch self {
    case .uncompressed: "UNCOMPRESSED"
    case .zstd(let level): "ZSTD(level \(level))"
    case .snappy: "SNAPPY"
    }
  }
}

/// How ``ParquetWriter`` lays out a file. Every option has a default; sizes are targets measured in
/// uncompressed (PLAIN-equivalent) bytes, cut at row boundaries.
public struct ParquetWriterOptions: Sendable {
  /// Codec for every page.
  public var compression: ParquetCompression
  /// Target uncompressed bytes per row group; a row group is flushed once it reaches this size.
  public var rowGroupBytes: Int
  /// Target uncompressed bytes per data page.
  public var pageBytes: Int
  /// Dictionary-encode string columns (RLE_DICTIONARY) when it pays; falls back to PLAIN when the
  /// dictionary of a column chunk would exceed ``dictionaryMaxBytes``.
  public var dictionary: Bool
  /// Largest dictionary (PLAIN-encoded size) per column chunk.
  public var dictionaryMaxBytes: Int
  /// `FileMetaData.created_by`, e.g. "Sluice version 0.1.0".
  public var createdBy: String
  /// File-level key/value metadata, in order.
  public var keyValueMetadata: [(String, String)]

  public init(
    compression: ParquetCompression = .zstd(level: 3), rowGroupBytes: Int = 128 << 20,
    pageBytes: Int = 1 << 20, dictionary: Bool = true, dictionaryMaxBytes: Int = 1 << 20,
    createdBy: String = "Sluice", keyValueMetadata: [(String, String)] = []
  ) {
    self.compression = compression
    self.rowGroupBytes = rowGroupBytes
    self.pageBytes = pageBytes
    self.dictionary = dictionary
    self.dictionaryMaxBytes = dictionaryMaxBytes
    self.createdBy = createdBy
    self.keyValueMetadata = keyValueMetadata
  }
}
