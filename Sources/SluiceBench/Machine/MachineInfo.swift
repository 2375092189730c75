import Foundation
import SluiceCore
import SluiceJob

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where and how the figures were measured: printed above the table and stored in the report.
struct MachineInfo: Sendable {
  /// `uname -m`, e.g. `x86_64`.
  var architecture: String
  /// `uname -sr`, e.g. `Linux 6.1.0-18-amd64`.
  var kernel: String
  var cpuModel: String
  /// Cores available to this process.
  var cores: Int
  /// `MemTotal` of `/proc/meminfo`, bytes.
  var memoryBytes: Int?
  /// ISO-8601 UTC time of the run.
  var date: String
  var sluiceVersion: String
  /// `release` or `debug`.
  var buildConfiguration: String
  /// The 1-minute load average when the run started (other work on the machine skews figures).
  var loadAverage: Double?

  static func current() -> MachineInfo {
    var names = utsname()
    uname(&names)
    let architecture = field(&names.machine)
    let kernel = field(&names.sysname) + " " + field(&names.release)
    let meminfo = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)
    let memory = meminfo.flatMap { ProcessMemory.kilobytes(of: "MemTotal", in: $0) }.map { $0 * 1024 }
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    #if DEBUG
      let configuration = "debug"
    #else
      let configuration = "release"
    #endif
    return MachineInfo(
      architecture: architecture, kernel: kernel, cpuModel: cpuModel(),
      cores: ProcessInfo.processInfo.activeProcessorCount,
      memoryBytes: memory, date: formatter.string(from: Date()), sluiceVersion: SluiceVersion.current,
      buildConfiguration: configuration, loadAverage: loadAverage())
  }

  /// The first field of `/proc/loadavg`.
  static func loadAverage() -> Double? {
    guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return nil }
    return text.split(separator: " ").first.flatMap { Double($0) }
  }

  /// The first `model name` of `/proc/cpuinfo` (or `Hardware`/`Processor` on ARM boards).
  static func cpuModel() -> String {
    guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "unknown" }
    for key in ["model name", "Hardware", "Processor", "cpu model"] {
      for line in text.split(separator: "\n") where line.hasPrefix(key) {
        if let colon = line.firstIndex(of: ":") {
          let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
          if !value.isEmpty { return value }
        }
      }
    }
    return "unknown"
  }

  /// A C string field of `utsname`.
  private static func field<T>(_ value: inout T) -> String {
    withUnsafeBytes(of: &value) { bytes in
      String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
    }
  }

  /// One line for the top of the table.
  var summary: String {
    let memory = memoryBytes.map { String(format: "%.1f GiB", Double($0) / 1_073_741_824) } ?? "? GiB"
    return "Sluice \(sluiceVersion) (\(buildConfiguration)) · \(cpuModel) · \(cores) cores · \(memory) · "
      + "\(architecture) \(kernel) · \(date)"
      + (loadAverage.map { String(format: " · load %.2f", $0) } ?? "")
  }

  var json: JSONValue {
    .object([
      ("arch", .string(architecture)),
      ("kernel", .string(kernel)),
      ("cpuModel", .string(cpuModel)),
      ("cores", .int(Int64(cores))),
      ("memoryBytes", memoryBytes.map { .int(Int64($0)) } ?? .null),
      ("date", .string(date)),
      ("sluiceVersion", .string(sluiceVersion)),
      ("buildConfiguration", .string(buildConfiguration)),
      ("loadAverage1m", loadAverage.map { .double($0) } ?? .null),
    ])
  }
}
