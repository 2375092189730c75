/// A stateless, pure batch-to-batch function (rename, cast, filter, a cleaner, …).
///
/// Contract: `apply` depends only on its input (no clocks, no I/O, no state between batches),
/// so a batch re-run after a crash yields the same rows; `outputSchema(for:)` is checked once
/// when a job starts, so a misconfigured pipeline fails before reading anything.
public protocol Transform: Sendable {
  /// A short name for progress and error messages, e.g. `clean:pin` or `rename`.
  var name: String { get }
  /// The schema `apply` produces for `input`; throws when `input` lacks what it needs.
  func outputSchema(for input: Schema) throws -> Schema
  func apply(_ batch: RecordBatch) throws -> RecordBatch
}

extension Array where Element == any Transform {
  /// The output schema of applying the transforms in order.
  public func outputSchema(for input: Schema) throws -> Schema {
    try reduce(input) { try $1.outputSchema(for: $0) }
  }

  public func apply(_ batch: RecordBatch) throws -> RecordBatch {
    try reduce(batch) { try $1.apply($0) }
  }
}
