public import SluiceCore

/// Removes rows that repeat an earlier row of the **same batch**, comparing ``columns`` (or all
/// columns when `nil`, like Spark's `dropDuplicates()`); the first occurrence is kept and row
/// order is preserved. Nulls equal nulls.
///
/// Stateless: duplicates spread over different micro-batches are not removed (that needs state
/// across batches, which a ``Transform`` must not have). Unknown key columns throw
/// ``TransformError/Code/missingColumn``.
public struct DropDuplicates: Transform, Hashable {
  public let columns: [String]?

  public init(columns: [String]? = nil) {
    self.columns = columns
  }

  public var name: String { "drop-duplicates" }

  public func outputSchema(for input: Schema) throws -> Schema {
    _ = try keyIndices(in: input)
    return input
  }

  public func apply(_ batch: RecordBatch) throws -> RecordBatch {
    let key = RowKey(columns: try keyIndices(in: batch.schema).map { batch.columns[$0] })
    let n = batch.count
    var keep = [Bool](repeating: true, count: n)
    // hash → first kept row with that hash; further kept rows with the same hash are chained.
    var firstWithHash: [Int: Int] = [:]
    firstWithHash.reserveCapacity(n)
    var nextWithSameHash = [Int](repeating: -1, count: n)
    var duplicates = 0
    for row in 0..<n {
      let hash = key.hash(row)
      guard var candidate = firstWithHash[hash] else {
        firstWithHash[hash] = row
        continue
      }
      while true {
        if key.equal(candidate, row) {
          keep[row] = false
          duplicates += 1
          break
        }
        let next = nextWithSameHash[candidate]
        if next < 0 {
          nextWithSameHash[candidate] = row
          break
        }
        candidate = next
      }
    }
    return duplicates == 0 ? batch : batch.filter(keep)
  }

  func keyIndices(in input: Schema) throws(TransformError) -> [Int] {
    guard let columns else { return Array(0..<input.count) }
    guard !columns.isEmpty else {
      throw .invalidArgument(
        name, column: nil,
        "the key column list is empty; omit it to compare whole rows or name the key columns.")
    }
    return try columns.map { (column) throws(TransformError) in
      try input.requireIndex(of: column, transform: name)
    }
  }
}
