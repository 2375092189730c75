import CZstd

/// zstd frames through the system libzstd (streaming: the content size may be absent).
public enum Zstd {
  static let format = "zstd"

  /// Decompresses one or more concatenated zstd frames (at most `limit` bytes out). A single
  /// frame that declares its content size decodes in one step into an exact-size buffer; other
  /// input streams.
  public static func decompress(_ input: UnsafeRawBufferPointer, limit: Int = Int.max) throws -> [UInt8] {
    try ZstdContextPool.withContext { context in
      // One complete frame that declares its size (kafka-python, most producers): one step.
      let declared = ZSTD_getFrameContentSize(input.baseAddress, input.count)
      let frameSize = ZSTD_findFrameCompressedSize(input.baseAddress, input.count)
      if declared != ZSTD_CONTENTSIZE_UNKNOWN && declared != ZSTD_CONTENTSIZE_ERROR
        && frameSize == input.count
      {
        guard declared <= UInt64(limit) else {
          throw CompressionError(
            .tooLarge, format: format, at: 0,
            "frames declare \(declared) bytes, above the limit of \(limit) bytes")
        }
        return try decompressKnownSize(input, Int(declared), context)
      }
      return try decompressStream(input, limit: limit, context)
    }
  }

  private static func decompressKnownSize(
    _ input: UnsafeRawBufferPointer, _ size: Int, _ context: OpaquePointer
  ) throws -> [UInt8] {
    var result = 0
    let output = [UInt8](unsafeUninitializedCapacity: size) { out, initialized in
      result = ZSTD_decompressDCtx(context, out.baseAddress, size, input.baseAddress, input.count)
      initialized = ZSTD_isError(result) != 0 ? 0 : result
    }
    if ZSTD_isError(result) != 0 {
      throw CompressionError(.corrupt, format: format, at: nil, String(cString: ZSTD_getErrorName(result)))
    }
    guard result == size else {
      throw CompressionError(
        .corrupt, format: format, at: nil, "frames hold \(result) bytes, their headers say \(size)")
    }
    return output
  }

  private static func decompressStream(
    _ input: UnsafeRawBufferPointer, limit: Int, _ context: OpaquePointer
  ) throws -> [UInt8] {
    var inBuffer = ZSTD_inBuffer(src: input.baseAddress, size: input.count, pos: 0)
    var output = [UInt8]()
    output.reserveCapacity(min(limit, max(input.count * 4, 1024)))
    var chunk = [UInt8](repeating: 0, count: ZSTD_DStreamOutSize())
    var lastResult = 1
    while true {
      let (result, produced) = chunk.withUnsafeMutableBytes { out -> (Int, Int) in
        var outBuffer = ZSTD_outBuffer(dst: out.baseAddress, size: out.count, pos: 0)
        let result = ZSTD_decompressStream(context, &outBuffer, &inBuffer)
        return (result, outBuffer.pos)
      }
      if ZSTD_isError(result) != 0 {
        throw CompressionError(
          .corrupt, format: format, at: inBuffer.pos, String(cString: ZSTD_getErrorName(result)))
      }
      guard output.count + produced <= limit else {
        throw CompressionError(
          .tooLarge, format: format, at: inBuffer.pos, "decompressed data exceeds the limit of \(limit) bytes"
        )
      }
      output.append(contentsOf: chunk[0..<produced])
      lastResult = result
      // Done when all input is consumed and the decoder has flushed everything it holds.
      if inBuffer.pos == inBuffer.size && produced < chunk.count { break }
    }
    guard lastResult == 0 else {
      throw CompressionError(.truncated, format: format, at: input.count, "the zstd frame ends early")
    }
    return output
  }

  /// Compresses `input` into one zstd frame (with its content size).
  public static func compress(_ input: [UInt8], level: Int32 = 3) throws -> [UInt8] {
    let bound = ZSTD_compressBound(input.count)
    var status = 0
    let output = [UInt8](unsafeUninitializedCapacity: bound) { out, initialized in
      status = input.withUnsafeBytes {
        ZSTD_compress(out.baseAddress, bound, $0.baseAddress, $0.count, level)
      }
      initialized = ZSTD_isError(status) != 0 ? 0 : status
    }
    if ZSTD_isError(status) != 0 {
      throw CompressionError(.library, format: format, at: nil, String(cString: ZSTD_getErrorName(status)))
    }
    return output
  }
}
