import CZstd

/// A reusable libzstd compression context plus its output buffer (one per writer: not shared
/// between threads).
final class ZstdCompressor {
  private let context: OpaquePointer
  let level: Int32
  private var scratch: [UInt8] = []

  init(level: Int32) throws(ParquetError) {
    guard let context = ZSTD_createCCtx() else {
      throw ParquetError(.compression, "libzstd could not allocate a compression context")
    }
    self.context = context
    self.level = level
  }

  deinit { ZSTD_freeCCtx(context) }

  /// Compresses `input` into one zstd frame and passes it to `body` (valid only inside `body`).
  func compress<R>(
    _ input: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> R
  ) throws(ParquetError) -> R {
    let bound = ZSTD_compressBound(input.count)
    if scratch.count < bound { scratch = [UInt8](repeating: 0, count: bound) }
    let written = scratch.withUnsafeMutableBytes { destination in
      ZSTD_compressCCtx(context, destination.baseAddress, bound, input.baseAddress, input.count, level)
    }
    if ZSTD_isError(written) != 0 {
      throw ParquetError(
        .compression, "zstd compression failed: \(String(cString: ZSTD_getErrorName(written)))")
    }
    return scratch.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[0..<written])) }
  }
}

/// A reusable libzstd decompression context.
final class ZstdDecompressor {
  private let context: OpaquePointer

  init() throws(ParquetError) {
    guard let context = ZSTD_createDCtx() else {
      throw ParquetError(.compression, "libzstd could not allocate a decompression context")
    }
    self.context = context
  }

  deinit { ZSTD_freeDCtx(context) }

  /// Decompresses a page of exactly `size` bytes (frames may lack a content size).
  func decompress(
    _ input: UnsafeRawBufferPointer, size: Int, what: @autoclosure () -> String
  ) throws(ParquetError) -> [UInt8] {
    var result = 0
    let output = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
      result = ZSTD_decompressDCtx(context, buffer.baseAddress, size, input.baseAddress, input.count)
      initialized = ZSTD_isError(result) != 0 ? 0 : min(result, size)
    }
    if ZSTD_isError(result) != 0 {
      throw ParquetError(
        .compression, "\(what()): zstd decompression failed: \(String(cString: ZSTD_getErrorName(result)))")
    }
    guard result == size else {
      throw .corrupt("\(what()): zstd page holds \(result) bytes, page header says \(size)")
    }
    return output
  }
}
