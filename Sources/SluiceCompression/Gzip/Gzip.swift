/// gzip streams (RFC 1952) through the system zlib: Kafka's `gzip` codec.
public enum Gzip {
  /// Decompresses one gzip member or several concatenated members.
  /// - Throws: ``CompressionError`` when the input is not gzip, is corrupt or ends early.
  public static func decompress(_ input: UnsafeRawBufferPointer, limit: Int = Int.max) throws -> [UInt8] {
    fatalError("todo")
  }

  /// Compresses `input` into one gzip member.
  public static func compress(_ input: [UInt8], level: Int32 = 6) throws -> [UInt8] {
    fatalError("todo")
  }
}
