import SluiceCore
import XCTest

extension RecordBatch {
  /// The same data with the columns in reverse order (built directly, not with `Select`).
  func reversedColumns() -> RecordBatch {
    RecordBatch(unchecked: Schema(schema.fields.reversed()), columns: columns.reversed())
  }

  /// The same data plus a column `name` of `type` holding `value` in every row.
  func adding(_ name: String, _ type: DataType, value: Value) throws -> RecordBatch {
    var column = Column(type: type)
    for _ in 0..<count { try column.append(value) }
    return RecordBatch(unchecked: Schema(schema.fields + [Field(name, type)]), columns: columns + [column])
  }

  /// The same data without column `name`.
  func removing(_ name: String) throws -> RecordBatch {
    let index = try XCTUnwrap(schema.index(of: name))
    var fields = schema.fields
    var columns = self.columns
    fields.remove(at: index)
    columns.remove(at: index)
    return RecordBatch(unchecked: Schema(fields), columns: columns)
  }

  /// Rebuilds the batch from its row values with column `name` retyped to `type`, each value
  /// mapped by `convert`.
  func retyping(_ name: String, to type: DataType, _ convert: (Value) -> Value) throws -> RecordBatch {
    let index = try XCTUnwrap(schema.index(of: name))
    var fields = schema.fields
    fields[index].type = type
    let rows = self.rows.map { row -> [Value] in
      var values = row.values
      values[index] = convert(values[index])
      return values
    }
    return try RecordBatch(schema: Schema(fields), rows: rows)
  }
}
