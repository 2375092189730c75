/// How much one micro-batch may read.
public struct ReadLimit: Sendable, Hashable {
  /// At most this many records per batch (over all partitions); `nil` = unlimited.
  public var maxRecords: Int?
  /// At most about this many value bytes per batch; `nil` = unlimited. A batch always makes
  /// progress: a single record larger than the limit is still taken on its own.
  public var maxBytes: Int?

  public init(maxRecords: Int? = nil, maxBytes: Int? = nil) {
    self.maxRecords = maxRecords
    self.maxBytes = maxBytes
  }

  public static let unlimited = ReadLimit()
}

/// A replayable stream of records addressed by offsets (Spark's `Source` / `MicroBatchStream`).
///
/// Contract:
/// - `read(from:to:)` returns **the same records every time** for the same range, so a batch
///   recorded in the offsets log can be re-run after a crash with identical input. The range is
///   `start` (inclusive position) up to `end` (exclusive position).
/// - `latestOffset(after:limit:)` is called once per batch while planning; it returns `start`
///   itself when nothing is new.
/// - `commit(_:)` tells the source that everything before `end` is durably processed; the
///   source may forget it (and, e.g., report it to a consumer group). It is advisory.
/// - Sources never see transforms or sinks; errors are their module's coded error type.
public protocol Source: Sendable {
  /// Stable identity (`kind:details`, e.g. `log:pinterest.pin`), stored in the checkpoint; a
  /// checkpoint written for a different identity is refused.
  var identity: String { get }

  /// The offset batch 0 starts from (resolves `startingOffsets` such as earliest/latest).
  /// Called once, on the first start of a query; the result is stored in the checkpoint.
  func initialOffset() async throws -> SerializedOffset

  /// The end offset of the next batch starting at `start`, capped by `limit`.
  func latestOffset(after start: SerializedOffset, limit: ReadLimit) async throws -> SerializedOffset

  /// The records in `[start, end)`.
  func read(from start: SerializedOffset, to end: SerializedOffset) async throws -> RawRecords

  /// Everything before `end` is committed downstream.
  func commit(_ end: SerializedOffset) async throws

  /// Records available after `offset` (the lag), or `nil` when the source cannot tell.
  func lag(after offset: SerializedOffset) async throws -> Int64?
}

extension Source {
  public func commit(_ end: SerializedOffset) async throws {}
  public func lag(after offset: SerializedOffset) async throws -> Int64? { nil }
}
