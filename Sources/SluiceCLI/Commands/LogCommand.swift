import ArgumentParser
import Foundation
import SluiceCore
import SluiceJSON
import SluiceJob
import SluiceLog

/// Options shared by the `log` subcommands.
struct LogOptions: ParsableArguments {
  @Option(name: .long, help: "Root folder of the embedded log.")
  var log = "data/log"

  @Flag(name: .long, help: "Print JSON instead of text.")
  var json = false

  func store() throws -> LogStore {
    try CLIFailure.reporting { try LogStore(root: log) }
  }
}

struct LogCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "log",
    abstract: "Create, inspect, write and read topics of the embedded log.",
    discussion: """
      The embedded log is Sluice's default source: topics split into partitions, each an \
      append-only sequence of CRC-checked segment files under --log (default data/log).

      Examples:
        sluice log create clicks --partitions 4
        sluice log produce clicks --file events.jsonl      # one JSON record per line
        sluice log describe clicks
        sluice log read clicks --partition 0 --from 100 --max 5
      """,
    subcommands: [Create.self, Describe.self, Produce.self, Read.self])

  struct Create: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Create a topic (no-op if it exists with the same partition count).")

    @OptionGroup var options: LogOptions
    @Argument(help: "Topic name: letters, digits, '.', '_' and '-'.")
    var topic: String
    @Option(name: .long, help: "Number of partitions.")
    var partitions = 1

    func validate() throws {
      if partitions < 1 { throw ValidationError("--partitions must be at least 1") }
    }

    func run() throws {
      let description = try CLIFailure.reporting {
        try options.store().createTopic(topic, partitions: partitions)
      }
      if options.json {
        Terminal.json(LogCommand.json(description))
      } else {
        Terminal.out(
          "topic \(description.name): \(description.partitionCount) partition(s) in \(options.log)")
      }
    }
  }

  struct Describe: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show topics with per-partition earliest/latest offsets and sizes.")

    @OptionGroup var options: LogOptions
    @Argument(help: "Topic to describe (default: all topics).")
    var topic: String?

    func run() throws {
      let store = try options.store()
      let descriptions = try CLIFailure.reporting {
        try (topic.map { [$0] } ?? store.topicNames()).map { try store.describe(topic: $0) }
      }
      if options.json {
        Terminal.json(.array(descriptions.map(LogCommand.json)))
        return
      }
      if descriptions.isEmpty {
        Terminal.out(
          "no topics in \(options.log) (create one with `sluice log create <topic>` or `sluice emulate`)")
      }
      for description in descriptions {
        let total = description.partitions.reduce(Int64(0)) { $0 + ($1.latestOffset - $1.earliestOffset) }
        Terminal.out(
          "\(description.name)  partitions \(description.partitionCount)  records \(Terminal.grouped(total))")
        for p in description.partitions {
          Terminal.out(
            "  partition \(p.partition)  earliest \(Terminal.grouped(p.earliestOffset))  latest \(Terminal.grouped(p.latestOffset))"
              + "  \(Terminal.fixed(Double(p.sizeBytes) / 1_048_576, 2)) MiB in \(p.segmentCount) segment(s)")
        }
      }
    }
  }

  struct Produce: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Append JSON lines from a file or stdin to a topic.",
      discussion:
        "Each non-blank line is one record value, stored as given. Records are partitioned by --key-field when given, else spread round-robin."
    )

    @OptionGroup var options: LogOptions
    @Argument(help: "Topic to write to (must exist: see `sluice log create`).")
    var topic: String
    @Option(name: .long, help: "Read from this file instead of stdin.")
    var file: String?
    @Option(name: .long, help: "Use this top-level field of each record as the key.")
    var keyField: String?
    @Option(name: .long, help: "Write every record to this partition.")
    var partition: Int32?

    func run() throws {
      let data: Data
      if let file {
        guard let contents = FileManager.default.contents(atPath: file) else {
          throw CLIFailure(message: "cannot read \(file): no such file or not readable")
        }
        data = contents
      } else {
        data = FileHandle.standardInput.readDataToEndOfFile()
      }
      let records = JSONLines.split([UInt8](data), topic: topic)
      let written = try CLIFailure.reporting { () throws -> Int in
        var written = 0
        let writer = try options.store().openWriter(topic: topic)
        defer { try? writer.close() }
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        for i in 0..<records.count {
          let value = Array(records.value(i))
          // Values are stored as given (a consumer decides what is malformed); a key field needs JSON.
          let key = keyField.flatMap { field -> [UInt8]? in
            guard let document = try? JSONValue.parse(String(decoding: value, as: UTF8.self)),
              let member = document[field]
            else { return nil }
            return Array((member.stringValue ?? member.compact).utf8)
          }
          _ = try writer.append(value: value, key: key, partition: partition, timestampMs: now)
          written += 1
        }
        try writer.flush()
        return written
      }
      if options.json {
        Terminal.json(.object([("topic", .string(topic)), ("records", .int(Int64(written)))]))
      } else {
        Terminal.out("appended \(Terminal.grouped(written)) records to \(topic)")
      }
    }
  }

  struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print records of one partition (value per line, or JSON with metadata).")

    @OptionGroup var options: LogOptions
    @Argument(help: "Topic to read.")
    var topic: String
    @Option(name: .long, help: "Partition to read.")
    var partition: Int32 = 0
    @Option(name: .long, help: "First offset to read (default: the earliest).")
    var from: Int64?
    @Option(name: .long, help: "Maximum number of records.")
    var max = 10

    func run() throws {
      let records = try CLIFailure.reporting { () throws -> RawRecords in
        let store = try options.store()
        let description = try store.describe(topic: topic)
        guard let info = description.partitions.first(where: { $0.partition == partition }) else {
          throw CLIFailure(
            message: "topic \(topic) has no partition \(partition) (it has \(description.partitionCount))")
        }
        return try store.read(
          topic: topic, partition: partition, from: from ?? info.earliestOffset, maxRecords: max,
          maxBytes: Int.max)
      }
      for i in 0..<records.count {
        let value = String(decoding: records.value(i), as: UTF8.self)
        if options.json {
          let parsed = (try? JSONValue.parse(value)) ?? .string(value)
          Terminal.json(
            .object([
              ("topic", .string(records.topic(i))), ("partition", .int(Int64(records.partitions[i]))),
              ("offset", .int(records.offsets[i])), ("timestamp", .int(records.timestamps[i])),
              ("key", records.key(i).map { .string(String(decoding: $0, as: UTF8.self)) } ?? .null),
              ("value", parsed),
            ]))
        } else {
          Terminal.out("\(records.offsets[i])\t\(value)")
        }
      }
    }
  }

  static func json(_ description: TopicDescription) -> JSONValue {
    .object([
      ("name", .string(description.name)), ("partitionCount", .int(Int64(description.partitionCount))),
      (
        "partitions",
        .array(
          description.partitions.map {
            .object([
              ("partition", .int(Int64($0.partition))), ("earliestOffset", .int($0.earliestOffset)),
              ("latestOffset", .int($0.latestOffset)), ("sizeBytes", .int($0.sizeBytes)),
              ("segmentCount", .int(Int64($0.segmentCount))),
            ])
          })
      ),
    ])
  }
}
