/// Snappy: raw blocks (the format description's varint length + literal/copy elements) and the
/// xerial snappy-java stream framing kafka-python and the Java client use for Kafka's `snappy`.
public enum Snappy {
  static let rawFormat = "snappy"
  static let xerialFormat = "snappy (xerial framing)"
  /// `82 'S' 'N' 'A' 'P' 'P' 'Y' 00`.
  static let xerialMagic: [UInt8] = [0x82, 0x53, 0x4E, 0x41, 0x50, 0x50, 0x59, 0x00]

  /// Decompresses one raw snappy block (at most `limit` bytes out).
  public static func decompressRaw(_ input: UnsafeRawBufferPointer, limit: Int = Int.max) throws -> [UInt8] {
    var output: [UInt8] = []
    try SnappyBlockDecoder.decode(input, into: &output, limit: limit, origin: 0, format: rawFormat)
    return output
  }

  /// Compresses `input` into one raw snappy block.
  public static func compressRaw(_ input: [UInt8]) -> [UInt8] {
    var output: [UInt8] = []
    input.withUnsafeBytes { SnappyBlockEncoder.encode($0, into: &output) }
    return output
  }

  /// Decompresses a xerial stream (magic `82 53 4E 41 50 50 59 00`, version, compatible version,
  /// then `[int32 BE length][raw block]...`). Input without the magic is decoded as one raw block.
  public static func decompressXerial(_ input: UnsafeRawBufferPointer, limit: Int = Int.max) throws -> [UInt8]
  {
    let magicBytes = min(input.count, xerialMagic.count)
    guard magicBytes > 0, (0..<magicBytes).allSatisfy({ input[$0] == xerialMagic[$0] }) else {
      return try decompressRaw(input, limit: limit)
    }
    guard input.count >= 16 else {
      throw CompressionError(
        .truncated, format: xerialFormat, at: input.count, "the 16-byte stream header is cut off")
    }
    var output: [UInt8] = []
    var position = 16
    while position < input.count {
      guard input.count - position >= 4 else {
        throw CompressionError(
          .truncated, format: xerialFormat, at: position,
          "a block length needs 4 bytes, \(input.count - position) left")
      }
      let length = Int(UInt32(bigEndian: input.loadUnaligned(fromByteOffset: position, as: UInt32.self)))
      position += 4
      guard length <= input.count - position else {
        throw CompressionError(
          .truncated, format: xerialFormat, at: position,
          "a block of \(length) bytes is cut off after \(input.count - position) bytes")
      }
      try SnappyBlockDecoder.decode(
        UnsafeRawBufferPointer(rebasing: input[position..<(position + length)]), into: &output, limit: limit,
        origin: position, format: xerialFormat)
      position += length
    }
    return output
  }

  /// Compresses `input` into a xerial stream (version 1, compatible version 1) with blocks of at
  /// most `blockSize` input bytes.
  public static func compressXerial(_ input: [UInt8], blockSize: Int = 32 * 1024) -> [UInt8] {
    var output = xerialMagic
    for value: UInt32 in [1, 1] { withUnsafeBytes(of: value.bigEndian) { output.append(contentsOf: $0) } }
    input.withUnsafeBytes { raw in
      var start = 0
      var block: [UInt8] = []
      while start < raw.count {
        let end = min(raw.count, start + max(1, blockSize))
        block.removeAll(keepingCapacity: true)
        SnappyBlockEncoder.encode(UnsafeRawBufferPointer(rebasing: raw[start..<end]), into: &block)
        withUnsafeBytes(of: UInt32(block.count).bigEndian) { output.append(contentsOf: $0) }
        output.append(contentsOf: block)
        start = end
      }
    }
    return output
  }
}
