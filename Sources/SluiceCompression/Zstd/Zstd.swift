/// zstd frames through the system libzstd (streaming: the content size may be absent).
public enum Zstd {
  /// Decompresses one or more concatenated zstd frames.
  public static func decompress(_ input: UnsafeRawBufferPointer, limit: Int = Int.max) throws -> [UInt8] {
    fatalError("todo")
  }

  /// Compresses `input` into one zstd frame.
  public static func compress(_ input: [UInt8], level: Int32 = 3) throws -> [UInt8] {
    fatalError("todo")
  }
}
