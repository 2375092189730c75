import CSluiceKernels

/// Process-wide allocator settings for micro-batch work, applied once at process start (before
/// any thread allocates).
///
/// A batch allocates the same few big buffers every time (raw records, decoded columns, cleaned
/// columns, Parquet pages), tens of megabytes each. With glibc's defaults, buffers above the
/// mmap threshold (at most 32 MiB), and any buffer a worker thread's 64 MiB arena cannot hold,
/// are fresh `mmap`s that the kernel zero-fills page by page and unmaps on free: for the pin job
/// about 37,000 page faults and a third of the CPU time per 100k-record batch. One arena, no
/// mmap below 1 GiB and no trimming keep freed batch memory in the heap for the next batch:
/// the resident set stays at the peak of one batch instead of being returned and faulted in
/// again. The thresholds are fixed, so glibc's dynamic mmap threshold (which rose after some
/// hundreds of batches and stepped RSS up once in the soak run) is off as well. Elsewhere
/// (other C libraries) this does nothing.
public enum AllocatorTuning {
  /// Applies the settings; call first thing in `main`. Safe to call more than once. Returns
  /// whether they apply here (glibc).
  @discardableResult
  public static func applyForBatchWork() -> Bool {
    sluice_tune_allocator_for_batches() != 0
  }
}
