/// Page and chunk output: dictionary decisions, page bodies, chunk layout and metadata.
extension ColumnChunkEncoder {
  // MARK: pages

  /// Whether the current (first) page is smaller dictionary-encoded than PLAIN.
  func dictionaryPays() -> Bool {
    let indexBytes = (indices.count * max(1, bitWidth(of: UInt64(max(dictionary.count - 1, 0)))) + 7) / 8
    return dictionary.plainSize + indexBytes < pagePlainBytes
  }

  /// Re-encodes the current page's dictionary indices as PLAIN and drops the dictionary.
  mutating func abandonDictionary() {
    plainValues.removeAll(keepingCapacity: true)
    plainValues.reserveCapacity(pagePlainBytes)
    for index in indices {
      dictionary.withEntry(Int(index)) { value in
        plainValues.appendLittleEndian(UInt32(truncatingIfNeeded: value.count))
        plainValues.append(contentsOf: value)
      }
    }
    indices.removeAll(keepingCapacity: true)
    dictionary = ByteDictionary()
    dictionaryActive = false
  }

  /// Writes the current page (if it has entries) to the chunk's page buffer.
  mutating func flushPage() throws(ParquetError) {
    guard pageEntries > 0 else { return }
    if dictionaryActive && pagesWritten == 0 && !dictionaryPays() { abandonDictionary() }
    pageBody.removeAll(keepingCapacity: true)
    if layout.maxRepetitionLevel > 0 {
      RLEHybridEncoder.encodeLengthPrefixed(
        repetitionLevels, bitWidth: bitWidth(of: UInt64(layout.maxRepetitionLevel)), into: &pageBody)
    }
    if layout.maxDefinitionLevel > 0 {
      RLEHybridEncoder.encodeLengthPrefixed(
        definitionLevels, bitWidth: bitWidth(of: UInt64(layout.maxDefinitionLevel)), into: &pageBody)
    }
    let encoding: Encoding
    if dictionaryActive {
      encoding = .rleDictionary
      let width = bitWidth(of: UInt64(max(dictionary.count - 1, 0)))
      pageBody.append(UInt8(width))
      RLEHybridEncoder.encode(indices, bitWidth: width, into: &pageBody)
      dictionaryUsed = true
    } else {
      encoding = .plain
      plainUsed = true
      if layout.valueType == .boolean {
        Self.packBits(booleanValues, into: &pageBody)
      }
    }
    var header = PageHeader(type: .dataPage, uncompressedPageSize: 0, compressedPageSize: 0)
    header.dataPage = PageHeader.DataPage(
      numValues: Int32(pageEntries), encoding: encoding, definitionLevelEncoding: .rle,
      repetitionLevelEncoding: .rle)
    let valuesFollow = encoding == .plain && layout.valueType != .boolean
    let page = try pageBody.withParquetBytes { head throws(ParquetError) in
      try plainValues.withParquetBytes { values throws(ParquetError) in
        try pageWriter.page(header, parts: valuesFollow ? [head, values] : [head])
      }
    }
    pages.append(page)
    chunkUncompressed += page.uncompressedSize
    chunkCompressed += page.compressedSize
    chunkEntries += Int64(pageEntries)
    pagesWritten += 1
    definitionLevels.removeAll(keepingCapacity: true)
    repetitionLevels.removeAll(keepingCapacity: true)
    plainValues.removeAll(keepingCapacity: true)
    booleanValues.removeAll(keepingCapacity: true)
    indices.removeAll(keepingCapacity: true)
    pageEntries = 0
    pagePlainBytes = 0
    if dictionaryActive && dictionary.plainSize > dictionaryMaxBytes { dictionaryActive = false }
  }

  static func packBits(_ bits: [UInt8], into output: inout [UInt8]) {
    var byte: UInt8 = 0
    for (index, bit) in bits.enumerated() {
      byte |= bit << UInt8(index & 7)
      if index & 7 == 7 {
        output.append(byte)
        byte = 0
      }
    }
    if bits.count & 7 != 0 { output.append(byte) }
  }

  // MARK: chunks

  /// Upper bound of the bytes ``writeChunk(into:)`` will append once the chunk is sealed.
  var pendingChunkBytes: Int {
    chunkCompressed + (dictionaryUsed || dictionaryActive ? dictionary.plainSize + 64 : 0) + pagePlainBytes
      + definitionLevels.count + 64
  }

  /// Flushes the open page and builds the dictionary page: the encoding and compression work
  /// of finishing the chunk, independent of other columns (``EncoderLanes`` runs it in
  /// parallel). ``writeChunk(into:)`` then lays the chunk out.
  mutating func sealChunk() throws(ParquetError) {
    try flushPage()
    guard dictionaryUsed else { return }
    pageBody.removeAll(keepingCapacity: true)
    dictionary.plainEncoded(into: &pageBody)
    var header = PageHeader(type: .dictionaryPage, uncompressedPageSize: 0, compressedPageSize: 0)
    header.dictionaryPage = PageHeader.DictionaryPage(numValues: Int32(dictionary.count), encoding: .plain)
    sealedDictionaryPage = try pageBody.withParquetBytes { body throws(ParquetError) in
      try pageWriter.page(header, parts: [body])
    }
  }

  /// Appends the sealed chunk (dictionary page, then data pages) to `output` — the whole file
  /// so far — and resets for the next row group. Returns the chunk's metadata.
  mutating func writeChunk(into output: inout [UInt8]) -> ColumnChunk {
    let chunkStart = output.count
    var uncompressed = chunkUncompressed
    var compressed = chunkCompressed
    var dictionaryOffset: Int64?
    if let page = sealedDictionaryPage {
      uncompressed += page.uncompressedSize
      compressed += page.compressedSize
      dictionaryOffset = Int64(chunkStart)
    }
    output.reserveCapacity(chunkStart + compressed)
    if let page = sealedDictionaryPage {
      output.append(contentsOf: page.header)
      output.append(contentsOf: page.body)
    }
    let dataOffset = output.count
    for page in pages {
      output.append(contentsOf: page.header)
      output.append(contentsOf: page.body)
    }
    var encodings: [Encoding] = []
    if plainUsed || dictionaryUsed { encodings.append(.plain) }
    if layout.maxDefinitionLevel > 0 || layout.maxRepetitionLevel > 0 || dictionaryUsed {
      encodings.append(.rle)
    }
    if dictionaryUsed { encodings.append(.rleDictionary) }
    let metaData = ColumnMetaData(
      type: layout.physicalType, encodings: encodings, pathInSchema: layout.path, codec: pageWriter.codec,
      numValues: chunkEntries, totalUncompressedSize: Int64(uncompressed),
      totalCompressedSize: Int64(compressed), dataPageOffset: Int64(dataOffset),
      dictionaryPageOffset: dictionaryOffset,
      statistics: statistics.chunkStatistics(valueType: layout.valueType))
    resetChunk()
    return ColumnChunk(fileOffset: Int64(chunkStart), metaData: metaData)
  }

  mutating func resetChunk() {
    dictionary = ByteDictionary()
    sealedDictionaryPage = nil
    dictionaryActive = dictionaryAllowed
    dictionaryUsed = false
    plainUsed = false
    pagesWritten = 0
    pages.removeAll()
    chunkEntries = 0
    chunkUncompressed = 0
    chunkCompressed = 0
    rowGroupPlainBytes = 0
    statistics = LeafStatistics()
    nullRows = 0
  }
}
