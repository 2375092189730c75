import Foundation
import SluiceEmulator

/// Writes the emulator's raw pin records as JSON lines, the peer's input: the same events
/// (`--e2e-records`, `--seed`, the default mixed producer variant) that `pipeline-pin-delta`
/// emulates into its log, written untimed in 4 MiB chunks.
enum PinRecordsFile {
  /// Writes `count` pin records to `path`; returns the payload bytes (newlines excluded, as
  /// the log counts them).
  static func write(count: Int, seed: UInt64, to path: String) throws -> Int {
    guard FileManager.default.createFile(atPath: path, contents: nil),
      let handle = FileHandle(forWritingAtPath: path)
    else {
      throw BenchError(.setup, "cannot create the peer's input file \(path)")
    }
    defer { try? handle.close() }
    var emulator = PinterestEmulator(seed: seed)
    var pin: [UInt8] = []
    var geo: [UInt8] = []
    var user: [UInt8] = []
    var chunk: [UInt8] = []
    chunk.reserveCapacity(4 << 20 + 8192)
    var payload = 0
    do {
      for _ in 0..<count {
        pin.removeAll(keepingCapacity: true)
        geo.removeAll(keepingCapacity: true)
        user.removeAll(keepingCapacity: true)
        emulator.next(pin: &pin, geo: &geo, user: &user)
        payload += pin.count
        chunk.append(contentsOf: pin)
        chunk.append(UInt8(ascii: "\n"))
        if chunk.count >= 4 << 20 {
          try handle.write(contentsOf: chunk)
          chunk.removeAll(keepingCapacity: true)
        }
      }
      try handle.write(contentsOf: chunk)
    } catch {
      throw BenchError(.setup, "cannot write the peer's input file \(path): \(error)")
    }
    return payload
  }
}
