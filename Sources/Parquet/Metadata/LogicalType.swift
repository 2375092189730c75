/// Parquet `TimeUnit` of TIME and TIMESTAMP logical types.
enum TimeUnit: Hashable, Sendable {
  case millis
  case micros
  case nanos
}

/// Parquet `LogicalType` union (the annotations we read or write; others keep their field id).
enum LogicalType: Hashable, Sendable, CustomStringConvertible {
  case string
  case map
  case list
  case enumeration
  case decimal(scale: Int32, precision: Int32)
  case date
  case time(isAdjustedToUTC: Bool, unit: TimeUnit)
  case timestamp(isAdjustedToUTC: Bool, unit: TimeUnit)
  case integer(bitWidth: Int8, isSigned: Bool)
  case unknown
  case json
  case bson
  case uuid
  case float16
  /// A union member this implementation does not know (field id).
  case other(Int16)

  var description: String {
    switch self {
    case .string: "STRING"
    case .map: "MAP"
    case .list: "LIST"
    case .enumeration: "ENUM"
    case .decimal(let scale, let precision): "DECIMAL(\(precision),\(scale))"
    case .date: "DATE"
    case .time(let utc, let unit): "TIME(\(unit), utc=\(utc))"
    case .timestamp(let utc, let unit): "TIMESTAMP(\(unit), utc=\(utc))"
    case .integer(let bits, let signed): "INTEGER(\(bits), signed=\(signed))"
    case .unknown: "UNKNOWN"
    case .json: "JSON"
    case .bson: "BSON"
    case .uuid: "UUID"
    case .float16: "FLOAT16"
    case .other(let id): "logical type #\(id)"
    }
  }

  func encode(into writer: inout ThriftCompactWriter) {
    writer.beginStructElement()
    switch self {
    case .string: emptyMember(1, &writer)
    case .map: emptyMember(2, &writer)
    case .list: emptyMember(3, &writer)
    case .enumeration: emptyMember(4, &writer)
    case .decimal(let scale, let precision):
      writer.beginStruct(5)
      writer.field(1, i32: scale)
      writer.field(2, i32: precision)
      writer.endStruct()
    case .date: emptyMember(6, &writer)
    case .time(let utc, let unit):
      writer.beginStruct(7)
      writer.field(1, bool: utc)
      Self.encode(unit, field: 2, into: &writer)
      writer.endStruct()
    case .timestamp(let utc, let unit):
      writer.beginStruct(8)
      writer.field(1, bool: utc)
      Self.encode(unit, field: 2, into: &writer)
      writer.endStruct()
    case .integer(let bits, let signed):
      writer.beginStruct(10)
      writer.field(1, i8: bits)
      writer.field(2, bool: signed)
      writer.endStruct()
    case .unknown: emptyMember(11, &writer)
    case .json: emptyMember(12, &writer)
    case .bson: emptyMember(13, &writer)
    case .uuid: emptyMember(14, &writer)
    case .float16: emptyMember(15, &writer)
    case .other(let id): emptyMember(id, &writer)
    }
    writer.endStruct()
  }

  private func emptyMember(_ id: Int16, _ writer: inout ThriftCompactWriter) {
    writer.beginStruct(id)
    writer.endStruct()
  }

  private static func encode(_ unit: TimeUnit, field: Int16, into writer: inout ThriftCompactWriter) {
    writer.beginStruct(field)
    switch unit {
    case .millis: writer.beginStruct(1)
    case .micros: writer.beginStruct(2)
    case .nanos: writer.beginStruct(3)
    }
    writer.endStruct()
    writer.endStruct()
  }

  init(from reader: inout ThriftCompactReader) throws(ParquetError) {
    var result: LogicalType?
    try reader.readStruct { r, type, id throws(ParquetError) in
      guard type == .struct else { return false }
      switch id {
      case 1: result = .string
      case 2: result = .map
      case 3: result = .list
      case 4: result = .enumeration
      case 5:
        var scale: Int32 = 0
        var precision: Int32 = 0
        try r.readStruct { r, type, id throws(ParquetError) in
          switch id {
          case 1: scale = try r.readI32()
          case 2: precision = try r.readI32()
          default: return false
          }
          return true
        }
        result = .decimal(scale: scale, precision: precision)
        return true
      case 6: result = .date
      case 7, 8:
        var utc = false
        var unit = TimeUnit.millis
        try r.readStruct { r, type, field throws(ParquetError) in
          switch field {
          case 1: utc = r.boolValue(type)
          case 2: unit = try Self.decodeUnit(&r)
          default: return false
          }
          return true
        }
        result =
          id == 7 ? .time(isAdjustedToUTC: utc, unit: unit) : .timestamp(isAdjustedToUTC: utc, unit: unit)
        return true
      case 10:
        var bits: Int8 = 0
        var signed = true
        try r.readStruct { r, type, field throws(ParquetError) in
          switch field {
          case 1: bits = try r.readI8()
          case 2: signed = r.boolValue(type)
          default: return false
          }
          return true
        }
        result = .integer(bitWidth: bits, isSigned: signed)
        return true
      case 11: result = .unknown
      case 12: result = .json
      case 13: result = .bson
      case 14: result = .uuid
      case 15: result = .float16
      default: result = .other(id)
      }
      try r.skip(.struct)
      return true
    }
    guard let result else { throw reader.corrupt("LogicalType union has no member set") }
    self = result
  }

  private static func decodeUnit(_ reader: inout ThriftCompactReader) throws(ParquetError) -> TimeUnit {
    var unit = TimeUnit.millis
    try reader.readStruct { r, type, id throws(ParquetError) in
      switch id {
      case 1: unit = .millis
      case 2: unit = .micros
      case 3: unit = .nanos
      default: return false
      }
      try r.skip(type)
      return true
    }
    return unit
  }
}
