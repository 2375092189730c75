import SluiceCore

/// Reads the rows of one snapshot: prunes files by partition values and statistics, decodes
/// the rest with the table's ``DataFileFormat``, fills partition columns, filters, limits.
struct TableScan {
  let table: DeltaTable
  let snapshot: Snapshot

  func rows(where conditions: [(column: String, value: String)], limit: Int?) throws -> RecordBatch {
    let schema = snapshot.schema
    let partitionColumns = snapshot.partitionColumns
    let filters = try conditions.map {
      try ScanFilter(column: $0.column, text: $0.value, schema: schema, partitionColumns: partitionColumns)
    }
    let dataColumns = schema.names.filter { !partitionColumns.contains($0) }
    var result = RecordBatch.empty(schema)
    if let limit, limit <= 0 { return result }
    for file in snapshot.files {
      if try filters.contains(where: { try !$0.mayMatch(file) }) { continue }
      var rows = try read(file, dataColumns: dataColumns)
      if !filters.isEmpty { rows = rows.filter(Self.matches(rows, filters)) }
      if let limit, result.count + rows.count > limit {
        rows = rows.gather(Array(0..<(limit - result.count)))
      }
      try result.append(contentsOf: rows)
      if let limit, result.count >= limit { break }
    }
    return result
  }

  /// The file's rows in table-schema order.
  func read(_ file: AddAction, dataColumns: [String]) throws -> RecordBatch {
    let path = file.decodedPath
    let location = "\(table.location)/\(path)"
    if file.hasDeletionVector {
      throw DeltaError(
        .unsupportedFeature,
        "data file \(location) has a deletion vector, which Sluice does not apply yet; read the table with delta-rs"
      )
    }
    guard let bytes = try table.dataStore.read(relativePath: path) else {
      throw DeltaError(
        .missingDataFile,
        "data file \(location) is listed in version \(snapshot.version) of the table but does not exist (removed "
          + "by hand or by VACUUM?); restore it from a backup or read another version")
    }
    let decoded: RecordBatch
    do {
      decoded = try table.format.read(bytes, columns: dataColumns)
    } catch let error as DeltaError {
      throw error
    } catch {
      throw DeltaError(.corruptDataFile, "data file \(location) cannot be read: \(error)")
    }
    let count = decoded.count
    var columns: [Column] = []
    for field in snapshot.schema.fields {
      if snapshot.partitionColumns.contains(field.name) {
        let value = try PartitionValueText.parse(
          file.partitionValues[field.name] ?? nil, as: field.type, column: field.name)
        var column = Column(type: field.type, capacity: count)
        for _ in 0..<count { try column.append(value) }
        columns.append(column)
      } else if let found = decoded.column(named: field.name) {
        columns.append(try Self.conform(found, to: field, file: location))
      } else {
        columns.append(Column.nulls(field.type, count: count))
      }
    }
    return RecordBatch(unchecked: snapshot.schema, columns: columns)
  }

  /// `column` as `field.type` (widening integers and integer → double where the file's physical
  /// type is narrower than the table's).
  static func conform(_ column: Column, to field: Field, file: String) throws -> Column {
    if column.type == field.type { return column }
    var converted = Column(type: field.type, capacity: column.count)
    for row in 0..<column.count {
      do {
        try converted.append(column.value(at: row))
      } catch {
        throw DeltaError(
          .schemaMismatch,
          "column '\(field.name)' of data file \(file) holds \(column.type), but the table says \(field.type)"
        )
      }
    }
    return converted
  }

  static func matches(_ batch: RecordBatch, _ filters: [ScanFilter]) -> [Bool] {
    (0..<batch.count).map { row in
      filters.allSatisfy { batch.columns[$0.index].value(at: row) == $0.value }
    }
  }
}
