/// A record the decoder (or a later step) could not use, with where it came from and why.
public struct RejectedRecord: Sendable, Hashable, CustomStringConvertible {
  /// Index of the record in the ``RawRecords`` it came from.
  public var index: Int
  /// Human form of the source position, e.g. `topic pinterest.pin partition 0 offset 17`.
  public var position: String
  /// What was wrong, e.g. `field 'index': expected int64, found "abc"`.
  public var reason: String
  /// The step that rejected it: `decode` or a transform name.
  public var step: String

  public init(index: Int, position: String, reason: String, step: String = "decode") {
    self.index = index
    self.position = position
    self.reason = reason
    self.step = step
  }

  public var description: String { "\(position): \(reason) (step \(step))" }
}

/// The result of decoding: the good records as a batch (in input order) and the rejected ones.
public struct DecodedRecords: Sendable {
  public var batch: RecordBatch
  public var rejected: [RejectedRecord]
  /// For each row of `batch`, the index of the raw record it came from.
  public var sourceIndices: [Int]

  public init(batch: RecordBatch, rejected: [RejectedRecord], sourceIndices: [Int]) {
    self.batch = batch
    self.rejected = rejected
    self.sourceIndices = sourceIndices
  }
}

/// Turns raw record values into a typed ``RecordBatch`` of ``schema``.
///
/// Contract: pure and deterministic; a record that cannot be decoded is reported in
/// ``DecodedRecords/rejected`` (never silently dropped, never thrown for one bad record).
public protocol RecordDecoder: Sendable {
  var schema: Schema { get }
  func decode(_ records: RawRecords) -> DecodedRecords
}
