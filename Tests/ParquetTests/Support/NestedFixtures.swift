import Foundation
import SluiceCore

@testable import Parquet

/// A Delta-checkpoint-like nested schema and records, and pyarrow JSON → ``NestedValue``.
enum NestedFixtures {
  static let stringMap = NestedType.map(key: .string, value: NestedField("value", .primitive(.string)))

  static let checkpointFields: [NestedField] = [
    NestedField(
      "txn",
      .group([
        NestedField("appId", .primitive(.string)),
        NestedField("version", .primitive(.int64), nullable: false),
        NestedField("lastUpdated", .primitive(.int64)),
      ])),
    NestedField(
      "add",
      .group([
        NestedField("path", .primitive(.string), nullable: false), NestedField("partitionValues", stringMap),
        NestedField("size", .primitive(.int64)), NestedField("modificationTime", .primitive(.int64)),
        NestedField("dataChange", .primitive(.boolean)), NestedField("stats", .primitive(.string)),
        NestedField("tags", stringMap),
      ])),
    NestedField(
      "metaData",
      .group([
        NestedField("id", .primitive(.string)),
        NestedField(
          "format",
          .group([NestedField("provider", .primitive(.string)), NestedField("options", stringMap)])),
        NestedField("schemaString", .primitive(.string)),
        NestedField("partitionColumns", .list(NestedField("element", .primitive(.string)))),
        NestedField("configuration", stringMap), NestedField("createdTime", .primitive(.int64)),
      ])),
    NestedField(
      "protocol",
      .group([
        NestedField("minReaderVersion", .primitive(.int32)),
        NestedField("minWriterVersion", .primitive(.int32)),
        NestedField("readerFeatures", .list(NestedField("element", .primitive(.string)))),
      ])),
    NestedField("matrix", .list(NestedField("element", .list(NestedField("element", .primitive(.double)))))),
  ]

  static func checkpointRecords(adds: Int) -> [[String: NestedValue]] {
    var records: [[String: NestedValue]] = [
      [
        "protocol": .group([
          "minReaderVersion": .int32(1), "minWriterVersion": .int32(2), "readerFeatures": .null,
        ])
      ],
      [
        "metaData": .group([
          "id": .string("6f0b0a3c"),
          "format": .group(["provider": .string("parquet"), "options": .stringMap([:])]),
          "schemaString": .string("{\"type\":\"struct\",\"fields\":[]}"),
          "partitionColumns": .strings(["category", "day"]),
          "configuration": .stringMap(["delta.appendOnly": "false"]),
          "createdTime": .int64(1_700_000_000_000),
        ])
      ],
      [
        "txn": .group([
          "appId": .string("query-1"), "version": .int64(41), "lastUpdated": .int64(1_700_000_000_123),
        ])
      ],
      [
        "matrix": .list([
          .list([.primitive(.double(1)), .primitive(.double(2))]), .list([]), .null,
          .list([.primitive(.null)]),
        ])
      ],
    ]
    for index in 0..<adds {
      let partition: NestedValue =
        index % 3 == 0
        ? .stringMap([:])
        : .stringMap(["category": "c\(index % 4)", "day": index % 2 == 0 ? "2024-01-0\(index % 9)" : ""])
      records.append([
        "add": .group([
          "path": .string("category=c\(index % 4)/part-\(index).zstd.parquet"), "partitionValues": partition,
          "size": .int64(Int64(1000 + index)), "modificationTime": .int64(1_700_000_000_000 + Int64(index)),
          "dataChange": .bool(index % 2 == 0),
          "stats": index % 5 == 0 ? .null : .string("{\"numRecords\":\(index)}"),
          "tags": index % 7 == 0 ? .stringMap(["k": "v\(index)"]) : .null,
        ])
      ])
    }
    return records
  }

  /// Fills in the nulls the reader reports for fields a record left out (missing = null).
  static func normalized(_ record: [String: NestedValue], _ fields: [NestedField]) -> [String: NestedValue] {
    var result: [String: NestedValue] = [:]
    for field in fields { result[field.name] = normalized(record[field.name] ?? .null, field.type) }
    return result
  }

  static func normalized(_ value: NestedValue, _ type: NestedType) -> NestedValue {
    switch (value, type) {
    case (.primitive(.null), _): return .null
    case (.group(let members), .group(let fields)):
      return .group(normalized(members, fields))
    case (.list(let items), .list(let element)):
      return .list(items.map { normalized($0, element.type) })
    case (.map(let entries), .map(_, let valueField)):
      return .map(entries.map { NestedEntry(key: $0.key, value: normalized($0.value, valueField.type)) })
    default:
      return value
    }
  }

  /// Converts pyarrow `to_pylist` JSON (maps as {"__map__": [[k, v], ...]}) to a ``NestedValue``.
  static func value(_ any: Any?, _ type: NestedType) -> NestedValue {
    guard let any, !(any is NSNull) else { return .null }
    switch type {
    case .primitive(let primitive):
      return .primitive(PythonValues.value(any, primitive))
    case .list(let element):
      return .list((any as? [Any] ?? []).map { value($0, element.type) })
    case .map(let key, let valueField):
      let pairs = (any as? [String: Any])?["__map__"] as? [[Any]] ?? []
      return .map(
        pairs.map { NestedEntry(key: PythonValues.value($0[0], key), value: value($0[1], valueField.type)) })
    case .group(let fields):
      let object = any as? [String: Any] ?? [:]
      var members: [String: NestedValue] = [:]
      for field in fields { members[field.name] = value(object[field.name], field.type) }
      return .group(members)
    }
  }

  /// Python helper shared by the nested scripts: JSON-able form of pyarrow values.
  static let pythonPlain = """
    import datetime
    def plain(v):
        if v is None:
            return None
        if isinstance(v, float):
            return repr(v)
        if isinstance(v, dict):
            return {k: plain(x) for k, x in v.items()}
        if isinstance(v, list):
            if v and all(isinstance(x, tuple) for x in v):
                return {"__map__": [[plain(k), plain(x)] for k, x in v]}
            return [plain(x) for x in v]
        if isinstance(v, datetime.datetime):
            return int(v.timestamp() * 1_000_000)
        return v
    """
}
