import CZstd
import Synchronization

/// Reusable libzstd decompression contexts: creating one per batch costs more than decoding a
/// small batch (its workspace is fresh memory), so contexts are kept for the next call.
enum ZstdContextPool {
  /// A context pointer that moves between threads; only one thread holds it at a time.
  struct Context: @unchecked Sendable {
    let pointer: OpaquePointer
  }

  static let idle = Mutex<[Context]>([])
  static let maxIdle = 8

  /// Runs `body` with a context reset to a fresh session.
  static func withContext<T>(_ body: (OpaquePointer) throws -> T) throws -> T {
    let reused = idle.withLock { $0.popLast() }
    guard let context = reused ?? ZSTD_createDCtx().map(Context.init) else {
      throw CompressionError(
        .library, format: Zstd.format, at: nil, "libzstd could not allocate a decompression context")
    }
    ZSTD_DCtx_reset(context.pointer, ZSTD_reset_session_only)
    defer {
      let kept = idle.withLock { contexts in
        guard contexts.count < maxIdle else { return false }
        contexts.append(context)
        return true
      }
      if !kept { ZSTD_freeDCtx(context.pointer) }
    }
    return try body(context.pointer)
  }
}
