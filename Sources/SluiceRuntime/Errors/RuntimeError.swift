/// Errors raised by the micro-batch runtime.
///
/// Messages say which batch failed, where (source position, step) and what to do. Whenever a
/// batch fails it is **not** committed, so nothing is lost: the next run processes it again
/// with exactly the same range. Errors of the checkpoint (`CheckpointError`) pass through
/// unchanged; errors of sources, decoders, transforms and sinks are wrapped here with the
/// batch context and kept as ``underlying``.
public struct RuntimeError: Error, Sendable, CustomStringConvertible {
  public struct Code: Sendable, Hashable, CustomStringConvertible {
    let name: String
    public var description: String { name }

    /// A trigger text that cannot be parsed.
    public static let invalidTrigger = Code(name: "invalidTrigger")
    /// A query option or test-hook setting that is out of range.
    public static let invalidOption = Code(name: "invalidOption")
    /// The transforms do not fit the decoder's schema.
    public static let invalidPipeline = Code(name: "invalidPipeline")
    /// The sink refused the pipeline's output schema.
    public static let sinkRejectedSchema = Code(name: "sinkRejectedSchema")
    /// Records could not be decoded (or were rejected) and `onError` is `fail`.
    public static let badRecords = Code(name: "badRecords")
    /// The source failed while planning, reading or reporting.
    public static let sourceFailed = Code(name: "sourceFailed")
    /// A transform failed on a batch.
    public static let transformFailed = Code(name: "transformFailed")
    /// The sink failed to write a batch.
    public static let sinkFailed = Code(name: "sinkFailed")
    /// The checkpoint holds something the runtime cannot use for this query.
    public static let checkpointMismatch = Code(name: "checkpointMismatch")
    /// The loop reached a state it should never reach (a bug in Sluice; please report it).
    public static let internalInconsistency = Code(name: "internalInconsistency")
  }

  public let code: Code
  public let message: String
  /// The collaborator's original error, when this wraps one.
  public let underlying: (any Error)?

  public init(_ code: Code, _ message: String, underlying: (any Error)? = nil) {
    self.code = code
    self.message = message
    self.underlying = underlying
  }

  public var description: String { message }
}
