import DeltaLake
public import Logging
public import SluiceCheckpoint
public import SluiceCore
import SluiceFileSink
import SluiceJSON
import SluiceLog
public import SluiceRuntime
import SluiceTransforms

/// The composition root: the only place that knows every concrete source, decoder, transform
/// and sink. Turns a validated ``JobSpec`` into a ready ``MicroBatchRunner``.
public enum JobAssembly {
  /// Everything a run needs; keep it alive for the run (it holds the checkpoint lock).
  public struct Assembled: Sendable {
    public let runner: MicroBatchRunner
    public let lock: CheckpointLock
    public let spec: JobSpec
  }

  /// Builds the runner for `spec`, taking the checkpoint lock (a second run of the same job
  /// fails here with a message naming the other process).
  public static func assemble(
    _ spec: JobSpec, trigger: Trigger? = nil, logger: Logger = Logger(label: "sluice.job"),
    onProgress: @escaping @Sendable (BatchProgress) -> Void = { _ in }
  ) throws -> Assembled {
    let source = try spec.source.makeSource()
    let decoder = try makeDecoder(spec)
    let transforms = makeTransforms(spec)
    // One injector for the runner's fault points and the sink's (SLUICE_FAULT test hook).
    let faults = try EnvironmentFaultInjector.fromEnvironment()
    let sink = makeSink(spec.sink, jobName: spec.name, faults: faults)
    let deadLetters = spec.deadLetter.map { makeDeadLetterSink($0, jobName: spec.name) }
    let store = LocalCheckpointStore(root: spec.checkpoint)
    let lock = try CheckpointLock.acquire(directory: spec.checkpoint)
    let options = QueryOptions(
      name: spec.name, trigger: trigger ?? spec.trigger, readLimit: spec.readLimit, onError: spec.onError)
    let runner = MicroBatchRunner(
      options: options, source: source, decoder: decoder, transforms: transforms, sink: sink,
      deadLetters: deadLetters, checkpoint: store,
      lock: lock, logger: logger, faults: faults, onProgress: onProgress)
    return Assembled(runner: runner, lock: lock, spec: spec)
  }

}

extension JobAssembly {
  /// The job's transforms; cleaners carry the `source.metadata` columns through (their fixed
  /// output would otherwise drop them).
  public static func makeTransforms(_ spec: JobSpec) -> [any Transform] {
    let metadata = spec.metadata.map(\.columnName)
    return spec.transforms.map { step in
      let transform = step.makeTransform()
      if case .clean = step, !metadata.isEmpty {
        return MetadataPassThrough(inner: transform, columns: metadata)
      }
      return transform
    }
  }
}

extension SourceSpec {
  /// The configured source (connects/opens lazily where it can; reads nothing yet).
  public func makeSource() throws -> any Source {
    switch self {
    case .log(let log): try log.makeSource()
    case .kinesis(let kinesis): try kinesis.makeSource()
    case .kafka(let kafka): try kafka.makeSource()
    }
  }
}

extension JobAssembly {
  /// The job's decoder: JSON values (valid UTF-8 only) into `spec.schema`, plus the requested
  /// source metadata columns.
  public static func makeDecoder(_ spec: JobSpec) throws -> any RecordDecoder {
    let json = UTF8ValidatingDecoder(inner: JSONRecordDecoder(schema: spec.schema))
    guard !spec.metadata.isEmpty else { return json }
    return try MetadataColumnsDecoder(inner: json, fields: spec.metadata)
  }

  /// The dead-letter table of `onError: deadLetter` (a Delta table of ``DeadLetterRows``).
  public static func makeDeadLetterSink(_ spec: DeadLetterSpec, jobName: String) -> any Sink {
    let options = DeltaWriteOptions(
      tableName: "\(jobName)_deadletter", checkpointInterval: Int64(spec.checkpointInterval),
      engineInfo: "Sluice/\(SluiceVersion.current)")
    return DeltaSink(path: spec.path, options: options)
  }

  /// The configured sink. `faults` is reached at sink-internal fault points
  /// (``FaultPoint/afterDataFilesWritten`` for Delta).
  public static func makeSink(
    _ spec: SinkSpec, jobName: String, faults: any FaultInjector = NoFaultInjector()
  ) -> any Sink {
    switch spec {
    case .jsonl(let path):
      return JSONLinesSink(directory: path)
    case .delta(let delta):
      let options = DeltaWriteOptions(
        partitionColumns: delta.partitionBy, targetFileRows: delta.targetFileRows,
        targetFileBytes: delta.targetFileBytes, tableName: jobName,
        checkpointInterval: Int64(delta.checkpointInterval), engineInfo: "Sluice/\(SluiceVersion.current)")
      let beforeCommit: @Sendable (BatchID) throws -> Void = { batch in
        try faults.reach(.afterDataFilesWritten, batch: batch)
      }
      if let environment = faults as? EnvironmentFaultInjector, environment.point == .midDataFile {
        let current = CurrentBatch()
        let store = MidDataFileFaultStore(
          inner: LocalDataFileStore(tablePath: delta.path), faults: faults, current: current)
        let writer = DeltaTableWriter(
          logStore: LocalLogStore(tablePath: delta.path), dataStore: store, options: options)
        return BatchNotingSink(
          inner: DeltaSink(writer: writer, label: delta.path, beforeCommit: beforeCommit), current: current)
      }
      return DeltaSink(path: delta.path, options: options, beforeCommit: beforeCommit)
    }
  }
}
