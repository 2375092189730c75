/// Parquet `Type`: the physical storage type of a leaf column.
struct PhysicalType: Hashable, Sendable, CustomStringConvertible {
  let rawValue: Int32
  static let boolean = PhysicalType(rawValue: 0)
  static let int32 = PhysicalType(rawValue: 1)
  static let int64 = PhysicalType(rawValue: 2)
  static let int96 = PhysicalType(rawValue: 3)
  static let float = PhysicalType(rawValue: 4)
  static let double = PhysicalType(rawValue: 5)
  static let byteArray = PhysicalType(rawValue: 6)
  static let fixedLenByteArray = PhysicalType(rawValue: 7)

  var description: String {
    let names = [
      "BOOLEAN", "INT32", "INT64", "INT96", "FLOAT", "DOUBLE", "BYTE_ARRAY", "FIXED_LEN_BYTE_ARRAY",
    ]
    return names.indices.contains(Int(rawValue)) ? names[Int(rawValue)] : "type \(rawValue)"
  }
}

/// Parquet `FieldRepetitionType`.
enum Repetition: Int32, Sendable {
  case required = 0
  case optional = 1
  case repeated = 2
}

/// Parquet `ConvertedType` (the legacy annotation; only the values we read or write).
struct ConvertedType: Hashable, Sendable {
  let rawValue: Int32
  static let utf8 = ConvertedType(rawValue: 0)
  static let map = ConvertedType(rawValue: 1)
  static let mapKeyValue = ConvertedType(rawValue: 2)
  static let list = ConvertedType(rawValue: 3)
  static let enumeration = ConvertedType(rawValue: 4)
  static let decimal = ConvertedType(rawValue: 5)
  static let date = ConvertedType(rawValue: 6)
  static let timeMillis = ConvertedType(rawValue: 7)
  static let timeMicros = ConvertedType(rawValue: 8)
  static let timestampMillis = ConvertedType(rawValue: 9)
  static let timestampMicros = ConvertedType(rawValue: 10)
  static let uint8 = ConvertedType(rawValue: 11)
  static let uint16 = ConvertedType(rawValue: 12)
  static let uint32 = ConvertedType(rawValue: 13)
  static let uint64 = ConvertedType(rawValue: 14)
  static let int8 = ConvertedType(rawValue: 15)
  static let int16 = ConvertedType(rawValue: 16)
  static let int32 = ConvertedType(rawValue: 17)
  static let int64 = ConvertedType(rawValue: 18)
  static let json = ConvertedType(rawValue: 19)
  static let bson = ConvertedType(rawValue: 20)
  static let interval = ConvertedType(rawValue: 21)
}

/// Parquet `Encoding`.
struct Encoding: Hashable, Sendable, CustomStringConvertible {
  let rawValue: Int32
  static let plain = Encoding(rawValue: 0)
  static let plainDictionary = Encoding(rawValue: 2)
  static let rle = Encoding(rawValue: 3)
  static let bitPacked = Encoding(rawValue: 4)
  static let deltaBinaryPacked = Encoding(rawValue: 5)
  static let deltaLengthByteArray = Encoding(rawValue: 6)
  static let deltaByteArray = Encoding(rawValue: 7)
  static let rleDictionary = Encoding(rawValue: 8)
  static let byteStreamSplit = Encoding(rawValue: 9)

  var description: String {
    switch rawValue {
    case 0: "PLAIN"
    case 2: "PLAIN_DICTIONARY"
    case 3: "RLE"
    case 4: "BIT_PACKED"
    case 5: "DELTA_BINARY_PACKED"
    case 6: "DELTA_LENGTH_BYTE_ARRAY"
    case 7: "DELTA_BYTE_ARRAY"
    case 8: "RLE_DICTIONARY"
    case 9: "BYTE_STREAM_SPLIT"
    case 10: "ALP"
    default: "encoding \(rawValue)"
    }
  }

  var isDictionary: Bool { self == .rleDictionary || self == .plainDictionary }
}

/// Parquet `CompressionCodec`.
struct CompressionCodec: Hashable, Sendable, CustomStringConvertible {
  let rawValue: Int32
  static let uncompressed = CompressionCodec(rawValue: 0)
  static let snappy = CompressionCodec(rawValue: 1)
  static let gzip = CompressionCodec(rawValue: 2)
  static let lzo = CompressionCodec(rawValue: 3)
  static let brotli = CompressionCodec(rawValue: 4)
  static let lz4 = CompressionCodec(rawValue: 5)
  static let zstd = CompressionCodec(rawValue: 6)
  static let lz4Raw = CompressionCodec(rawValue: 7)

  var description: String {
    let names = ["UNCOMPRESSED", "SNAPPY", "GZIP", "LZO", "BROTLI", "LZ4", "ZSTD", "LZ4_RAW"]
    return names.indices.contains(Int(rawValue)) ? names[Int(rawValue)] : "codec \(rawValue)"
  }
}

/// Parquet `PageType`.
struct PageType: Hashable, Sendable, CustomStringConvertible {
  let rawValue: Int32
  static let dataPage = PageType(rawValue: 0)
  static let indexPage = PageType(rawValue: 1)
  static let dictionaryPage = PageType(rawValue: 2)
  static let dataPageV2 = PageType(rawValue: 3)

  var description: String {
    let names = ["DATA_PAGE", "INDEX_PAGE", "DICTIONARY_PAGE", "DATA_PAGE_V2"]
    return names.indices.contains(Int(rawValue)) ? names[Int(rawValue)] : "page type \(rawValue)"
  }
}
