/// LZ4: the frame format (magic `0x184D2204`) Kafka's `lz4` codec uses, and raw blocks.
public enum LZ4 {
  /// Decompresses one or more LZ4 frames (skippable frames are skipped). Handles independent and
  /// linked blocks, uncompressed blocks, block and content checksums (verified), content size.
  public static func decompressFrame(_ input: UnsafeRawBufferPointer, limit: Int = Int.max) throws -> [UInt8]
  {
    fatalError("todo")
  }

  /// Decompresses one raw LZ4 block, appending to `output` (earlier bytes of `output` may be
  /// referenced by matches: the dictionary of linked blocks). At most `maxOutput` bytes are added.
  public static func decompressBlock(
    _ input: UnsafeRawBufferPointer, into output: inout [UInt8], maxOutput: Int
  ) throws {
    fatalError("todo")
  }

  /// Compresses `input` into one raw LZ4 block.
  public static func compressBlock(_ input: [UInt8]) -> [UInt8] {
    fatalError("todo")
  }

  /// Compresses `input` into one LZ4 frame (independent 64 KB blocks, content checksum; optional
  /// block checksums and content size) — for tests and fixtures.
  public static func compressFrame(
    _ input: [UInt8], blockChecksums: Bool = false, contentSize: Bool = false
  ) -> [UInt8] {
    fatalError("todo")
  }
}
