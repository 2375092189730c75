import SluiceEmulator
import SluiceJob
import SluiceLog

/// `emulate`: the emulator alone; `emulate-log`: the emulator into the embedded log as
/// `sluice emulate` does it (``EmulationRun``).
enum EmulateBench {
  /// Events/s (one event = a pin, a geo and a user record) and MB/s of JSON produced.
  static func emulate(_ options: BenchOptions) throws -> CaseResult {
    let count = options.records
    let samples = try Repetitions.measure(BenchCase.emulate.rawValue, count: options.repeats) { _ in
      var emulator = PinterestEmulator(seed: options.seed)
      var pin: [UInt8] = []
      var geo: [UInt8] = []
      var user: [UInt8] = []
      pin.reserveCapacity(4096)
      geo.reserveCapacity(1024)
      user.reserveCapacity(1024)
      let (bytes, elapsed) = Stopwatch.time { () -> Int in
        var bytes = 0
        for _ in 0..<count {
          pin.removeAll(keepingCapacity: true)
          geo.removeAll(keepingCapacity: true)
          user.removeAll(keepingCapacity: true)
          emulator.next(pin: &pin, geo: &geo, user: &user)
          bytes += pin.count + geo.count + user.count
        }
        return bytes
      }
      return RunSample(elapsed: elapsed, records: count, bytes: bytes)
    }
    var result = CaseResult(.emulate, unit: "events", bytesMeaning: "JSON out", samples: samples)
    result.extras = [
      ("recordsPerSecond3Kinds", .double(Format.rounded(result.recordsPerSecond * 3, places: 1)))
    ]
    result.notes = [
      "emulate: one event = 3 records (pin, geo, user): \(Format.rate(result.recordsPerSecond * 3)) records/s; "
        + "the aim is checked against events/s"
    ]
    return result
  }

  /// `EmulationRun.run` into a fresh 3-partition log per run (fsync never; includes the
  /// writers' flushes and the final describe).
  static func emulateLog(_ options: BenchOptions) throws -> CaseResult {
    let name = BenchCase.emulateLog.rawValue
    var diskBytes = 0
    let samples = try Repetitions.measure(name, count: options.repeats) { _ in
      let scratch = try ScratchDirectory("emulate-log")
      defer { scratch.remove() }
      let plan = EmulationPlan(
        logPath: scratch.child("log"), count: options.records, seed: options.seed, partitions: 3,
        fsync: .never)
      let (summary, elapsed) = try Stopwatch.time { try EmulationRun.run(plan) }
      diskBytes = scratch.sizeOnDisk()
      return RunSample(elapsed: elapsed, records: summary.events, bytes: summary.bytes)
    }
    var result = CaseResult(.emulateLog, unit: "events", bytesMeaning: "JSON out", samples: samples)
    result.extras = [("logBytesOnDisk", .int(Int64(diskBytes)))]
    return result
  }
}
