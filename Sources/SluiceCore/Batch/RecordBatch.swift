/// A columnar batch of records: a ``Schema`` plus one ``Column`` per field, all of equal length.
public struct RecordBatch: Sendable {
  public let schema: Schema
  public var columns: [Column]

  /// Creates a batch; every column must match its field's type and have the same length.
  public init(schema: Schema, columns: [Column]) throws(CoreError) {
    guard schema.count == columns.count else {
      throw CoreError.schemaMismatch(
        "batch has \(columns.count) columns but the schema has \(schema.count) fields")
    }
    let length = columns.first?.count ?? 0
    for (field, column) in zip(schema.fields, columns) {
      guard field.type == column.type else {
        throw CoreError.schemaMismatch(
          "column '\(field.name)' holds \(column.type) but the schema says \(field.type)")
      }
      guard column.count == length else {
        throw CoreError.schemaMismatch(
          "column '\(field.name)' has \(column.count) rows, expected \(length)")
      }
    }
    self.schema = schema
    self.columns = columns
  }

  /// An empty batch of `schema`.
  public static func empty(_ schema: Schema) -> RecordBatch {
    RecordBatch(unchecked: schema, columns: schema.fields.map { Column(type: $0.type) })
  }

  /// Skips validation; callers guarantee the invariants.
  public init(unchecked schema: Schema, columns: [Column]) {
    self.schema = schema
    self.columns = columns
  }

  public var count: Int { columns.first?.count ?? 0 }
  public var isEmpty: Bool { count == 0 }

  public func column(named name: String) -> Column? {
    schema.index(of: name).map { columns[$0] }
  }

  /// Keeps the rows where `keep` is true.
  public func filter(_ keep: [Bool]) -> RecordBatch {
    RecordBatch(unchecked: schema, columns: columns.map { $0.filter(keep) })
  }

  /// Rows at `indices`, in that order.
  public func gather(_ indices: [Int]) -> RecordBatch {
    RecordBatch(unchecked: schema, columns: columns.map { $0.gather(indices) })
  }

  /// Appends all rows of `other` (same schema).
  public mutating func append(contentsOf other: RecordBatch) throws(CoreError) {
    guard other.schema == schema else {
      throw CoreError.schemaMismatch("cannot append batch of \(other.schema) to \(schema)")
    }
    for c in columns.indices {
      columns[c].reserve(other.count)
      for row in 0..<other.count { columns[c].append(from: other.columns[c], at: row) }
    }
  }

  /// Builds a batch from row values (tests, configs). Throws on a type mismatch.
  public init(schema: Schema, rows: [[Value]]) throws(CoreError) {
    var columns = schema.fields.map { Column(type: $0.type, capacity: rows.count) }
    for (r, row) in rows.enumerated() {
      guard row.count == schema.count else {
        throw CoreError.schemaMismatch("row \(r) has \(row.count) values, schema has \(schema.count)")
      }
      for c in 0..<schema.count { try columns[c].append(row[c]) }
    }
    self.init(unchecked: schema, columns: columns)
  }
}
