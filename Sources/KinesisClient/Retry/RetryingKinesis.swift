public import Logging
import Synchronization

/// Wraps a ``KinesisAPI`` and retries failed calls with ``RetryPolicy`` (exponential backoff with
/// jitter).
///
/// Retried: throttling (`ProvisionedThroughputExceededException`, `LimitExceededException`) for
/// every operation, since the service did nothing; service failures (5xx) and broken connections
/// only for reads, since a repeated put could store a record twice. Every other error, and the last
/// one after `maxAttempts`, is thrown with the number of attempts added.
public final class RetryingKinesis: KinesisAPI {
  public let base: any KinesisAPI
  public let policy: RetryPolicy
  let clock: any KinesisClock
  let logger: Logger
  private let random: Mutex<SplitMix64>
  private let retryCount = Atomic<Int>(0)

  public init(
    _ base: any KinesisAPI, policy: RetryPolicy = .standard, clock: any KinesisClock = SystemKinesisClock(),
    seed: UInt64? = nil, logger: Logger = Logger(label: "sluice.kinesis")
  ) {
    self.base = base
    self.policy = policy
    self.clock = clock
    self.logger = logger
    self.random = Mutex(SplitMix64(seed: seed ?? UInt64.random(in: 0...UInt64.max)))
  }

  /// Retries done so far (for tests and progress).
  public var retries: Int { retryCount.load(ordering: .relaxed) }

  public func listShards(_ stream: StreamAddress, nextToken: String?) async throws -> ListShardsPage {
    try await retrying("ListShards", idempotent: true) {
      try await base.listShards(stream, nextToken: nextToken)
    }
  }

  public func describeStreamSummary(_ stream: StreamAddress) async throws -> StreamSummary {
    try await retrying("DescribeStreamSummary", idempotent: true) {
      try await base.describeStreamSummary(stream)
    }
  }

  public func getShardIterator(_ stream: StreamAddress, shardID: String, position: ShardIteratorPosition)
    async throws -> String
  {
    try await retrying("GetShardIterator", idempotent: true) {
      try await base.getShardIterator(stream, shardID: shardID, position: position)
    }
  }

  public func getRecords(_ stream: StreamAddress, iterator: String, limit: Int) async throws
    -> GetRecordsResult
  {
    try await retrying("GetRecords", idempotent: true) {
      try await base.getRecords(stream, iterator: iterator, limit: limit)
    }
  }

  public func createStream(name: String, shardCount: Int) async throws {
    try await retrying("CreateStream", idempotent: false) {
      try await base.createStream(name: name, shardCount: shardCount)
    }
  }

  public func deleteStream(_ stream: StreamAddress) async throws {
    try await retrying("DeleteStream", idempotent: false) { try await base.deleteStream(stream) }
  }

  public func putRecord(_ stream: StreamAddress, entry: PutRecordsEntry) async throws -> PutRecordResult {
    try await retrying("PutRecord", idempotent: false) { try await base.putRecord(stream, entry: entry) }
  }

  public func putRecords(_ stream: StreamAddress, entries: [PutRecordsEntry]) async throws
    -> [PutRecordResult]
  {
    try await retrying("PutRecords", idempotent: false) {
      try await base.putRecords(stream, entries: entries)
    }
  }

  private func retrying<T: Sendable>(_ operation: String, idempotent: Bool, _ body: () async throws -> T)
    async throws -> T
  {
    var attempt = 0
    while true {
      do {
        return try await body()
      } catch let error as KinesisError {
        let throttled = error.code == .throughputExceeded || error.code == .limitExceeded
        let retryable =
          throttled || (idempotent && (error.code == .serviceUnavailable || error.code == .transport))
        guard retryable else { throw error }
        attempt += 1
        guard attempt < policy.maxAttempts else {
          throw KinesisError(
            error.code, "\(error.message) (gave up after \(attempt) attempts)", awsType: error.awsType,
            httpStatus: error.httpStatus)
        }
        let delay = policy.delay(afterAttempt: attempt - 1, random: random.withLock { $0.nextUnit() })
        retryCount.add(1, ordering: .relaxed)
        logger.debug(
          "Kinesis \(operation): \(error.awsType ?? error.code.description); retry \(attempt) in \(delay) ms")
        try await clock.sleep(milliseconds: delay)
      }
    }
  }
}

/// A small deterministic random generator (for jitter that tests can repeat).
struct SplitMix64: Sendable {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Uniform in `[0, 1)`.
  mutating func nextUnit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
