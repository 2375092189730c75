public import SluiceCore

/// `DESCRIBE DETAIL` of a table at one version.
public struct TableDetail: Sendable {
  /// Always `delta`.
  public var format: String
  public var id: String
  public var name: String?
  public var description: String?
  public var location: String
  /// `metaData.createdTime` (ms).
  public var createdAt: Int64?
  /// Commit timestamp (ms) of ``version``.
  public var lastModified: Int64?
  public var partitionColumns: [String]
  public var numFiles: Int
  public var sizeInBytes: Int64
  /// Sum of the files' `numRecords` statistics; `nil` when a file has none.
  public var numRecords: Int64?
  public var properties: DeltaMap
  public var minReaderVersion: Int32
  public var minWriterVersion: Int32
  public var readerFeatures: [String]?
  public var writerFeatures: [String]?
  public var version: Int64
  public var schema: Schema

  public init(snapshot: Snapshot, location: String) {
    format = "delta"
    id = snapshot.metadata.id
    name = snapshot.metadata.name
    description = snapshot.metadata.description
    self.location = location
    createdAt = snapshot.metadata.createdTime
    lastModified = snapshot.commitTimestamp
    partitionColumns = snapshot.partitionColumns
    numFiles = snapshot.numFiles
    sizeInBytes = snapshot.sizeInBytes
    numRecords = snapshot.numRecords
    properties = snapshot.metadata.configuration
    minReaderVersion = snapshot.protocolAction.minReaderVersion
    minWriterVersion = snapshot.protocolAction.minWriterVersion
    readerFeatures = snapshot.protocolAction.readerFeatures
    writerFeatures = snapshot.protocolAction.writerFeatures
    version = snapshot.version
    schema = snapshot.schema
  }

  /// Field names as Spark's `DESCRIBE DETAIL` (plus `version`, `numRecords` and `schema`).
  public var json: JSONValue {
    func optional(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
    func optional(_ value: Int64?) -> JSONValue { value.map { .int($0) } ?? .null }
    return .object([
      ("format", .string(format)), ("id", .string(id)), ("name", optional(name)),
      ("description", optional(description)), ("location", .string(location)),
      ("createdAt", optional(createdAt)), ("lastModified", optional(lastModified)),
      ("partitionColumns", .array(partitionColumns.map { .string($0) })), ("numFiles", .int(Int64(numFiles))),
      ("sizeInBytes", .int(sizeInBytes)), ("numRecords", optional(numRecords)),
      ("properties", properties.json),
      ("minReaderVersion", .int(Int64(minReaderVersion))),
      ("minWriterVersion", .int(Int64(minWriterVersion))),
      ("readerFeatures", readerFeatures.map { .array($0.map { .string($0) }) } ?? .null),
      ("writerFeatures", writerFeatures.map { .array($0.map { .string($0) }) } ?? .null),
      ("version", .int(version)), ("schema", DeltaSchema.json(schema)),
    ])
  }
}
