import Parquet
import SluiceCore

/// The classic Delta checkpoint schema Sluice writes (required / optional as delta-rs writes it,
/// map values optional, column order txn, add, remove, metaData, protocol), the conversion of
/// actions into its records. (What the reader takes from any engine's checkpoint is
/// ``CheckpointColumn``.)
enum CheckpointSchema {
  static let stringMap = NestedType.map(key: .string, value: NestedField("value", .primitive(.string)))
  static let stringList = NestedType.list(NestedField("element", .primitive(.string), nullable: false))

  static func field(_ name: String, _ type: DataType, nullable: Bool) -> NestedField {
    NestedField(name, .primitive(type), nullable: nullable)
  }

  static let fields: [NestedField] = [
    NestedField(
      "txn",
      .group([
        field("appId", .string, nullable: false), field("version", .int64, nullable: false),
        field("lastUpdated", .int64, nullable: true),
      ])),
    NestedField(
      "add",
      .group([
        field("path", .string, nullable: false), NestedField("partitionValues", stringMap, nullable: false),
        field("size", .int64, nullable: false), field("modificationTime", .int64, nullable: false),
        field("dataChange", .boolean, nullable: false), field("stats", .string, nullable: true),
        NestedField("tags", stringMap),
      ])),
    NestedField(
      "remove",
      .group([
        field("path", .string, nullable: false), field("deletionTimestamp", .int64, nullable: true),
        field("dataChange", .boolean, nullable: false),
        field("extendedFileMetadata", .boolean, nullable: true),
        NestedField("partitionValues", stringMap), field("size", .int64, nullable: true),
      ])),
    NestedField(
      "metaData",
      .group([
        field("id", .string, nullable: false), field("name", .string, nullable: true),
        field("description", .string, nullable: true),
        NestedField(
          "format",
          .group([field("provider", .string, nullable: false), NestedField("options", stringMap)]),
          nullable: false),
        field("schemaString", .string, nullable: false),
        NestedField("partitionColumns", stringList, nullable: false),
        NestedField("configuration", stringMap, nullable: false),
        field("createdTime", .int64, nullable: true),
      ])),
    NestedField(
      "protocol",
      .group([
        field("minReaderVersion", .int32, nullable: false),
        field("minWriterVersion", .int32, nullable: false),
        NestedField("readerFeatures", stringList), NestedField("writerFeatures", stringList),
      ])),
  ]

  /// The checkpoint record of `action` (`nil` for actions checkpoints do not hold).
  static func record(_ action: DeltaAction) -> [String: NestedValue]? {
    switch action {
    case .txn(let t):
      return [
        "txn": .group([
          "appId": .string(t.appId), "version": .int64(t.version), "lastUpdated": int(t.lastUpdated),
        ])
      ]
    case .add(let a):
      return [
        "add": .group([
          "path": .string(a.path), "partitionValues": map(a.partitionValues), "size": .int64(a.size),
          "modificationTime": .int64(a.modificationTime), "dataChange": .bool(a.dataChange),
          "stats": a.stats.map(NestedValue.string) ?? .null, "tags": a.tags.map(map) ?? .null,
        ])
      ]
    case .remove(let r):
      return [
        "remove": .group([
          "path": .string(r.path), "deletionTimestamp": int(r.deletionTimestamp),
          "dataChange": .bool(r.dataChange),
          "extendedFileMetadata": r.extendedFileMetadata.map(NestedValue.bool) ?? .null,
          "partitionValues": r.partitionValues.map(map) ?? .null, "size": int(r.size),
        ])
      ]
    case .metaData(let m):
      return [
        "metaData": .group([
          "id": .string(m.id), "name": m.name.map(NestedValue.string) ?? .null,
          "description": m.description.map(NestedValue.string) ?? .null,
          "format": .group(["provider": .string(m.formatProvider), "options": map(m.formatOptions)]),
          "schemaString": .string(m.schemaString), "partitionColumns": .strings(m.partitionColumns),
          "configuration": map(m.configuration), "createdTime": int(m.createdTime),
        ])
      ]
    case .protocol(let p):
      return [
        "protocol": .group([
          "minReaderVersion": .int32(p.minReaderVersion), "minWriterVersion": .int32(p.minWriterVersion),
          "readerFeatures": p.readerFeatures.map(NestedValue.strings) ?? .null,
          "writerFeatures": p.writerFeatures.map(NestedValue.strings) ?? .null,
        ])
      ]
    case .commitInfo, .other:
      return nil
    }
  }

  static func int(_ value: Int64?) -> NestedValue {
    value.map(NestedValue.int64) ?? .null
  }

  /// A `map<string, string>` value keeping the map's order and its null values.
  static func map(_ map: DeltaMap) -> NestedValue {
    .map(
      map.entries.map { NestedEntry(key: .string($0.key), value: $0.value.map(NestedValue.string) ?? .null) })
  }
}
