import SluiceCore

/// Reads the pages of one column chunk (dictionary page, data pages v1 and v2) and appends their
/// levels and values to a ``LeafData``.
struct ChunkDecoder {
  let file: [UInt8]
  let plan: ColumnPlan
  let chunk: ColumnMetaData
  let rowGroup: Int
  let decompressor: PageDecompressor

  private var column: String { plan.leafPath.joined(separator: ".") }

  func decode(into leaf: inout LeafData) throws(ParquetError) {
    guard chunk.type == plan.physicalType else {
      throw .corrupt(
        "column \(column), row group \(rowGroup): chunk type \(chunk.type) differs from the schema's \(plan.physicalType)"
      )
    }
    try PageDecompressor.check(chunk.codec, column: column)
    var start = chunk.dataPageOffset
    if let dictionaryOffset = chunk.dictionaryPageOffset, dictionaryOffset > 0, dictionaryOffset < start {
      start = dictionaryOffset
    }
    let end = start + chunk.totalCompressedSize
    guard start >= 4, chunk.totalCompressedSize >= 0, end <= Int64(file.count) else {
      throw .corrupt(
        "column \(column), row group \(rowGroup): chunk bytes \(start)..<\(end) lie outside the file "
          + "(\(file.count) bytes)")
    }
    var position = Int(start)
    let chunkEnd = Int(end)
    var dictionary: Column?
    var entries: Int64 = 0
    var page = 0
    while entries < chunk.numValues {
      let what = "column \(column), row group \(rowGroup), page \(page)"
      guard position < chunkEnd else {
        throw .corrupt("\(what): the chunk ends after \(entries) of \(chunk.numValues) values")
      }
      var reader = ThriftCompactReader(
        bytes: file, range: position..<chunkEnd, context: "page header of \(what)")
      let header = try PageHeader(from: &reader)
      let bodyStart = reader.position
      let bodyEnd = bodyStart + Int(header.compressedPageSize)
      guard bodyEnd <= chunkEnd else {
        throw .truncated("\(what): page body of \(header.compressedPageSize) bytes runs past the chunk end")
      }
      let pageValues = Int64(header.dataPage?.numValues ?? header.dataPageV2?.numValues ?? 0)
      guard pageValues <= chunk.numValues - entries else {
        throw .corrupt(
          "\(what): page holds \(pageValues) values, more than the chunk's remaining \(chunk.numValues - entries)"
        )
      }
      try file.withParquetBytes { raw throws(ParquetError) in
        let body = UnsafeRawBufferPointer(rebasing: raw[bodyStart..<bodyEnd])
        switch header.type {
        case .dictionaryPage:
          guard dictionary == nil else { throw .corrupt("\(what): a second dictionary page") }
          dictionary = try decodeDictionary(header, body, what: what)
        case .dataPage:
          let added = try decodeDataPageV1(header, body, dictionary, &leaf, what: what)
          entries += Int64(added)
        case .dataPageV2:
          let added = try decodeDataPageV2(header, body, dictionary, &leaf, what: what)
          entries += Int64(added)
        case .indexPage:
          break
        default:
          throw .unsupported("\(what): \(header.type) pages")
        }
      }
      position = bodyEnd
      page += 1
    }
    guard entries == chunk.numValues else {
      throw .corrupt(
        "\(column), row group \(rowGroup): pages hold \(entries) values, the chunk \(chunk.numValues)")
    }
  }

  private func decodeDictionary(
    _ header: PageHeader, _ body: UnsafeRawBufferPointer, what: String
  ) throws(ParquetError) -> Column {
    guard let info = header.dictionaryPage else {
      throw .corrupt("\(what): dictionary page without its header")
    }
    guard info.encoding == .plain || info.encoding == .plainDictionary else {
      throw .unsupported("\(what): dictionary page encoding \(info.encoding)")
    }
    var values = Column(type: plan.valueType)
    try decompressor.withDecompressed(
      body, codec: chunk.codec, size: Int(header.uncompressedPageSize), what: what
    ) { raw throws(ParquetError) in
      try PlainDecoder.decode(
        raw, count: Int(info.numValues), physical: plan.physicalType, conversion: plan.conversion,
        into: &values, what: "\(what) (dictionary)")
    }
    return values
  }

