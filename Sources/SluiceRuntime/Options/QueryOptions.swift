public import SluiceCore

/// What to do with records that cannot be decoded (or that a step rejects).
public enum OnErrorPolicy: String, Sendable, Hashable, CaseIterable {
  /// Fail the batch with a message naming every bad record's position and reason. The batch is
  /// not committed, so after the producer (or the job) is fixed the next run processes it again.
  case fail
  /// Count the bad records in the progress (`numRejectedRows`), log them, and continue.
  case skip
  /// Write each bad record (raw bytes, source position, error, step) to the dead-letter table
  /// in the same micro-batch, exactly once, and continue (`numDeadLetterRows`).
  case deadLetter

  /// Parses `fail` / `skip` / `deadLetter` (case-insensitive).
  public init(parsing text: String) throws(RuntimeError) {
    let key = text.trimmingSpaces().lowercased()
    guard let policy = Self.allCases.first(where: { $0.rawValue.lowercased() == key }) else {
      throw RuntimeError(.invalidOption, "onError '\(text)' is not valid; use fail, skip or deadLetter")
    }
    self = policy
  }
}

/// The settings of one streaming query.
public struct QueryOptions: Sendable {
  /// The job's name (progress, logs, checkpoint metadata).
  public var name: String
  public var trigger: Trigger
  /// How much one batch may read (default: at most 100 000 records).
  public var readLimit: ReadLimit
  public var onError: OnErrorPolicy
  /// Progress records kept in the checkpoint folder (`progress/<batchId>.json`).
  public var progressRetention: Int
  /// Offsets / commits entries kept (Spark's `minBatchesToRetain`; at least 2 are always kept).
  public var minBatchesToRetain: Int

  public static let defaultMaxRecordsPerBatch = 100_000

  public init(
    name: String, trigger: Trigger = .default,
    readLimit: ReadLimit = ReadLimit(maxRecords: QueryOptions.defaultMaxRecordsPerBatch),
    onError: OnErrorPolicy = .fail, progressRetention: Int = 100, minBatchesToRetain: Int = 100
  ) {
    self.name = name
    self.trigger = trigger
    self.readLimit = readLimit
    self.onError = onError
    self.progressRetention = progressRetention
    self.minBatchesToRetain = minBatchesToRetain
  }

  /// Checks the ranges; called by the runner before anything runs.
  public func validate() throws(RuntimeError) {
    if let max = readLimit.maxRecords, max < 1 {
      throw RuntimeError(.invalidOption, "maxRecordsPerBatch must be at least 1 (got \(max))")
    }
    if let max = readLimit.maxBytes, max < 1 {
      throw RuntimeError(.invalidOption, "maxBytesPerBatch must be at least 1 (got \(max))")
    }
    if progressRetention < 0 {
      throw RuntimeError(.invalidOption, "progressRetention must be 0 or more (got \(progressRetention))")
    }
    if case .processingTime(let interval) = trigger, interval < .zero {
      throw RuntimeError(.invalidOption, "the processingTime interval must not be negative")
    }
  }
}
