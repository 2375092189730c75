public import SluiceCore

/// The `remove` action: a tombstone for a data file that is no longer part of the table.
public struct RemoveAction: Sendable, Hashable {
  public var path: String
  /// Milliseconds since the epoch.
  public var deletionTimestamp: Int64?
  public var dataChange: Bool
  public var extendedFileMetadata: Bool?
  public var partitionValues: DeltaMap?
  public var size: Int64?

  public init(
    path: String, deletionTimestamp: Int64? = nil, dataChange: Bool = true,
    extendedFileMetadata: Bool? = nil, partitionValues: DeltaMap? = nil, size: Int64? = nil
  ) {
    self.path = path
    self.deletionTimestamp = deletionTimestamp
    self.dataChange = dataChange
    self.extendedFileMetadata = extendedFileMetadata
    self.partitionValues = partitionValues
    self.size = size
  }

  /// Fields in Spark's order (optional ones only when set).
  public var json: JSONValue {
    var members: [(String, JSONValue)] = [("path", .string(path))]
    if let deletionTimestamp { members.append(("deletionTimestamp", .int(deletionTimestamp))) }
    members.append(("dataChange", .bool(dataChange)))
    if let extendedFileMetadata { members.append(("extendedFileMetadata", .bool(extendedFileMetadata))) }
    if let partitionValues { members.append(("partitionValues", partitionValues.json)) }
    if let size { members.append(("size", .int(size))) }
    return .object(members)
  }

  static func decode(_ value: JSONValue) throws(ActionDecodingError) -> RemoveAction {
    let fields = try ActionFields(value, action: "remove")
    return RemoveAction(
      path: try fields.string("path"), deletionTimestamp: try fields.optionalInt("deletionTimestamp"),
      dataChange: try fields.optionalBool("dataChange") ?? true,
      extendedFileMetadata: try fields.optionalBool("extendedFileMetadata"),
      partitionValues: try fields.optionalMap("partitionValues"), size: try fields.optionalInt("size"))
  }
}