  private func decodeDataPageV1(
    _ header: PageHeader, _ body: UnsafeRawBufferPointer, _ dictionary: Column?, _ leaf: inout LeafData,
    what: String
  ) throws(ParquetError) -> Int {
    guard let info = header.dataPage else { throw .corrupt("\(what): data page without its header") }
    let count = Int(info.numValues)
    return try decompressor.withDecompressed(
      body, codec: chunk.codec, size: Int(header.uncompressedPageSize), what: what
    ) { raw throws(ParquetError) in
      var position = 0
      if plan.maxRepetitionLevel > 0 {
        try checkLevelEncoding(info.repetitionLevelEncoding, "repetition", what)
        position += try decodePrefixedLevels(
          raw, from: position, max: plan.maxRepetitionLevel, count: count, into: &leaf.repetitionLevels,
          what: "repetition levels of \(what)")
      }
      var nonNull = count
      if plan.maxDefinitionLevel > 0 {
        try checkLevelEncoding(info.definitionLevelEncoding, "definition", what)
        let first = leaf.definitionLevels.count
        position += try decodePrefixedLevels(
          raw, from: position, max: plan.maxDefinitionLevel, count: count, into: &leaf.definitionLevels,
          what: "definition levels of \(what)")
        nonNull = try countPresent(leaf.definitionLevels, from: first, what: what)
      }
      try decodeValues(
        UnsafeRawBufferPointer(rebasing: raw[position...]), encoding: info.encoding, count: nonNull,
        dictionary: dictionary, into: &leaf.values, what: what)
      leaf.entries += count
      return count
    }
  }

  private func decodeDataPageV2(
    _ header: PageHeader, _ body: UnsafeRawBufferPointer, _ dictionary: Column?, _ leaf: inout LeafData,
    what: String
  ) throws(ParquetError) -> Int {
    guard let info = header.dataPageV2 else { throw .corrupt("\(what): data page v2 without its header") }
    let count = Int(info.numValues)
    let repetitionLength = Int(info.repetitionLevelsByteLength)
    let definitionLength = Int(info.definitionLevelsByteLength)
    guard repetitionLength + definitionLength <= body.count,
      repetitionLength + definitionLength <= Int(header.uncompressedPageSize)
    else { throw .corrupt("\(what): level sections are larger than the page") }
    if plan.maxRepetitionLevel > 0 {
      try RLEHybridDecoder.decode(
        UnsafeRawBufferPointer(rebasing: body[0..<repetitionLength]),
        bitWidth: bitWidth(of: UInt64(plan.maxRepetitionLevel)), count: count, into: &leaf.repetitionLevels,
        what: "repetition levels of \(what)")
      try checkMaximum(
        leaf.repetitionLevels, plan.maxRepetitionLevel, last: count, what: "repetition levels of \(what)")
    }
    var nonNull = count
    if plan.maxDefinitionLevel > 0 {
      let first = leaf.definitionLevels.count
      try RLEHybridDecoder.decode(
        UnsafeRawBufferPointer(rebasing: body[repetitionLength..<repetitionLength + definitionLength]),
        bitWidth: bitWidth(of: UInt64(plan.maxDefinitionLevel)), count: count, into: &leaf.definitionLevels,
        what: "definition levels of \(what)")
      nonNull = try countPresent(leaf.definitionLevels, from: first, what: what)
    }
    let valuesSection = UnsafeRawBufferPointer(rebasing: body[(repetitionLength + definitionLength)...])
    let valuesSize = Int(header.uncompressedPageSize) - repetitionLength - definitionLength
    let codec = info.isCompressed ? chunk.codec : .uncompressed
    try decompressor.withDecompressed(valuesSection, codec: codec, size: valuesSize, what: what) {
      raw throws(ParquetError) in
      try decodeValues(
        raw, encoding: info.encoding, count: nonNull, dictionary: dictionary, into: &leaf.values, what: what)
    }
    leaf.entries += count
    return count
  }

  private func checkLevelEncoding(_ encoding: Encoding, _ kind: String, _ what: String) throws(ParquetError) {
    guard encoding == .rle else {
      throw .unsupported("\(what): \(kind) levels encoded with \(encoding) (only RLE is supported)")
    }
  }

