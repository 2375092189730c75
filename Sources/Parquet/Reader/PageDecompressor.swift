/// Decompresses page bodies for the reader: UNCOMPRESSED, SNAPPY (built-in) and ZSTD (libzstd).
/// Other codecs fail with an `unsupported` error naming the codec and the column.
final class PageDecompressor {
  private var zstd: ZstdDecompressor?

  static func check(_ codec: CompressionCodec, column: String) throws(ParquetError) {
    switch codec {
    case .uncompressed, .snappy, .zstd: return
    default:
      throw .unsupported(
        "column \(column) is compressed with \(codec); Sluice reads UNCOMPRESSED, SNAPPY and ZSTD pages")
    }
  }

  /// Calls `body` with the decompressed bytes of `input` (`size` bytes once decompressed).
  @discardableResult
  func withDecompressed<R>(
    _ input: UnsafeRawBufferPointer, codec: CompressionCodec, size: Int, what: @autoclosure () -> String,
    _ body: (UnsafeRawBufferPointer) throws(ParquetError) -> R
  ) throws(ParquetError) -> R {
    switch codec {
    case .uncompressed:
      guard input.count == size else {
        throw .corrupt("\(what()): uncompressed page of \(input.count) bytes, header says \(size)")
      }
      return try body(input)
    case .snappy:
      let output = try SnappyDecompressor.decompress(input, expectedSize: size, what: what())
      return try output.withParquetBytes(body)
    case .zstd:
      if zstd == nil { zstd = try ZstdDecompressor() }
      let output = try zstd!.decompress(input, size: size, what: what())
      return try output.withParquetBytes(body)
    default:
      throw .unsupported("\(what()): \(codec) compression")
    }
  }
}
