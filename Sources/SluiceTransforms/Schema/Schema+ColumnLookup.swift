import SluiceCore

extension Schema {
  /// The index of `name`, or a ``TransformError/Code/missingColumn`` error listing what exists.
  func requireIndex(of name: String, transform: String) throws(TransformError) -> Int {
    guard let index = index(of: name) else {
      throw TransformError.missingColumn(name, transform: transform, available: names)
    }
    return index
  }

  /// The index of `name`, additionally checking that its type is accepted by `isAccepted`.
  func requireIndex(
    of name: String, transform: String, expected: String, where isAccepted: (DataType) -> Bool
  ) throws(TransformError) -> Int {
    let index = try requireIndex(of: name, transform: transform)
    let type = fields[index].type
    guard isAccepted(type) else {
      throw TransformError.wrongType(name, transform: transform, actual: type, expected: expected)
    }
    return index
  }

  /// Spark's `withColumn`: a field named like `field` is replaced in place, otherwise `field` is
  /// appended. Returns the new schema and the position of `field` in it.
  func placing(_ field: Field) -> (schema: Schema, index: Int) {
    var fields = self.fields
    if let existing = index(of: field.name) {
      fields[existing] = field
      return (Schema(fields), existing)
    }
    fields.append(field)
    return (Schema(fields), fields.count - 1)
  }

  /// A copy with the field at `index` replaced.
  func replacing(at index: Int, with field: Field) -> Schema {
    var fields = self.fields
    fields[index] = field
    return Schema(fields)
  }
}

extension RecordBatch {
  /// Spark's `withColumn` on a batch: see ``Schema/placing(_:)``. `column` must match `field`.
  func placing(_ field: Field, column: Column) -> RecordBatch {
    let (schema, index) = self.schema.placing(field)
    var columns = self.columns
    if index < columns.count {
      columns[index] = column
    } else {
      columns.append(column)
    }
    return RecordBatch(unchecked: schema, columns: columns)
  }
}
