/// A read-only view of one row of a ``RecordBatch`` (tests and diagnostics; allocates).
public struct Row: Sendable, CustomStringConvertible {
  public let batch: RecordBatch
  public let index: Int

  public subscript(name: String) -> Value? {
    guard let c = batch.schema.index(of: name) else { return nil }
    return batch.columns[c].value(at: index)
  }

  public subscript(position: Int) -> Value { batch.columns[position].value(at: index) }

  public var values: [Value] { batch.columns.map { $0.value(at: index) } }

  /// `name → value` pairs in schema order.
  public var fields: [(name: String, value: Value)] {
    zip(batch.schema.names, values).map { ($0, $1) }
  }

  public var description: String {
    "{" + fields.map { "\($0.name): \($0.value)" }.joined(separator: ", ") + "}"
  }
}

extension RecordBatch {
  public func row(_ index: Int) -> Row { Row(batch: self, index: index) }
  public var rows: [Row] { (0..<count).map { Row(batch: self, index: $0) } }
}
