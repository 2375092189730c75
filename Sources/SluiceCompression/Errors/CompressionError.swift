/// Errors raised by the byte codecs: what was corrupt or missing, in which format, at which byte of
/// the compressed input.
public struct CompressionError: Error, Sendable, Hashable, CustomStringConvertible {
  public struct Code: Sendable, Hashable, CustomStringConvertible {
    let name: String
    public var description: String { name }
    /// The input is not a valid stream of the format (bad magic, bad offset, bad checksum…).
    public static let corrupt = Code(name: "corrupt")
    /// The input ends in the middle of a header, block or element.
    public static let truncated = Code(name: "truncated")
    /// The input uses a feature of the format this decoder does not implement.
    public static let unsupported = Code(name: "unsupported")
    /// The output would exceed the caller's size limit.
    public static let tooLarge = Code(name: "tooLarge")
    /// The system library (zlib, libzstd) reported a failure.
    public static let library = Code(name: "library")
  }

  public let code: Code
  /// The format: `gzip`, `snappy`, `snappy (xerial framing)`, `lz4 frame`, `lz4 block`, `zstd`.
  public let format: String
  /// Byte position in the compressed input where the problem was found, when known.
  public let byteOffset: Int?
  public let message: String

  public init(_ code: Code, format: String, at byteOffset: Int?, _ message: String) {
    self.code = code
    self.format = format
    self.byteOffset = byteOffset
    self.message = message
  }

  public var description: String {
    let position = byteOffset.map { " at byte \($0)" } ?? ""
    return "\(format) input is \(code)\(position): \(message)"
  }
}
