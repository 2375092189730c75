import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Polls the process's resident set (`/proc/self/statm`) on a background thread every few
/// milliseconds and keeps the maximum seen since the last ``takeWindowMaximum()``, so the peak
/// of each batch can be told apart from the steady state between batches (the kernel's
/// `ru_maxrss` only knows the peak of the whole process).
final class ResidentSampler: Sendable {
  private let windowMaximum = Atomic<Int>(0)
  private let stopped = Atomic<Bool>(false)
  private let interval: Duration

  init(interval: Duration = .milliseconds(5)) {
    self.interval = interval
    let thread = Thread { [self] in
      while !stopped.load(ordering: .relaxed) {
        if let bytes = Self.currentBytes() {
          windowMaximum.max(bytes, ordering: .relaxed)
        }
        Thread.sleep(forTimeInterval: self.interval.seconds)
      }
    }
    thread.name = "rss-sampler"
    thread.start()
  }

  /// The largest resident size sampled since the previous call (or the start), in bytes; starts
  /// a new window at the current size.
  func takeWindowMaximum() -> Int {
    let now = Self.currentBytes() ?? 0
    return max(now, windowMaximum.exchange(now, ordering: .relaxed))
  }

  func stop() {
    stopped.store(true, ordering: .relaxed)
  }

  /// Resident pages × page size, from the second field of `/proc/self/statm` (no allocation).
  static func currentBytes() -> Int? {
    let descriptor = open("/proc/self/statm", O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var buffer: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    return withUnsafeMutableBytes(of: &buffer) { bytes -> Int? in
      let count = read(descriptor, bytes.baseAddress!, bytes.count)
      guard count > 0 else { return nil }
      var field = 0
      var value = 0
      for byte in bytes.prefix(count) {
        if byte == UInt8(ascii: " ") {
          if field == 1 { break }
          field += 1
          value = 0
        } else if byte >= 48, byte <= 57, field == 1 {
          value = value * 10 + Int(byte - 48)
        }
      }
      return field == 1 ? value * Int(sysconf(Int32(_SC_PAGESIZE))) : nil
    }
  }
}
