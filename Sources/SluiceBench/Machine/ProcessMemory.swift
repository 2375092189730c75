import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The memory this process uses, from the kernel.
enum ProcessMemory {
  /// Current resident set size in bytes (`VmRSS` of `/proc/self/status`); nil where absent.
  static func residentBytes() -> Int? {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    return kilobytes(of: "VmRSS", in: text).map { $0 * 1024 }
  }

  /// Peak resident set size of the whole process so far, in bytes
  /// (`getrusage(RUSAGE_SELF).ru_maxrss`, which Linux reports in KiB).
  static func peakResidentBytes() -> Int {
    var usage = rusage()
    #if os(Linux)
      getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
      return Int(usage.ru_maxrss) * 1024
    #else
      getrusage(RUSAGE_SELF, &usage)
      return Int(usage.ru_maxrss)
    #endif
  }

  /// The number before ` kB` on the line `key:` of a `/proc` status-style text.
  static func kilobytes(of key: String, in text: String) -> Int? {
    for line in text.split(separator: "\n") where line.hasPrefix(key + ":") {
      let digits = line.dropFirst(key.count + 1).filter(\.isNumber)
      return Int(digits)
    }
    return nil
  }
}
