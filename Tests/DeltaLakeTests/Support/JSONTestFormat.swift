import DeltaLake
import SluiceCore

/// A stand-in data file format for tests that need no Parquet: a JSON document
/// `{"fields":[[name,type],...],"rows":[[v,...],...]}`.
struct JSONTestFormat: DataFileFormat {
  var fileSuffix: String { "test.json" }

  func makeWriter(schema: Schema) throws -> any DataFileWriting {
    JSONTestFileWriter(schema: schema)
  }

  func read(_ bytes: [UInt8], columns: [String]?) throws -> RecordBatch {
    let document = try JSONValue.parse(String(decoding: bytes, as: UTF8.self))
    let fields = (document["fields"]?.arrayValue ?? []).map { pair -> Field in
      let items = pair.arrayValue!
      return Field(items[0].stringValue!, DataType(name: items[1].stringValue!)!)
    }
    let schema = Schema(fields)
    var batch = try RecordBatch(
      schema: schema,
      rows: (document["rows"]?.arrayValue ?? []).map { row in
        zip(row.arrayValue!, fields).map { Self.value($0, $1.type) }
      })
    if let columns {
      let kept = schema.fields.filter { columns.contains($0.name) }
      batch = RecordBatch(
        unchecked: Schema(kept), columns: kept.map { batch.column(named: $0.name)! })
    }
    return batch
  }

  static func json(_ value: Value) -> JSONValue {
    switch value {
    case .null: .null
    case .string(let s): .string(s)
    case .int32(let v): .int(Int64(v))
    case .int64(let v), .timestamp(let v): .int(v)
    case .date(let v): .int(Int64(v))
    case .double(let v): .double(v)
    case .boolean(let v): .bool(v)
    case .list(let items): .array(items.map(json))
    }
  }

  static func value(_ json: JSONValue, _ type: DataType) -> Value {
    if case .null = json { return .null }
    switch type {
    case .string: return .string(json.stringValue!)
    case .int32: return .int32(Int32(json.intValue!))
    case .int64: return .int64(json.intValue!)
    case .timestamp: return .timestamp(json.intValue!)
    case .date: return .date(Int32(json.intValue!))
    case .double: return .double(json.doubleValue!)
    case .boolean: return .boolean(json.boolValue!)
    case .list(let element): return .list(json.arrayValue!.map { value($0, element) })
    }
  }
}

final class JSONTestFileWriter: DataFileWriting {
  let schema: Schema
  var batches: [RecordBatch] = []

  init(schema: Schema) {
    self.schema = schema
  }

  func write(_ batch: RecordBatch) throws {
    batches.append(batch)
  }

  var estimatedBytes: Int { batches.reduce(0) { $0 + $1.count * 16 } }

  func finish() throws -> EncodedDataFile {
    var all = RecordBatch.empty(schema)
    for batch in batches { try all.append(contentsOf: batch) }
    let document = JSONValue.object([
      ("fields", .array(schema.fields.map { .array([.string($0.name), .string($0.type.description)]) })),
      ("rows", .array(all.rows.map { row in .array(row.values.map(JSONTestFormat.json)) })),
    ])
    return EncodedDataFile(
      bytes: Array(document.compact.utf8), numRecords: Int64(all.count), columns: ColumnSummary.summarize(all)
    )
  }
}
