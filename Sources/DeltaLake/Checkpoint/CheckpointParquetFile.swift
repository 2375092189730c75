/// A value of a checkpoint leaf column.
enum LeafValue: Equatable {
  case int(Int64)
  case bool(Bool)
  case bytes([UInt8])

  var int: Int64? {
    if case .int(let v) = self { return v }
    return nil
  }

  var bool: Bool? {
    if case .bool(let v) = self { return v }
    return nil
  }

  var string: String? {
    if case .bytes(let b) = self { return String(decoding: b, as: UTF8.self) }
    return nil
  }
}

/// The decoded levels and values of one leaf column over all row groups.
struct LeafData {
  var repetition: [Int32] = []
  var definition: [Int32] = []
  /// Values of the entries whose definition level is the leaf's maximum, in order.
  var values: [LeafValue] = []
}

/// A minimal Parquet reader for Delta checkpoints: footer, schema tree with nested groups,
/// data pages v1 and v2, dictionary pages, PLAIN / RLE_DICTIONARY / RLE encodings, codecs
/// UNCOMPRESSED and SNAPPY. Reads only the leaves asked for.
///
/// It exists because the checkpoint schema is made of nested structs, maps and lists, which the
/// general `Parquet` target does not expose; data files never go through it.
struct CheckpointParquetFile {
  let bytes: [UInt8]
  let schema: ParquetSchemaNode
  let numRows: Int
  /// Per row group, per leaf index: the column chunk's metadata.
  let chunks: [[ThriftStruct]]

  init(_ bytes: [UInt8]) throws(ParquetDecodingError) {
    let magic: [UInt8] = Array("PAR1".utf8)
    guard bytes.count >= 12, Array(bytes[0..<4]) == magic, Array(bytes[(bytes.count - 4)...]) == magic else {
      throw ParquetDecodingError("not a Parquet file (no PAR1 magic at both ends)")
    }
    let lengthOffset = bytes.count - 8
    let footerLength =
      Int(bytes[lengthOffset]) | Int(bytes[lengthOffset + 1]) << 8 | Int(bytes[lengthOffset + 2]) << 16
      | Int(bytes[lengthOffset + 3]) << 24
    guard footerLength > 0, footerLength <= lengthOffset - 4 else {
      throw ParquetDecodingError("footer length \(footerLength) does not fit the file")
    }
    var reader = ThriftCompactReader(bytes, from: lengthOffset - footerLength, to: lengthOffset)
    let metadata = try reader.readStruct()
    let elements = (metadata[2]?.list ?? []).compactMap(\.structure)
    schema = try ParquetSchemaNode.fromFooter(elements)
    numRows = Int(metadata[3]?.int ?? 0)
    chunks = (metadata[4]?.list ?? []).compactMap(\.structure).map { rowGroup in
      (rowGroup[1]?.list ?? []).compactMap { $0.structure?[3]?.structure }
    }
    self.bytes = bytes
  }

  /// The leaf at `path` (names from below the root), if the file has it.
  func node(_ path: [String]) -> ParquetSchemaNode? {
    var current = schema
    for name in path {
      guard let next = current.child(name) else { return nil }
      current = next
    }
    return current
  }

  /// Reads one leaf column across all row groups.
  func read(_ leaf: ParquetSchemaNode) throws(ParquetDecodingError) -> LeafData {
    guard let leafIndex = leaf.leafIndex, let type = leaf.physicalType else {
      throw ParquetDecodingError("'\(leaf.path.joined(separator: "."))' is not a leaf column")
    }
    var data = LeafData()
    for rowGroup in chunks {
      guard leafIndex < rowGroup.count else {
        throw ParquetDecodingError("a row group lacks column '\(leaf.path.joined(separator: "."))'")
      }
      try readChunk(rowGroup[leafIndex], leaf: leaf, type: type, into: &data)
    }
    return data
  }

