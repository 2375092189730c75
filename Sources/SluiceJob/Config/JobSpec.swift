public import SluiceCore
public import SluiceRuntime
public import SluiceTransforms

/// A validated job: every closed choice is an enum, every path resolved, every value checked.
/// Built once from the job file by ``JobSpec/load(path:)``; nothing downstream reads YAML.
public struct JobSpec: Sendable {
  public var name: String
  public var source: SourceSpec
  /// Source metadata appended to each row as columns (`source.metadata:`), after the value fields.
  public var metadata: [SourceMetadataField] = []
  /// The schema records are decoded into (explicit `schema:` or implied by the first cleaner).
  public var schema: Schema
  /// The transform chain, applied in order (`clean: pin` is `OperatorSpec.clean(.pin)`).
  public var transforms: [OperatorSpec]
  public var sink: SinkSpec
  /// Checkpoint folder (default `checkpoints/<name>`).
  public var checkpoint: String
  public var trigger: Trigger
  public var readLimit: ReadLimit
  public var onError: OnErrorPolicy
  /// Where the spec came from, for messages.
  public var file: String
  /// The dead-letter table of `onError: deadLetter` (`nil` for the other policies).
  public var deadLetter: DeadLetterSpec? = nil
}

/// `deadLetter: {path: tables/<job>_deadletter}`: the Delta table bad records go to.
public struct DeadLetterSpec: Sendable, Hashable {
  /// Table folder (default `tables/<job name>_deadletter`).
  public var path: String
  /// Write a Delta checkpoint every N versions (default 10).
  public var checkpointInterval: Int

  public init(path: String, checkpointInterval: Int = 10) {
    self.path = path
    self.checkpointInterval = checkpointInterval
  }
}

/// Where records come from. Each kind's spec, parsing and construction live in
/// `SourceSpec+<Kind>.swift`; this enum only names them.
public enum SourceSpec: Sendable, Hashable {
  case log(LogSourceSpec)
  case kinesis(KinesisSourceSpec)

  case kafka(KafkaSourceSpec)

  /// The `kind:` values a job file may use.
  public static let kinds = ["log", "kafka", "kinesis"]

  public var kind: String {
    switch self {
    case .log: "log"
    case .kinesis: "kinesis"
    case .kafka: "kafka"
    }
  }
}

public enum StartingOffsetsSpec: Sendable, Hashable {
  case earliest
  case latest
  /// Explicit positions, e.g. `{"pinterest.pin":{"0":120}}` (canonical JSON).
  case specific(SerializedOffset)
}

/// Where cleaned rows go.
public enum SinkSpec: Sendable, Hashable {
  /// One JSON Lines file per batch in a folder.
  case jsonl(path: String)
  /// A Delta Lake table: one table version per batch, exactly once via `txn`.
  case delta(DeltaSinkSpec)

  public var description: String {
    switch self {
    case .jsonl(let path): "jsonl:\(path)"
    case .delta(let delta): "delta:\(delta.path)"
    }
  }
}

public struct DeltaSinkSpec: Sendable, Hashable {
  /// Table folder (default `tables/<job name>`).
  public var path: String
  /// Hive-style partition columns, e.g. `[category]`.
  public var partitionBy: [String]
  /// Split a batch into files of at most this many rows / about this many bytes.
  public var targetFileRows: Int
  public var targetFileBytes: Int
  /// Write a Delta checkpoint every N versions (Delta's default 10).
  public var checkpointInterval: Int
}
