/// Locates and decodes the footer (``FileMetaData``) of a Parquet file held in memory.
enum FooterDecoder {
  static let magic: [UInt8] = Array("PAR1".utf8)
  static let encryptedMagic: [UInt8] = Array("PARE".utf8)

  static func decode(_ bytes: [UInt8], source: String) throws(ParquetError) -> FileMetaData {
    let count = bytes.count
    guard count >= 4, bytes[0..<4].elementsEqual(magic) || bytes[0..<4].elementsEqual(encryptedMagic) else {
      throw ParquetError(.notParquet, "\(source) is not a Parquet file: it does not start with PAR1")
    }
    guard count >= 12 else {
      throw .truncated("\(source) is truncated: \(count) bytes is too short for a Parquet file (at least 12)")
    }
    let tail = bytes[(count - 4)..<count]
    if tail.elementsEqual(encryptedMagic) {
      throw .unsupported(
        "\(source) has an encrypted footer (PARE); encrypted Parquet files are not supported")
    }
    guard tail.elementsEqual(magic) else {
      throw .truncated(
        "\(source) is truncated or still being written: it starts with PAR1 but does not end with PAR1")
    }
    let length =
      Int(bytes[count - 8]) | Int(bytes[count - 7]) << 8 | Int(bytes[count - 6]) << 16 | Int(bytes[count - 5])
      << 24
    guard length > 0, length <= count - 12 else {
      throw .corrupt("\(source): footer length \(length) does not fit in a file of \(count) bytes")
    }
    let start = count - 8 - length
    var reader = ThriftCompactReader(bytes: bytes, range: start..<(count - 8), context: "footer of \(source)")
    let metadata = try FileMetaData(from: &reader)
    guard reader.position == count - 8 else {
      throw .corrupt(
        "\(source): the footer ends at byte \(reader.position), \(count - 8 - reader.position) early")
    }
    return metadata
  }
}