  func readChunk(
    _ meta: ThriftStruct, leaf: ParquetSchemaNode, type: ParquetSchemaNode.PhysicalType,
    into data: inout LeafData
  )
    throws(ParquetDecodingError)
  {
    let name = leaf.path.joined(separator: ".")
    let codec = meta[4]?.int ?? 0
    guard codec == 0 || codec == 1 else {
      throw ParquetDecodingError(
        "column '\(name)' is compressed with codec \(codec); checkpoints are read with UNCOMPRESSED or SNAPPY only"
      )
    }
    let totalValues = Int(meta[5]?.int ?? 0)
    let dataOffset = Int(meta[9]?.int ?? 0)
    var start = dataOffset
    if let dictionaryOffset = meta[11]?.int, dictionaryOffset > 0, Int(dictionaryOffset) < dataOffset {
      start = Int(dictionaryOffset)
    }
    let end = min(bytes.count - 8, start + Int(meta[7]?.int ?? 0))
    guard start >= 4, start <= end else { throw ParquetDecodingError("column '\(name)' has invalid offsets") }
    var position = start
    var dictionary: [LeafValue] = []
    var read = 0
    while position < end && read < totalValues {
      var headerReader = ThriftCompactReader(bytes, from: position, to: end)
      let header = try headerReader.readStruct()
      position = headerReader.position
      let compressedSize = Int(header[3]?.int ?? 0)
      let uncompressedSize = Int(header[2]?.int ?? 0)
      guard compressedSize >= 0, position + compressedSize <= end else {
        throw ParquetDecodingError("a page of column '\(name)' runs past its chunk")
      }
      let body = bytes[position..<(position + compressedSize)]
      position += compressedSize
      switch header[1]?.int ?? -1 {
      case 2:
        let page = try decompress(body, codec: codec, size: uncompressedSize)
        let count = Int(header[7]?.structure?[1]?.int ?? 0)
        var cursor = 0
        dictionary = try plainValues(page, &cursor, page.count, count: count, type: type, column: name)
      case 0:
        let pageHeader = header[5]?.structure ?? ThriftStruct()
        let count = Int(pageHeader[1]?.int ?? 0)
        let page = try decompress(body, codec: codec, size: uncompressedSize)
        var cursor = 0
        var repetition: [Int32] = []
        if leaf.repetitionLevel > 0 {
          repetition = try lengthPrefixedLevels(page, &cursor, maxLevel: leaf.repetitionLevel, count: count)
        }
        var definition: [Int32] = []
        if leaf.definitionLevel > 0 {
          definition = try lengthPrefixedLevels(page, &cursor, maxLevel: leaf.definitionLevel, count: count)
        }
        try appendPage(
          page, cursor, page.count, count: count, repetition: repetition, definition: definition,
          encoding: pageHeader[2]?.int ?? 0, dictionary: dictionary, leaf: leaf, type: type, into: &data)
        read += count
      case 3:
        let pageHeader = header[8]?.structure ?? ThriftStruct()
        let count = Int(pageHeader[1]?.int ?? 0)
        let definitionLength = Int(pageHeader[5]?.int ?? 0)
        let repetitionLength = Int(pageHeader[6]?.int ?? 0)
        let compressed = pageHeader[7]?.bool ?? true
        let levelsEnd = body.startIndex + repetitionLength + definitionLength
        guard repetitionLength >= 0, definitionLength >= 0, levelsEnd <= body.endIndex else {
          throw ParquetDecodingError("a v2 page of column '\(name)' has invalid level lengths")
        }
        let levels = Array(body[body.startIndex..<levelsEnd])
        var repetition: [Int32] = []
        if leaf.repetitionLevel > 0 {
          repetition = try HybridRLE.decode(
            levels, from: 0, to: repetitionLength, bitWidth: HybridRLE.bitWidth(leaf.repetitionLevel),
            count: count)
        }
        var definition: [Int32] = []
        if leaf.definitionLevel > 0 {
          definition = try HybridRLE.decode(
            levels, from: repetitionLength, to: levels.count,
            bitWidth: HybridRLE.bitWidth(leaf.definitionLevel),
            count: count)
        }
        let valuesBody = body[levelsEnd...]
        let values =
          compressed && codec != 0
          ? try decompress(
            valuesBody, codec: codec, size: uncompressedSize - repetitionLength - definitionLength)
          : Array(valuesBody)
        try appendPage(
          values, 0, values.count, count: count, repetition: repetition, definition: definition,
          encoding: pageHeader[4]?.int ?? 0, dictionary: dictionary, leaf: leaf, type: type, into: &data)
        read += count
      default:
        continue
      }
    }
  }

