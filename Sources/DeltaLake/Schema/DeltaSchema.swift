public import SluiceCore

/// Conversion between Sluice's ``Schema`` and Delta's `schemaString` (Spark StructType JSON).
///
/// Writing: `string`, `integer` (int32), `long` (int64), `double`, `boolean`, `timestamp`
/// (µs UTC), `date`, and `{"type":"array","elementType":T,"containsNull":false}` for `list<T>`
/// (list elements are never null in Sluice). Every field carries `"metadata":{}`.
///
/// Reading also accepts `short` and `byte` (widened to int32: Parquet stores them as INT32) and
/// arrays with `containsNull: true`. Other Delta types (`float`, `binary`, `decimal`, `struct`,
/// `map`, `timestamp_ntz`, `void`) are refused with ``DeltaError/Code/unsupportedFeature``
/// naming the column.
public enum DeltaSchema {
  /// The `schemaString` for `schema`.
  public static func encode(_ schema: Schema) -> String {
    json(schema).compact
  }

  /// The StructType JSON value for `schema`.
  public static func json(_ schema: Schema) -> JSONValue {
    .object([
      ("type", .string("struct")),
      (
        "fields",
        .array(
          schema.fields.map { field in
            .object([
              ("name", .string(field.name)), ("type", typeJSON(field.type)),
              ("nullable", .bool(field.nullable)),
              ("metadata", .object([])),
            ])
          })
      ),
    ])
  }

  /// The Delta type name (or nested object) for `type`.
  public static func typeJSON(_ type: DataType) -> JSONValue {
    switch type {
    case .string: .string("string")
    case .int32: .string("integer")
    case .int64: .string("long")
    case .double: .string("double")
    case .boolean: .string("boolean")
    case .timestamp: .string("timestamp")
    case .date: .string("date")
    case .list(let element):
      .object([
        ("type", .string("array")), ("elementType", typeJSON(element)), ("containsNull", .bool(false)),
      ])
    }
  }

  /// Parses a `schemaString`.
  public static func decode(_ schemaString: String) throws(DeltaError) -> Schema {
    let value: JSONValue
    do {
      value = try JSONValue.parse(schemaString)
    } catch {
      throw DeltaError(.corruptCommit, "the table's schemaString is not valid JSON: \(error.message)")
    }
    guard value["type"]?.stringValue == "struct", let fields = value["fields"]?.arrayValue else {
      throw DeltaError(
        .corruptCommit, "the table's schemaString is not a struct type: \(schemaString.prefix(200))")
    }
    var result: [Field] = []
    var seen = Set<String>()
    for field in fields {
      guard let name = field["name"]?.stringValue, let type = field["type"] else {
        throw DeltaError(.corruptCommit, "a field of the table's schemaString has no name or type")
      }
      guard seen.insert(name.lowercased()).inserted else {
        throw DeltaError(.corruptCommit, "the table's schema has column '\(name)' twice")
      }
      result.append(
        Field(name, try dataType(type, column: name), nullable: field["nullable"]?.boolValue ?? true))
    }
    return Schema(result)
  }

  static func dataType(_ json: JSONValue, column: String) throws(DeltaError) -> DataType {
    if let name = json.stringValue {
      switch name {
      case "string": return .string
      case "integer", "short", "byte": return .int32
      case "long": return .int64
      case "double": return .double
      case "boolean": return .boolean
      case "timestamp": return .timestamp
      case "date": return .date
      default: throw unsupported(column, name)
      }
    }
    if json["type"]?.stringValue == "array", let element = json["elementType"] {
      let elementType = try dataType(element, column: column)
      if elementType.isList { throw unsupported(column, "array of arrays") }
      return .list(elementType)
    }
    throw unsupported(column, json["type"]?.stringValue ?? json.compact)
  }

  static func unsupported(_ column: String, _ type: String) -> DeltaError {
    DeltaError(
      .unsupportedFeature,
      "column '\(column)' has Delta type '\(type)', which Sluice does not read yet (supported: string, "
        + "integer, short, byte, long, double, boolean, date, timestamp, array of those)")
  }
}
