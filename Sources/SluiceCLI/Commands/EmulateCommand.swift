import ArgumentParser
import SluiceCore
import SluiceEmulator
import SluiceJob
import SluiceLog
import SluiceRuntime

struct EmulateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "emulate",
    abstract: "Write Pinterest pin, geo and user events to the embedded log.",
    discussion: """
      Emulates the Pinterest posting script: each event picks a post (sampling with replacement, \
      so duplicates occur as in the real feed) and writes its pin, geo and user rows to three \
      topics (<prefix>.pin, <prefix>.geo, <prefix>.user), creating them when missing. Rows carry \
      the real feed's quirks: placeholders, "5k"/"6M" follower counts, both timestamp spellings, \
      numbers sent as strings, non-ASCII text. Output is deterministic for a given --seed.

      Examples:
        sluice emulate --count 100000
        sluice emulate --rate 50 --duration 60s     # 50 events/s per kind for a minute
      """)

  @Option(name: .long, help: "Root folder of the embedded log.")
  var log = "data/log"

  @Option(name: .long, help: "Events per kind to write (default 10000 unless --duration is given).")
  var count: Int?

  @Option(name: .long, help: "Events per second per kind (default: as fast as possible).")
  var rate: Double?

  @Option(name: .long, help: "Stop after this long, e.g. 30s, 5m, 500ms.")
  var duration: String?

  @Option(name: .long, help: "Seed of the event sequence.")
  var seed: UInt64 = 100

  @Option(name: .long, help: "Producer wire variant: mixed, majority, iso, stringly.")
  var variant = "mixed"

  @Option(name: .long, help: "Partitions per topic when a topic is created.")
  var partitions = 3

  @Option(name: .long, help: "Topic name prefix.")
  var topicPrefix = "pinterest"

  @Flag(name: .long, help: "Print the summary as JSON.")
  var json = false

  func validate() throws {
    if let count, count < 0 { throw ValidationError("--count must be 0 or more") }
    if let rate, rate <= 0 { throw ValidationError("--rate must be positive") }
    if partitions < 1 { throw ValidationError("--partitions must be at least 1") }
    if let duration, Trigger.parseInterval(duration) == nil {
      throw ValidationError("--duration '\(duration)' is not a duration; use e.g. 30s, 5m, 500ms")
    }
    if ProducerVariant.named(variant) == nil {
      throw ValidationError("--variant must be one of: mixed, majority, iso, stringly")
    }
  }

  func run() throws {
    SignalFlag.install()
    let parsedDuration = duration.flatMap(Trigger.parseInterval)
    let plan = EmulationPlan(
      logPath: log, count: count ?? (parsedDuration == nil ? 10_000 : nil), rate: rate,
      duration: parsedDuration,
      seed: seed, variant: ProducerVariant.named(variant)!, partitions: partitions, topicPrefix: topicPrefix)
    let summary: EmulationSummary
    do {
      summary = try EmulationRun.run(plan, shouldStop: { SignalFlag.stopRequested }) { events, seconds in
        if !json {
          Terminal.err("  … \(Terminal.grouped(events)) events in \(Terminal.fixed(seconds)) s")
        }
      }
    } catch {
      throw CLIFailure(error)
    }
    let rate = summary.seconds > 0 ? Double(summary.events) / summary.seconds : 0
    if json {
      Terminal.json(
        .object([
          ("events", .int(Int64(summary.events))), ("bytes", .int(Int64(summary.bytes))),
          ("seconds", .double(summary.seconds)), ("eventsPerSecond", .double(rate.rounded())),
          ("log", .string(log)),
          (
            "topics",
            .object(summary.topics.map { ($0, .object([("endOffset", .int(summary.endOffsets[$0] ?? 0))])) })
          ),
        ]))
    } else {
      Terminal.out(
        "emulated \(Terminal.grouped(summary.events)) events × 3 kinds (\(Terminal.fixed(Double(summary.bytes) / 1_048_576)) MiB) "
          + "into \(log) in \(Terminal.fixed(summary.seconds, 2)) s (\(Terminal.grouped(Int(rate))) events/s)"
      )
      for topic in summary.topics {
        Terminal.out("  \(topic): \(Terminal.grouped(summary.endOffsets[topic] ?? 0)) records")
      }
    }
  }
}

extension ProducerVariant {
  static func named(_ name: String) -> ProducerVariant? {
    switch name.lowercased() {
    case "mixed": .mixed
    case "majority": .majority
    case "iso": .iso
    case "stringly": .stringly
    default: nil
    }
  }
}
