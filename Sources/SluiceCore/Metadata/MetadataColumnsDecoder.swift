/// A ``RecordDecoder`` that decodes values with `inner` and then appends one column per
/// requested ``SourceMetadataField`` (taken from the ``RawRecords`` each row came from).
///
/// The schema is `inner.schema` followed by the metadata columns, in the order given. Rejected
/// records are `inner`'s; metadata never rejects a record.
public struct MetadataColumnsDecoder: RecordDecoder {
  public let inner: any RecordDecoder
  public let fields: [SourceMetadataField]
  public let schema: Schema

  /// Fails when a metadata column's name is already a field of `inner.schema`.
  public init(inner: any RecordDecoder, fields: [SourceMetadataField]) throws(CoreError) {
    var all = inner.schema.fields
    for field in fields {
      if inner.schema.index(of: field.columnName) != nil
        || all.contains(where: { $0.name == field.columnName })
      {
        throw CoreError(
          .schemaMismatch,
          "metadata column '\(field.columnName)' clashes with a field of the same name; "
            + "rename the value field with a transform or drop the metadata entry")
      }
      all.append(Field(field.columnName, field.dataType, nullable: true))
    }
    self.inner = inner
    self.fields = fields
    self.schema = Schema(all)
  }

  public func decode(_ records: RawRecords) -> DecodedRecords {
    var decoded = inner.decode(records)
    guard !fields.isEmpty else { return decoded }
    var columns = decoded.batch.columns
    for field in fields {
      columns.append(Self.column(field, records: records, rows: decoded.sourceIndices))
    }
    decoded.batch = RecordBatch(unchecked: schema, columns: columns)
    return decoded
  }

  static func column(_ field: SourceMetadataField, records: RawRecords, rows: [Int]) -> Column {
    var column = Column(type: field.dataType, capacity: rows.count)
    for i in rows {
      switch field {
      case .key, .partitionKey:
        if let key = records.key(i) { column.append(utf8: key) } else { column.appendNull() }
      case .topic, .stream:
        column.append(string: records.topic(i))
      case .partition:
        column.append(int32: records.partitions[i])
      case .offset:
        column.append(int64: records.offsets[i])
      case .timestamp, .approximateArrivalTimestamp:
        column.append(int64: records.timestamps[i] &* 1000)
      case .shardId:
        column.append(string: RawRecords.shardID(records.partitions[i]))
      case .sequenceNumber:
        column.append(
          string: i < records.sequenceNumbers.count ? records.sequenceNumbers[i] : String(records.offsets[i]))
      case .headers:
        column.append(string: headersJSON(records.headers(i)))
      }
    }
    return column
  }

  /// `{"k":"v",...}` with JSON string escaping; null values stay null; invalid UTF-8 is replaced.
  static func headersJSON(_ headers: [RecordHeader]) -> String {
    var out = "{"
    for (n, header) in headers.enumerated() {
      if n > 0 { out += "," }
      out += JSONValue.string(header.key).canonical + ":"
      if let value = header.value {
        out += JSONValue.string(String(decoding: value, as: UTF8.self)).canonical
      } else {
        out += "null"
      }
    }
    return out + "}"
  }
}
