#if canImport(Glibc)
  import Glibc
#endif

/// Process-wide allocator settings for long-running jobs.
enum AllocatorTuning {
  /// Fixes glibc's mmap threshold at 1 MiB. By default glibc raises the threshold (up to
  /// 32 MiB) the first time a large mmapped block is freed; from then on the batch-sized
  /// buffers of every micro-batch come from the heap and stay resident, so a job's RSS steps up
  /// once after some hundreds of batches (≈ +9 MiB in the soak run, 34 → 43 MiB). With a fixed
  /// threshold, buffers of 1 MiB and more are always mapped and returned, and RSS stays flat
  /// (`scripts/soak.sh`: within 4 % from batch 100 to batch 1,000). No effect elsewhere.
  static func keepResidentMemoryFlat() {
    #if canImport(Glibc)
      // `mallopt` is declared in <malloc.h>, which the Glibc module does not export: look it up.
      typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
      let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
      _ = unsafeBitCast(symbol, to: Mallopt.self)(mmapThreshold, 1 << 20)
    #endif
  }
}
