import Foundation
public import SluiceEmulator
public import SluiceLog

/// What `sluice emulate` should produce.
public struct EmulationPlan: Sendable {
  public var logPath: String
  /// Events per kind; nil = until `duration` ends.
  public var count: Int?
  /// Events per second per kind; nil = as fast as possible.
  public var rate: Double?
  public var duration: Duration?
  public var seed: UInt64
  public var variant: ProducerVariant
  public var partitions: Int
  public var topicPrefix: String
  public var fsync: FsyncPolicy

  public init(
    logPath: String = "data/log", count: Int? = 10_000, rate: Double? = nil, duration: Duration? = nil,
    seed: UInt64 = 100, variant: ProducerVariant = .mixed, partitions: Int = 3,
    topicPrefix: String = "pinterest",
    fsync: FsyncPolicy = .never
  ) {
    self.logPath = logPath
    self.count = count
    self.rate = rate
    self.duration = duration
    self.seed = seed
    self.variant = variant
    self.partitions = partitions
    self.topicPrefix = topicPrefix
    self.fsync = fsync
  }

  public func topic(_ kind: EventKind) -> String { "\(topicPrefix).\(kind.rawValue)" }
}

/// The outcome of an emulation run.
public struct EmulationSummary: Sendable {
  public var events: Int
  public var bytes: Int
  public var seconds: Double
  public var topics: [String]
  /// Log-end offsets per topic after the run (sum over partitions).
  public var endOffsets: [String: Int64]
}

/// Generates Pinterest events and appends them to the three topics of the embedded log.
public enum EmulationRun {
  public static func run(
    _ plan: EmulationPlan, shouldStop: @Sendable () -> Bool = { false },
    progress: (_ events: Int, _ seconds: Double) -> Void = { _, _ in }
  ) throws -> EmulationSummary {
    let store = try LogStore(root: plan.logPath, configuration: LogConfiguration(fsync: plan.fsync))
    let kinds = EventKind.allCases
    let existing = Set(try store.topicNames())
    for kind in kinds where !existing.contains(plan.topic(kind)) {
      _ = try store.createTopic(plan.topic(kind), partitions: plan.partitions)
    }
    let writers = try kinds.map { try store.openWriter(topic: plan.topic($0)) }
    defer { for writer in writers { try? writer.close() } }
    var emulator = PinterestEmulator(seed: plan.seed, variant: plan.variant)
    var pin: [UInt8] = []
    var geo: [UInt8] = []
    var user: [UInt8] = []
    pin.reserveCapacity(2048)
    geo.reserveCapacity(512)
    user.reserveCapacity(512)
    let clock = ContinuousClock()
    let start = clock.now
    let deadline = plan.duration.map { start + $0 }
    var events = 0
    var bytes = 0
    var lastReport = start
    while plan.count.map({ events < $0 }) ?? true {
      if let deadline, clock.now >= deadline { break }
      if events % 1024 == 0, shouldStop() { break }
      if let rate = plan.rate {
        let due = start + .seconds(Double(events) / rate)
        if due > clock.now {
          for writer in writers { try writer.flush() }
          try? sleepUntil(due, clock: clock)
        }
      }
      pin.removeAll(keepingCapacity: true)
      geo.removeAll(keepingCapacity: true)
      user.removeAll(keepingCapacity: true)
      _ = emulator.next(pin: &pin, geo: &geo, user: &user)
      let now = Int64(Date().timeIntervalSince1970 * 1000)
      _ = try writers[0].append(value: pin, key: nil, partition: nil, timestampMs: now)
      _ = try writers[1].append(value: geo, key: nil, partition: nil, timestampMs: now)
      _ = try writers[2].append(value: user, key: nil, partition: nil, timestampMs: now)
      bytes += pin.count + geo.count + user.count
      events += 1
      if events % 4096 == 0, clock.now - lastReport > .seconds(1) {
        lastReport = clock.now
        progress(events, seconds(clock.now - start))
      }
    }
    for writer in writers { try writer.flush() }
    let elapsed = seconds(clock.now - start)
    var ends: [String: Int64] = [:]
    for kind in kinds {
      let description = try store.describe(topic: plan.topic(kind))
      ends[plan.topic(kind)] = description.partitions.reduce(0) { $0 + $1.latestOffset }
    }
    return EmulationSummary(
      events: events, bytes: bytes, seconds: elapsed, topics: kinds.map { plan.topic($0) }, endOffsets: ends)
  }

  static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
  }

  static func sleepUntil(_ instant: ContinuousClock.Instant, clock: ContinuousClock) throws {
    let remaining = instant - clock.now
    guard remaining > .zero else { return }
    let micros =
      remaining.components.seconds * 1_000_000 + remaining.components.attoseconds / 1_000_000_000_000
    usleep(UInt32(min(micros, 1_000_000)))
  }
}
