import ArgumentParser
import SluiceJob
import SluiceRuntime

@main
struct SluiceCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sluice",
    abstract: "Micro-batch stream processing: log → cleaners → exactly-once sinks.",
    discussion: """
      Sluice reads events from a replayable log, cleans them with stateless transforms and \
      appends them exactly once to a sink, keeping Spark-style checkpoints (offsets/, commits/) \
      so a stopped or killed job resumes where it left off.

      A 60-second tour:
        sluice emulate --count 10000          # Pinterest events into data/log
        sluice log describe                   # topics, partitions, offsets
        sluice run Examples/pinterest/pin.yaml --trigger availableNow
        sluice checkpoint status checkpoints/pin
        sluice emulate --count 5000           # 5,000 more events ...
        sluice run Examples/pinterest/pin.yaml --trigger availableNow
                                              # ... exactly those are processed

      Every command has --help; most have --json for scripts.
      """,
    version: SluiceVersion.current,
    subcommands: [
      RunCommand.self, EmulateCommand.self, LogCommand.self, CheckpointCommand.self, TableCommand.self,
      DeadLetterCommand.self,
      ServeCommand.self,
    ]
  )

  /// Sets up the allocator for batch work (see ``AllocatorTuning``), then runs the command. The
  /// gateway (`serve`) answers many small requests on several threads and keeps glibc's
  /// per-thread arenas.
  static func main() async {
    if CommandLine.arguments.dropFirst().first != "serve" { AllocatorTuning.applyForBatchWork() }
    await main(nil)
  }
}
