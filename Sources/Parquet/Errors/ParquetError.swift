/// Errors raised by the Parquet reader and writer. The message says what failed and where (column,
/// row group, page, byte offset) and what to do about it; `code` is what programs match on.
public struct ParquetError: Error, Sendable, Hashable, CustomStringConvertible {
  public struct Code: Sendable, Hashable, CustomStringConvertible {
    let name: String
    public var description: String { name }
    /// The bytes are not a Parquet file (no `PAR1` magic at the start or the end).
    public static let notParquet = Code(name: "notParquet")
    /// The file ends before a structure it declares (footer, page, value) is complete.
    public static let truncated = Code(name: "truncated")
    /// A structure is malformed: bad Thrift, impossible sizes, levels or values that disagree.
    public static let corrupt = Code(name: "corrupt")
    /// A valid Parquet feature this implementation does not handle; the message names it.
    public static let unsupported = Code(name: "unsupported")
    /// A batch or a requested column does not match the file or writer schema.
    public static let schemaMismatch = Code(name: "schemaMismatch")
    /// A requested column is not in the file.
    public static let columnNotFound = Code(name: "columnNotFound")
    /// A caller passed a value outside its allowed range (row group index, option values).
    public static let invalidArgument = Code(name: "invalidArgument")
    /// Compressing or decompressing a page failed.
    public static let compression = Code(name: "compression")
    /// Reading a file failed.
    public static let io = Code(name: "io")
    /// The writer was used after `finish()`.
    public static let writerFinished = Code(name: "writerFinished")
  }

  public let code: Code
  public let message: String

  public init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }

  public var description: String { message }

  static func corrupt(_ message: String) -> ParquetError { ParquetError(.corrupt, message) }
  static func truncated(_ message: String) -> ParquetError { ParquetError(.truncated, message) }
  static func unsupported(_ message: String) -> ParquetError { ParquetError(.unsupported, message) }
}