  func appendPage(
    _ page: [UInt8], _ start: Int, _ end: Int, count: Int, repetition: [Int32], definition: [Int32],
    encoding: Int64,
    dictionary: [LeafValue], leaf: ParquetSchemaNode, type: ParquetSchemaNode.PhysicalType,
    into data: inout LeafData
  ) throws(ParquetDecodingError) {
    let name = leaf.path.joined(separator: ".")
    let maxDefinition = Int32(leaf.definitionLevel)
    let present = definition.isEmpty ? count : definition.reduce(0) { $0 + ($1 == maxDefinition ? 1 : 0) }
    var cursor = start
    switch encoding {
    case 0:
      data.values += try plainValues(page, &cursor, end, count: present, type: type, column: name)
    case 2, 8:
      guard cursor < end || present == 0 else {
        throw ParquetDecodingError("column '\(name)' has an empty dictionary page")
      }
      if present > 0 {
        let width = Int(page[cursor])
        let indices = try HybridRLE.decode(page, from: cursor + 1, to: end, bitWidth: width, count: present)
        for index in indices {
          guard index >= 0, Int(index) < dictionary.count else {
            throw ParquetDecodingError(
              "column '\(name)' refers to dictionary entry \(index) of \(dictionary.count)")
          }
          data.values.append(dictionary[Int(index)])
        }
      }
    case 3 where type == .boolean:
      let bits = try lengthPrefixedLevels(page, &cursor, maxLevel: 1, count: present)
      data.values += bits.map { .bool($0 == 1) }
    default:
      throw ParquetDecodingError(
        "column '\(name)' uses encoding \(encoding), which the checkpoint reader does not read")
    }
    data.repetition += repetition.isEmpty ? [Int32](repeating: 0, count: count) : repetition
    data.definition += definition.isEmpty ? [Int32](repeating: maxDefinition, count: count) : definition
  }

  func lengthPrefixedLevels(_ page: [UInt8], _ cursor: inout Int, maxLevel: Int, count: Int)
    throws(ParquetDecodingError) -> [Int32]
  {
    guard cursor + 4 <= page.count else {
      throw ParquetDecodingError("level block header runs past the page")
    }
    let length =
      Int(page[cursor]) | Int(page[cursor + 1]) << 8 | Int(page[cursor + 2]) << 16 | Int(page[cursor + 3])
      << 24
    cursor += 4
    guard length >= 0, cursor + length <= page.count else {
      throw ParquetDecodingError("level block runs past the page")
    }
    defer { cursor += length }
    return try HybridRLE.decode(
      page, from: cursor, to: cursor + length, bitWidth: HybridRLE.bitWidth(maxLevel), count: count)
  }

  func plainValues(
    _ page: [UInt8], _ cursor: inout Int, _ end: Int, count: Int, type: ParquetSchemaNode.PhysicalType,
    column: String
  ) throws(ParquetDecodingError) -> [LeafValue] {
    var values: [LeafValue] = []
    values.reserveCapacity(count)
    func need(_ n: Int) throws(ParquetDecodingError) {
      guard cursor + n <= end else {
        throw ParquetDecodingError("values of column '\(column)' run past the page")
      }
    }
    switch type {
    case .boolean:
      try need((count + 7) / 8)
      for i in 0..<count { values.append(.bool(page[cursor + i / 8] >> UInt8(i % 8) & 1 == 1)) }
      cursor += (count + 7) / 8
    case .int32:
      try need(count * 4)
      for _ in 0..<count {
        var v: UInt32 = 0
        for i in 0..<4 { v |= UInt32(page[cursor + i]) << (8 * UInt32(i)) }
        values.append(.int(Int64(Int32(bitPattern: v))))
        cursor += 4
      }
    case .int64:
      try need(count * 8)
      for _ in 0..<count {
        var v: UInt64 = 0
        for i in 0..<8 { v |= UInt64(page[cursor + i]) << (8 * UInt64(i)) }
        values.append(.int(Int64(bitPattern: v)))
        cursor += 8
      }
    case .byteArray:
      for _ in 0..<count {
        try need(4)
        let length =
          Int(page[cursor]) | Int(page[cursor + 1]) << 8 | Int(page[cursor + 2]) << 16 | Int(page[cursor + 3])
          << 24
        cursor += 4
        try need(length)
        values.append(.bytes(Array(page[cursor..<(cursor + length)])))
        cursor += length
      }
    default:
      throw ParquetDecodingError("column '\(column)' has physical type \(type), which checkpoints do not use")
    }
    return values
  }

  func decompress(_ body: ArraySlice<UInt8>, codec: Int64, size: Int) throws(ParquetDecodingError) -> [UInt8]
  {
    codec == 1 ? try SnappyBlock.decompress(body, expectedSize: size) : Array(body)
  }
}