  /// Decodes a v1 level block (u32 length + hybrid runs); returns the bytes it takes.
  private func decodePrefixedLevels(
    _ raw: UnsafeRawBufferPointer, from start: Int, max: Int, count: Int, into levels: inout [UInt8],
    what: String
  ) throws(ParquetError) -> Int {
    guard raw.count - start >= 4 else { throw .truncated("\(what): missing length prefix") }
    let length = Int(raw.loadLittleEndian(at: start, as: UInt32.self))
    guard raw.count - start - 4 >= length else {
      throw .truncated("\(what): \(length) bytes declared, \(raw.count - start - 4) present")
    }
    try RLEHybridDecoder.decode(
      UnsafeRawBufferPointer(rebasing: raw[(start + 4)..<(start + 4 + length)]),
      bitWidth: bitWidth(of: UInt64(max)), count: count, into: &levels, what: what)
    try checkMaximum(levels, max, last: count, what: what)
    return 4 + length
  }

  private func checkMaximum(_ levels: [UInt8], _ max: Int, last count: Int, what: String) throws(ParquetError)
  {
    for level in levels[(levels.count - count)...] where Int(level) > max {
      throw .corrupt("\(what): level \(level) exceeds the maximum \(max)")
    }
  }

  /// Number of entries from `first` on whose definition level is the maximum (values present).
  private func countPresent(_ levels: [UInt8], from first: Int, what: String) throws(ParquetError) -> Int {
    let maximum = UInt8(plan.maxDefinitionLevel)
    var present = 0
    for index in first..<levels.count {
      let level = levels[index]
      if level == maximum {
        present += 1
      } else if level > maximum {
        throw .corrupt("\(what): definition level \(level) exceeds the maximum \(maximum)")
      }
    }
    return present
  }

  private func decodeValues(
    _ raw: UnsafeRawBufferPointer, encoding: Encoding, count: Int, dictionary: Column?,
    into values: inout Column,
    what: String
  ) throws(ParquetError) {
    switch encoding {
    case .plain:
      try PlainDecoder.decode(
        raw, count: count, physical: plan.physicalType, conversion: plan.conversion, into: &values, what: what
      )
    case .rleDictionary, .plainDictionary:
      guard let dictionary else {
        throw .corrupt("\(what): dictionary-encoded page without a dictionary page")
      }
      guard count > 0 else { return }
      guard raw.count >= 1 else { throw .truncated("\(what): missing dictionary index bit width") }
      var indices: [UInt32] = []
      try RLEHybridDecoder.decode(
        UnsafeRawBufferPointer(rebasing: raw[1...]), bitWidth: Int(raw[0]), count: count, into: &indices,
        what: "dictionary indices of \(what)")
      try PlainDecoder.gather(dictionary, indices, into: &values, what: what)
    case .rle where plan.physicalType == .boolean:
      guard raw.count >= 4 else { throw .truncated("\(what): RLE booleans without a length prefix") }
      let length = Int(raw.loadLittleEndian(at: 0, as: UInt32.self))
      guard raw.count - 4 >= length else { throw .truncated("\(what): RLE booleans cut off") }
      var bits: [UInt8] = []
      try RLEHybridDecoder.decode(
        UnsafeRawBufferPointer(rebasing: raw[4..<(4 + length)]), bitWidth: 1, count: count, into: &bits,
        what: "RLE booleans of \(what)")
      values.validity.append(contentsOf: repeatElement(true, count: count))
      values.boolValues.append(contentsOf: bits.lazy.map { $0 != 0 })
    case .deltaBinaryPacked where plan.physicalType == .int32 || plan.physicalType == .int64:
      try DeltaDecoder.integers(
        raw, count: count, physical: plan.physicalType, conversion: plan.conversion, into: &values, what: what
      )
    case .deltaLengthByteArray where plan.physicalType == .byteArray:
      try DeltaDecoder.byteArrays(raw, count: count, prefixes: false, into: &values, what: what)
    case .deltaByteArray where plan.physicalType == .byteArray:
      try DeltaDecoder.byteArrays(raw, count: count, prefixes: true, into: &values, what: what)
    case .byteStreamSplit:
      try DeltaDecoder.byteStreamSplit(
        raw, count: count, physical: plan.physicalType, conversion: plan.conversion, into: &values, what: what
      )
    default:
      throw .unsupported("\(what): encoding \(encoding) for \(plan.physicalType) values is not supported")
    }
  }
}
