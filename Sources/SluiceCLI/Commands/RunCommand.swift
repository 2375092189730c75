import ArgumentParser
import Logging
import ServiceLifecycle
import SluiceCore
import SluiceJob
import SluiceRuntime

struct RunCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run a streaming job from its YAML file.",
    discussion: """
      Reads the job's source in micro-batches, applies its transforms and appends the result to \
      its sink exactly once. Progress lines go to stdout (one per batch), logs to stderr. \
      The checkpoint folder (default checkpoints/<name>) records each planned batch before it \
      runs and each completed batch after, so a stopped or killed run resumes where it left \
      off: a batch that was planned but not completed is re-run with exactly the same range.

      Triggers (job key `trigger`, or --trigger):
        processingTime:<interval>  long-running; a batch every interval (default 1s)
        availableNow               drain everything available at start, in bounded batches, then stop
        once                       one bounded batch, then stop

      Stop a long-running job with Ctrl-C or SIGTERM: it finishes the batch in flight, then exits.

      Examples:
        sluice run Examples/pinterest/pin.yaml
        sluice run Examples/pinterest/pin.yaml --trigger availableNow --json
      """)

  @Argument(help: "The job file (YAML).")
  var job: String

  @Option(name: .long, help: "Override the job's trigger: once, availableNow, processingTime:<interval>.")
  var trigger: String?

  @Flag(name: .long, help: "Print each batch's progress as a JSON object (StreamingQueryProgress-like).")
  var json = false

  @Option(name: .long, help: "Log level on stderr: trace, debug, info, notice, warning, error.")
  var logLevel = "notice"

  func validate() throws {
    if let trigger {
      do {
        _ = try Trigger(parsing: trigger)
      } catch {
        throw ValidationError("--trigger: \(error)")
      }
    }
    guard Logger.Level(rawValue: logLevel) != nil else {
      throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error")
    }
  }

  func run() async throws {
    let level = Logger.Level(rawValue: logLevel) ?? .notice
    LoggingSystem.bootstrap { label in
      var handler = StreamLogHandler.standardError(label: label)
      handler.logLevel = level
      return handler
    }
    let logger = Logger(label: "sluice")
    let json = self.json
    let assembled: JobAssembly.Assembled
    do {
      let spec = try JobSpec.load(path: job)
      assembled = try JobAssembly.assemble(
        spec, trigger: try trigger.map { try Trigger(parsing: $0) }, logger: logger
      ) { progress in
        Terminal.out(json ? progress.json.compact : progress.line)
      }
    } catch {
      throw CLIFailure(error)
    }
    let runner = assembled.runner
    let group = ServiceGroup(
      configuration: ServiceGroupConfiguration(
        services: [
          .init(
            service: runner, successTerminationBehavior: .gracefullyShutdownGroup,
            failureTerminationBehavior: .gracefullyShutdownGroup)
        ],
        gracefulShutdownSignals: [.sigterm, .sigint],
        logger: logger))
    do {
      try await group.run()
    } catch {
      assembled.lock.release()
      throw CLIFailure(error)  // the group rethrows the runner's own error
    }
    assembled.lock.release()
    if let summary = runner.lastSummary {
      if json {
        Terminal.err("\(summary)")
      } else {
        Terminal.out("\(summary)")
      }
    }
  }
}
