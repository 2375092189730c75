import SluiceParallel

/// Runs a step on every column chunk encoder of a row group, columns in parallel: each lane
/// (thread) has its own ``PageWriter`` (compression context), which it lends to the encoder it
/// is working on. Columns are independent until their chunks are laid out in the file, which
/// stays sequential (``RowGroup/finishing(_:lanes:rows:ordinal:into:)``).
struct EncoderLanes {
  let writers: [PageWriter]

  /// `lanes` page writers for `compression` (at least one).
  init(compression: ParquetCompression, lanes: Int = ParallelLoop.defaultLanes) throws(ParquetError) {
    var writers: [PageWriter] = []
    for _ in 0..<max(1, lanes) { writers.append(try PageWriter(compression: compression)) }
    self.writers = writers
  }

  /// Below this much PLAIN-equivalent work a step runs on the calling thread.
  static let parallelThreshold = 256 << 10

  /// Calls `step(&encoders[i], i)` for every encoder, biggest `work[i]` first, on several
  /// threads when the total work is worth it. Every step runs even when one fails; the error
  /// of the lowest failing column is thrown.
  func run(
    _ encoders: inout [ColumnChunkEncoder], work: [Int],
    _ step: (inout ColumnChunkEncoder, Int) throws(ParquetError) -> Void
  ) throws(ParquetError) {
    let total = work.reduce(0, +)
    let lanes = total >= Self.parallelThreshold ? writers.count : 1
    let order = encoders.indices.sorted { work[$0] > work[$1] }
    var failures = [ParquetError?](repeating: nil, count: encoders.count)
    let writers = self.writers
    encoders.withUnsafeMutableBufferPointer { encoders in
      failures.withUnsafeMutableBufferPointer { failures in
        ParallelLoop.forEach(order.count, lanes: lanes) { item, lane in
          let index = order[item]
          encoders[index].pageWriter = writers[lane]
          do throws(ParquetError) {
            try step(&encoders[index], index)
          } catch {
            failures[index] = error
          }
        }
      }
    }
    if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
  }
}
