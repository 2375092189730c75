/// A decoded Thrift value (compact protocol), enough for Parquet footers and page headers.
indirect enum ThriftValue {
  case bool(Bool)
  /// i8, i16, i32 and i64 all decode to this.
  case int(Int64)
  case double(Double)
  case binary([UInt8])
  case list([ThriftValue])
  case map([(ThriftValue, ThriftValue)])
  case structure(ThriftStruct)

  var int: Int64? {
    if case .int(let v) = self { return v }
    return nil
  }

  var bool: Bool? {
    if case .bool(let v) = self { return v }
    return nil
  }

  var string: String? {
    if case .binary(let b) = self { return String(decoding: b, as: UTF8.self) }
    return nil
  }

  var list: [ThriftValue]? {
    if case .list(let v) = self { return v }
    return nil
  }

  var structure: ThriftStruct? {
    if case .structure(let v) = self { return v }
    return nil
  }
}

/// The fields of one Thrift struct by field id.
struct ThriftStruct {
  var fields: [Int16: ThriftValue] = [:]

  subscript(id: Int16) -> ThriftValue? { fields[id] }
}

/// Decodes the Thrift compact protocol (varints, zigzag integers, delta field ids), skipping
/// nothing: every field is kept in a ``ThriftStruct`` so callers pick what they need.
struct ThriftCompactReader {
  let bytes: [UInt8]
  var position: Int
  let end: Int

  init(_ bytes: [UInt8], from start: Int = 0, to end: Int? = nil) {
    self.bytes = bytes
    self.position = start
    self.end = end ?? bytes.count
  }

  mutating func readByte() throws(ParquetDecodingError) -> UInt8 {
    guard position < end else { throw ParquetDecodingError("Thrift data ends early at byte \(position)") }
    defer { position += 1 }
    return bytes[position]
  }

  mutating func readVarint() throws(ParquetDecodingError) -> UInt64 {
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      let byte = try readByte()
      result |= UInt64(byte & 0x7F) << shift
      if byte & 0x80 == 0 { return result }
      shift += 7
      guard shift < 64 else { throw ParquetDecodingError("varint longer than 10 bytes at byte \(position)") }
    }
  }

  mutating func readZigzag() throws(ParquetDecodingError) -> Int64 {
    let raw = try readVarint()
    return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
  }

  mutating func readStruct(depth: Int = 0) throws(ParquetDecodingError) -> ThriftStruct {
    guard depth < 64 else { throw ParquetDecodingError("Thrift structs nested too deeply") }
    var result = ThriftStruct()
    var lastID: Int16 = 0
    while true {
      let header = try readByte()
      if header == 0 { return result }
      let type = header & 0x0F
      let delta = header >> 4
      let id: Int16
      if delta != 0 {
        id = lastID &+ Int16(delta)
      } else {
        id = Int16(truncatingIfNeeded: try readZigzag())
      }
      lastID = id
      switch type {
      case 1: result.fields[id] = .bool(true)
      case 2: result.fields[id] = .bool(false)
      default: result.fields[id] = try readValue(type: type, depth: depth)
      }
    }
  }

  mutating func readValue(type: UInt8, depth: Int) throws(ParquetDecodingError) -> ThriftValue {
    switch type {
    case 1, 2: return .bool(try readByte() == 1)
    case 3: return .int(Int64(Int8(bitPattern: try readByte())))
    case 4, 5, 6: return .int(try readZigzag())
    case 7:
      guard position + 8 <= end else { throw ParquetDecodingError("Thrift double ends early") }
      var bits: UInt64 = 0
      for i in 0..<8 { bits |= UInt64(bytes[position + i]) << (8 * UInt64(i)) }
      position += 8
      return .double(Double(bitPattern: bits))
    case 8:
      let length = Int(try readVarint())
      guard length >= 0, position + length <= end else {
        throw ParquetDecodingError("Thrift binary of \(length) bytes runs past the end")
      }
      defer { position += length }
      return .binary(Array(bytes[position..<(position + length)]))
    case 9, 10:
      let header = try readByte()
      var count = Int(header >> 4)
      if count == 15 { count = Int(try readVarint()) }
      guard count <= end - position else {
        throw ParquetDecodingError("Thrift list of \(count) items is too long")
      }
      let elementType = header & 0x0F
      var items: [ThriftValue] = []
      items.reserveCapacity(count)
      for _ in 0..<count { items.append(try readValue(type: elementType, depth: depth + 1)) }
      return .list(items)
    case 11:
      let count = Int(try readVarint())
      guard count <= end - position else {
        throw ParquetDecodingError("Thrift map of \(count) items is too long")
      }
      guard count > 0 else { return .map([]) }
      let types = try readByte()
      var pairs: [(ThriftValue, ThriftValue)] = []
      for _ in 0..<count {
        let key = try readValue(type: types >> 4, depth: depth + 1)
        pairs.append((key, try readValue(type: types & 0x0F, depth: depth + 1)))
      }
      return .map(pairs)
    case 12: return .structure(try readStruct(depth: depth + 1))
    default: throw ParquetDecodingError("unknown Thrift type \(type) at byte \(position)")
    }
  }
}
