/// Snappy: raw blocks (the format description's varint length + literal/copy elements) and the
/// xerial snappy-java stream framing kafka-python and the Java client use for Kafka's `snappy`.
public enum Snappy {
  /// Decompresses one raw snappy block.
  public static func decompressRaw(_ input: UnsafeRawBufferPointer, limit: Int = Int.max) throws -> [UInt8] {
    fatalError("todo")
  }

  /// Compresses `input` into one raw snappy block.
  public static func compressRaw(_ input: [UInt8]) -> [UInt8] {
    fatalError("todo")
  }

  /// Decompresses a xerial stream (magic `82 53 4E 41 50 50 59 00`, version, compatible version,
  /// then `[int32 BE length][raw block]...`). Input without the magic is decoded as one raw block.
  public static func decompressXerial(_ input: UnsafeRawBufferPointer, limit: Int = Int.max) throws -> [UInt8]
  {
    fatalError("todo")
  }

  /// Compresses `input` into a xerial stream with blocks of at most `blockSize` input bytes.
  public static func compressXerial(_ input: [UInt8], blockSize: Int = 32 * 1024) -> [UInt8] {
    fatalError("todo")
  }
}
