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
    let transforms = spec.transforms.map { $0.makeTransform() }
    // One injector for the runner's fault points and the sink's (SLUICE_FAULT test hook).
    let faults = try EnvironmentFaultInjector.fromEnvironment()
    let sink = makeSink(spec.sink, jobName: spec.name, faults: faults)
    let store = LocalCheckpointStore(root: spec.checkpoint)
    let lock = try CheckpointLock.acquire(directory: spec.checkpoint)
    let options = QueryOptions(
      name: spec.name, trigger: trigger ?? spec.trigger, readLimit: spec.readLimit, onError: spec.onError)
    let runner = MicroBatchRunner(
      options: options, source: source, decoder: decoder, transforms: transforms, sink: sink,
      checkpoint: store,
      lock: lock, logger: logger, faults: faults, onProgress: onProgress)
    return Assembled(runner: runner, lock: lock, spec: spec)
  }

}

extension SourceSpec {
  /// The configured source (connects/opens lazily where it can; reads nothing yet).
  public func makeSource() throws -> any Source {
    switch self {
    case .log(let log): try log.makeSource()
    case .kinesis(let kinesis): try kinesis.makeSource()
    }
  }
}

extension JobAssembly {
  /// The job's decoder: JSON values into `spec.schema`, plus the requested source metadata columns.
  public static func makeDecoder(_ spec: JobSpec) throws -> any RecordDecoder {
    let json = JSONRecordDecoder(schema: spec.schema)
    guard !spec.metadata.isEmpty else { return json }
    return try MetadataColumnsDecoder(inner: json, fields: spec.metadata)
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
      return DeltaSink(path: delta.path, options: options) { batch in
        try faults.reach(.afterDataFilesWritten, batch: batch)
      }
    }
  }
}
