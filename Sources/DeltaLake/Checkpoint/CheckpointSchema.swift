/// The Parquet schema Sluice writes checkpoints with (the classic Delta checkpoint schema,
/// required/optional as delta-rs writes it, map values optional), and the conversion of actions
/// into nested rows for it.
enum CheckpointSchema {
  typealias Node = ParquetSchemaNode

  static func string(_ name: String, _ repetition: Node.Repetition) -> Node {
    Node(name, repetition, .byteArray, converted: .utf8)
  }

  static func stringMap(_ name: String, _ repetition: Node.Repetition) -> Node {
    Node(
      name, repetition, converted: .map,
      children: [
        Node("key_value", .repeated, children: [string("key", .required), string("value", .optional)])
      ])
  }

  static func stringList(_ name: String, _ repetition: Node.Repetition) -> Node {
    Node(
      name, repetition, converted: .list,
      children: [Node("list", .repeated, children: [string("element", .required)])])
  }

  /// The root of the schema, levels resolved. Column order: txn, add, remove, metaData, protocol.
  static let root: Node = {
    var root = Node(
      "schema", .required,
      children: [
        Node(
          "txn", .optional,
          children: [
            string("appId", .required), Node("version", .required, .int64),
            Node("lastUpdated", .optional, .int64),
          ]
        ),
        Node(
          "add", .optional,
          children: [
            string("path", .required), stringMap("partitionValues", .required),
            Node("size", .required, .int64),
            Node("modificationTime", .required, .int64), Node("dataChange", .required, .boolean),
            string("stats", .optional), stringMap("tags", .optional),
          ]),
        Node(
          "remove", .optional,
          children: [
            string("path", .required), Node("deletionTimestamp", .optional, .int64),
            Node("dataChange", .required, .boolean), Node("extendedFileMetadata", .optional, .boolean),
            stringMap("partitionValues", .optional), Node("size", .optional, .int64),
          ]),
        Node(
          "metaData", .optional,
          children: [
            string("id", .required), string("name", .optional), string("description", .optional),
            Node(
              "format", .required, children: [string("provider", .required), stringMap("options", .optional)]),
            string("schemaString", .required), stringList("partitionColumns", .required),
            stringMap("configuration", .required), Node("createdTime", .optional, .int64),
          ]),
        Node(
          "protocol", .optional,
          children: [
            Node("minReaderVersion", .required, .int32), Node("minWriterVersion", .required, .int32),
            stringList("readerFeatures", .optional), stringList("writerFeatures", .optional),
          ]),
      ])
    root.resolve()
    return root
  }()

  /// One row of the checkpoint for `action` (`nil` for actions checkpoints do not hold).
  static func row(_ action: DeltaAction) -> NestedValue? {
    var fields = [NestedValue](repeating: .null, count: 5)
    switch action {
    case .txn(let t):
      fields[0] = .group([.string(t.appId), .int(t.version), t.lastUpdated.map(NestedValue.int) ?? .null])
    case .add(let a):
      fields[1] = .group([
        .string(a.path), map(a.partitionValues), .int(a.size), .int(a.modificationTime), .bool(a.dataChange),
        a.stats.map(NestedValue.string) ?? .null, a.tags.map(map) ?? .null,
      ])
    case .remove(let r):
      fields[2] = .group([
        .string(r.path), r.deletionTimestamp.map(NestedValue.int) ?? .null, .bool(r.dataChange),
        r.extendedFileMetadata.map(NestedValue.bool) ?? .null, r.partitionValues.map(map) ?? .null,
        r.size.map(NestedValue.int) ?? .null,
      ])
    case .metaData(let m):
      fields[3] = .group([
        .string(m.id), m.name.map(NestedValue.string) ?? .null,
        m.description.map(NestedValue.string) ?? .null,
        .group([.string(m.formatProvider), map(m.formatOptions)]), .string(m.schemaString),
        list(m.partitionColumns), map(m.configuration), m.createdTime.map(NestedValue.int) ?? .null,
      ])
    case .protocol(let p):
      fields[4] = .group([
        .int(Int64(p.minReaderVersion)), .int(Int64(p.minWriterVersion)), p.readerFeatures.map(list) ?? .null,
        p.writerFeatures.map(list) ?? .null,
      ])
    case .commitInfo, .other:
      return nil
    }
    return .group(fields)
  }

  static func map(_ map: DeltaMap) -> NestedValue {
    .group([
      .repeated(map.entries.map { .group([.string($0.key), $0.value.map(NestedValue.string) ?? .null]) })
    ])
  }

  static func list(_ items: [String]) -> NestedValue {
    .group([.repeated(items.map { .group([.string($0)]) })])
  }
}

/// A value in a nested Parquet row: a leaf value, a group (children in schema order), or the
/// items of a repeated node.
indirect enum NestedValue {
  case null
  case int(Int64)
  case bool(Bool)
  case string(String)
  case group([NestedValue])
  case repeated([NestedValue])
}
