import CZstd

/// A reusable libzstd compression context (one per writer: not shared between threads).
final class ZstdCompressor {
  private let context: OpaquePointer
  let level: Int32
  private var scratch: [UInt8] = []
  private var frameScratch: [UInt8] = []

  init(level: Int32) throws(ParquetError) {
    guard let context = ZSTD_createCCtx() else {
      throw ParquetError(.compression, "libzstd could not allocate a compression context")
    }
    self.context = context
    self.level = level
    try check(ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, level), "set level \(level)")
  }

  deinit { ZSTD_freeCCtx(context) }

  /// Compresses the concatenation of `parts` into one zstd frame (with its content size) and
  /// returns the frame. Several parts are gathered into a reused scratch buffer first.
  func compress(_ parts: [UnsafeRawBufferPointer]) throws(ParquetError) -> [UInt8] {
    guard parts.count > 1 else {
      return try compress(parts.first ?? UnsafeRawBufferPointer(start: nil, count: 0))
    }
    let total = parts.reduce(0) { $0 + $1.count }
    scratch.removeAll(keepingCapacity: true)
    scratch.reserveCapacity(total)
    for part in parts { scratch.append(contentsOf: part) }
    return try scratch.withParquetBytes { whole throws(ParquetError) in try compress(whole) }
  }

  /// Compresses into a reused buffer of the worst-case size, then returns an exactly sized copy:
  /// pages are kept until their chunk is laid out, and a frame array with the worst-case
  /// capacity (about the page's size, ten times the frame here) would hold that much memory
  /// per page.
  private func compress(_ input: UnsafeRawBufferPointer) throws(ParquetError) -> [UInt8] {
    let bound = ZSTD_compressBound(input.count)
    if frameScratch.count < bound { frameScratch = [UInt8](repeating: 0, count: bound) }
    let context = self.context
    let status = frameScratch.withUnsafeMutableBytes { buffer in
      ZSTD_compress2(context, buffer.baseAddress, bound, input.baseAddress, input.count)
    }
    try check(status, "compress \(input.count) bytes")
    return Array(frameScratch[0..<status])
  }

  private func check(_ result: Int, _ operation: String) throws(ParquetError) {
    if ZSTD_isError(result) != 0 {
      throw ParquetError(
        .compression, "zstd failed to \(operation): \(String(cString: ZSTD_getErrorName(result)))")
    }
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
