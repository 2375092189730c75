public import SluiceCore

/// The `metaData` action: table id, schema, partition columns and properties.
///
/// The latest `metaData` in the log is the table's current metadata. ``schemaString`` is the
/// Spark StructType JSON serialized into a string (see ``DeltaSchema``).
public struct MetadataAction: Sendable, Hashable {
  /// A random UUID, stable for the life of the table.
  public var id: String
  public var name: String?
  public var description: String?
  /// Always `parquet`.
  public var formatProvider: String
  public var formatOptions: DeltaMap
  public var schemaString: String
  public var partitionColumns: [String]
  /// Table properties such as `delta.checkpointInterval`.
  public var configuration: DeltaMap
  /// Milliseconds since the epoch.
  public var createdTime: Int64?

  public init(
    id: String, name: String? = nil, description: String? = nil, formatProvider: String = "parquet",
    formatOptions: DeltaMap = [:], schemaString: String, partitionColumns: [String] = [],
    configuration: DeltaMap = [:], createdTime: Int64? = nil
  ) {
    self.id = id
    self.name = name
    self.description = description
    self.formatProvider = formatProvider
    self.formatOptions = formatOptions
    self.schemaString = schemaString
    self.partitionColumns = partitionColumns
    self.configuration = configuration
    self.createdTime = createdTime
  }

  /// The table schema decoded from ``schemaString``.
  public func schema() throws(DeltaError) -> Schema {
    try DeltaSchema.decode(schemaString)
  }

  /// `delta.checkpointInterval` (default 10).
  public var checkpointInterval: Int64 {
    guard let text = configuration["delta.checkpointInterval"] ?? nil, let value = Int64(text), value > 0
    else { return 10 }
    return value
  }

  /// Whether `delta.appendOnly` is `true`.
  public var isAppendOnly: Bool {
    (configuration["delta.appendOnly"] ?? nil)?.lowercased() == "true"
  }

  /// Fields in Spark's order (name and description only when set).
  public var json: JSONValue {
    var members: [(String, JSONValue)] = [("id", .string(id))]
    if let name { members.append(("name", .string(name))) }
    if let description { members.append(("description", .string(description))) }
    members.append(
      ("format", .object([("provider", .string(formatProvider)), ("options", formatOptions.json)])))
    members.append(("schemaString", .string(schemaString)))
    members.append(("partitionColumns", .array(partitionColumns.map { .string($0) })))
    members.append(("configuration", configuration.json))
    if let createdTime { members.append(("createdTime", .int(createdTime))) }
    return .object(members)
  }

  static func decode(_ value: JSONValue) throws(ActionDecodingError) -> MetadataAction {
    let fields = try ActionFields(value, action: "metaData")
    var provider = "parquet"
    var options = DeltaMap()
    if let format = fields.value("format") {
      let formatFields = try ActionFields(format, action: "metaData.format")
      provider = try formatFields.optionalString("provider") ?? "parquet"
      options = try formatFields.optionalMap("options") ?? DeltaMap()
    }
    return MetadataAction(
      id: try fields.string("id"), name: try fields.optionalString("name"),
      description: try fields.optionalString("description"), formatProvider: provider,
      formatOptions: options, schemaString: try fields.string("schemaString"),
      partitionColumns: try fields.optionalStrings("partitionColumns") ?? [],
      configuration: try fields.optionalMap("configuration") ?? DeltaMap(),
      createdTime: try fields.optionalInt("createdTime"))
  }
}
