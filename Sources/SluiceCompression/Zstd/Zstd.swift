import CZstd

/// zstd frames through the system libzstd (streaming: the content size may be absent).
public enum Zstd {
  static let format = "zstd"

  /// Decompresses one or more concatenated zstd frames (at most `limit` bytes out).
  public static func decompress(_ input: UnsafeRawBufferPointer, limit: Int = Int.max) throws -> [UInt8] {
    guard let context = ZSTD_createDStream() else {
      throw CompressionError(
        .library, format: format, at: nil, "libzstd could not allocate a decompression stream")
    }
    defer { ZSTD_freeDStream(context) }
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
