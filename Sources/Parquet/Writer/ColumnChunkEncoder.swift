import SluiceCore

#if _endian(big)
  #error("the Parquet encoder copies value buffers as little-endian bytes")
#endif

/// Encodes one leaf column of the current row group into data pages (v1) and, at the end of the
/// row group, into a column chunk: optional dictionary page, data pages, ``ColumnMetaData``.
///
/// Values come straight from ``Column`` buffers (no per-cell `Value`). Pages are cut at row
/// boundaries once their PLAIN-equivalent size reaches `pageBytes`. String columns start in
/// dictionary mode; the first page decides whether the dictionary pays (else the page is
/// re-encoded PLAIN and the chunk stays PLAIN), and a dictionary that outgrows
/// `dictionaryMaxBytes` switches the rest of the chunk to PLAIN.
struct ColumnChunkEncoder {
  let layout: LeafLayout
  private let pageWriter: PageWriter
  private let pageBytes: Int
  private let dictionaryMaxBytes: Int
  private let dictionaryAllowed: Bool

  // Current page.
  private var definitionLevels: [UInt8] = []
  private var repetitionLevels: [UInt8] = []
  private var plainValues: [UInt8] = []
  private var booleanValues: [UInt8] = []
  private var indices: [UInt32] = []
  private var pageEntries = 0
  private var pagePlainBytes = 0
  private var pageBody: [UInt8] = []

  // Current chunk.
  private var dictionary = ByteDictionary()
  private var dictionaryActive: Bool
  private var dictionaryUsed = false
  private var plainUsed = false
  private var pagesWritten = 0
  private var pages: [EncodedPage] = []
  private var chunkEntries: Int64 = 0
  private var chunkUncompressed = 0
  private var chunkCompressed = 0
  /// PLAIN-equivalent bytes appended to the current row group.
  private(set) var rowGroupPlainBytes = 0
  private(set) var statistics = LeafStatistics()
  /// Null top-level slots in the current chunk (null lists for list columns).
  private(set) var nullRows: Int64 = 0

  init(layout: LeafLayout, pageWriter: PageWriter, options: ParquetWriterOptions) {
    self.layout = layout
    self.pageWriter = pageWriter
    self.pageBytes = max(1, options.pageBytes)
    self.dictionaryMaxBytes = max(0, options.dictionaryMaxBytes)
    self.dictionaryAllowed = options.dictionary && layout.valueType == .string
    self.dictionaryActive = dictionaryAllowed
  }

  // MARK: appending rows

  /// Appends rows `rows` of `column` (the field's column of a batch).
  mutating func append(_ column: Column, rows: Range<Int>) throws(ParquetError) {
    if layout.isList {
      try appendLists(column, rows: rows)
      return
    }
    var start = rows.lowerBound
    while start < rows.upperBound {
      let end: Int
      switch layout.valueType {
      case .int32, .date: end = appendFixedWidth(column.int32Values, column.validity, start, rows.upperBound)
      case .int64, .timestamp:
        end = appendFixedWidth(column.int64Values, column.validity, start, rows.upperBound)
      case .double: end = appendDoubles(column.doubleValues, column.validity, start, rows.upperBound)
      case .boolean: end = appendBooleans(column.boolValues, column.validity, start, rows.upperBound)
      case .string: end = appendStrings(column, start, rows.upperBound)
      case .list: end = rows.upperBound
      }
      if end < 0 {
        throw ParquetError(
          .schemaMismatch,
          "column \(layout.name) is declared not null but row \(-end - 1) of the batch is null")
      }
      if pagePlainBytes >= pageBytes || (dictionaryActive && dictionary.plainSize > dictionaryMaxBytes) {
        try flushPage()
      }
      start = end
    }
  }

  /// Encodes rows `start..<limit` of a fixed-width integer column until the page is full; returns
  /// the next row, or `-(row + 1)` for a null in a required column.
  private mutating func appendFixedWidth<T: FixedWidthInteger & SignedInteger>(
    _ values: [T], _ validity: [Bool], _ start: Int, _ limit: Int
  ) -> Int {
    let width = MemoryLayout<T>.size
    let end = min(limit, start + max(1, (pageBytes - pagePlainBytes + width - 1) / width))
    let nullable = layout.nullable
    var low = T.max
    var high = T.min
    var nulls = 0
    var failedRow = -1
    values.withUnsafeBufferPointer { values in
      validity.withUnsafeBufferPointer { valid in
        var runStart = start
        for row in start..<end {
          if valid[row] {
            let value = values[row]
            if value < low { low = value }
            if value > high { high = value }
            if nullable { definitionLevels.append(1) }
          } else {
            guard nullable else {
              failedRow = row
              return
            }
            definitionLevels.append(0)
            nulls += 1
            appendRaw(values, runStart..<row)
            runStart = row + 1
          }
        }
        appendRaw(values, runStart..<end)
      }
    }
    if failedRow >= 0 { return -(failedRow + 1) }
    if nulls < end - start { statistics.add(intMin: Int64(low), intMax: Int64(high)) }
    recordFlat(rows: end - start, nulls: nulls, plainBytes: (end - start - nulls) * width)
    return end
  }

  private mutating func appendDoubles(_ values: [Double], _ validity: [Bool], _ start: Int, _ limit: Int)
    -> Int
  {
    let end = min(limit, start + max(1, (pageBytes - pagePlainBytes + 7) / 8))
    let nullable = layout.nullable
    var low = Double.infinity
    var high = -Double.infinity
    var nulls = 0
    var failedRow = -1
    values.withUnsafeBufferPointer { values in
      validity.withUnsafeBufferPointer { valid in
        var runStart = start
        for row in start..<end {
          if valid[row] {
            let value = values[row]
            if value < low || (value == 0 && low == 0 && value.sign == .minus) { low = value }
            if value > high || (value == 0 && high == 0 && value.sign == .plus) { high = value }
            if nullable { definitionLevels.append(1) }
          } else {
            guard nullable else {
              failedRow = row
              return
            }
            definitionLevels.append(0)
            nulls += 1
            appendRaw(values, runStart..<row)
            runStart = row + 1
          }
        }
        appendRaw(values, runStart..<end)
      }
    }
    if failedRow >= 0 { return -(failedRow + 1) }
    if low <= high { statistics.add(doubleMin: low, doubleMax: high) }
    recordFlat(rows: end - start, nulls: nulls, plainBytes: (end - start - nulls) * 8)
    return end
  }

  private mutating func appendBooleans(_ values: [Bool], _ validity: [Bool], _ start: Int, _ limit: Int)
    -> Int
  {
    let end = min(limit, start + max(1, (pageBytes - pagePlainBytes) * 8))
    var nulls = 0
    for row in start..<end {
      if validity[row] {
        booleanValues.append(values[row] ? 1 : 0)
        statistics.add(bool: values[row])
        if layout.nullable { definitionLevels.append(1) }
      } else {
        guard layout.nullable else { return -(row + 1) }
        definitionLevels.append(0)
        nulls += 1
      }
    }
    recordFlat(rows: end - start, nulls: nulls, plainBytes: (end - start - nulls + 7) / 8)
    return end
  }

  private mutating func appendStrings(_ column: Column, _ start: Int, _ limit: Int) -> Int {
    let nullable = layout.nullable
    var row = start
    var nulls = 0
    var failedRow = -1
    column.bytes.withUnsafeBytes { bytes in
      column.offsets.withUnsafeBufferPointer { offsets in
        column.validity.withUnsafeBufferPointer { valid in
          while row < limit {
            if valid[row] {
              if nullable { definitionLevels.append(1) }
              let value = UnsafeRawBufferPointer(rebasing: bytes[Int(offsets[row])..<Int(offsets[row + 1])])
              appendString(value)
            } else {
              guard nullable else {
                failedRow = row
                return
              }
              definitionLevels.append(0)
              nulls += 1
            }
            row += 1
            if pagePlainBytes >= pageBytes { return }
            if dictionaryActive && dictionary.plainSize > dictionaryMaxBytes { return }
          }
        }
      }
    }
    if failedRow >= 0 { return -(failedRow + 1) }
    recordFlat(rows: row - start, nulls: nulls, plainBytes: 0)
    return row
  }

  @inline(__always)
  private mutating func appendString(_ value: UnsafeRawBufferPointer) {
    pagePlainBytes += 4 + value.count
    rowGroupPlainBytes += 4 + value.count
    if dictionaryActive {
      let (index, inserted) = dictionary.index(of: value)
      indices.append(index)
      if inserted { statistics.add(bytes: value) }
    } else {
      plainValues.appendLittleEndian(UInt32(truncatingIfNeeded: value.count))
      plainValues.append(contentsOf: value)
      statistics.add(bytes: value)
    }
  }

  @inline(__always)
  private mutating func appendRaw<T>(_ values: UnsafeBufferPointer<T>, _ range: Range<Int>) {
    guard !range.isEmpty else { return }
    plainValues.append(
      contentsOf: UnsafeRawBufferPointer(
        start: values.baseAddress! + range.lowerBound, count: range.count * MemoryLayout<T>.stride))
  }

  private mutating func recordFlat(rows: Int, nulls: Int, plainBytes: Int) {
    pageEntries += rows
    pagePlainBytes += plainBytes
    rowGroupPlainBytes += plainBytes
    statistics.nullCount += Int64(nulls)
    nullRows += Int64(nulls)
  }

  // MARK: shredded (nested) leaves

  /// Appends shredded entries of whole records: levels, and dense values for the entries at the
  /// maximum definition level. Pages are cut between records.
  mutating func appendShredded(_ data: LeafData) throws(ParquetError) {
    let maxDefinition = UInt8(layout.maxDefinitionLevel)
    let hasRepetition = layout.maxRepetitionLevel > 0
    let hasDefinition = layout.maxDefinitionLevel > 0
    var entry = 0
    var value = 0
    while entry < data.entries {
      var end = entry + 1
      if hasRepetition {
        while end < data.entries && data.repetitionLevels[end] != 0 { end += 1 }
      }
      var present = 0
      for index in entry..<end {
        if hasRepetition { repetitionLevels.append(data.repetitionLevels[index]) }
        if hasDefinition {
          let level = data.definitionLevels[index]
          definitionLevels.append(level)
          if level == maxDefinition { present += 1 } else { statistics.nullCount += 1 }
        } else {
          present += 1
        }
      }
      pageEntries += end - entry
      if present > 0 { appendElements(data.values, value..<(value + present)) }
      value += present
      entry = end
      if pagePlainBytes >= pageBytes || (dictionaryActive && dictionary.plainSize > dictionaryMaxBytes) {
        try flushPage()
      }
    }
  }

  // MARK: lists

  private mutating func appendLists(_ column: Column, rows: Range<Int>) throws(ParquetError) {
    let child = column.children[0]
    let maxDefinition = UInt8(layout.maxDefinitionLevel)
    for row in rows {
      guard column.validity[row] else {
        guard layout.nullable else {
          throw ParquetError(
            .schemaMismatch,
            "list column \(layout.name) is declared not null but row \(row) of the batch is null")
        }
        repetitionLevels.append(0)
        definitionLevels.append(0)
        pageEntries += 1
        statistics.nullCount += 1
        nullRows += 1
        continue
      }
      let range = column.listRange(at: row)
      if range.isEmpty {
        repetitionLevels.append(0)
        definitionLevels.append(maxDefinition - 1)
        pageEntries += 1
        statistics.nullCount += 1
      } else {
        for element in range {
          guard child.validity[element] else {
            throw ParquetError(
              .schemaMismatch,
              "list column \(layout.name) has a null element in row \(row); list elements must be non-null")
          }
          repetitionLevels.append(element == range.lowerBound ? 0 : 1)
          definitionLevels.append(maxDefinition)
        }
        pageEntries += range.count
        appendElements(child, range)
      }
      if pagePlainBytes >= pageBytes || (dictionaryActive && dictionary.plainSize > dictionaryMaxBytes) {
        try flushPage()
      }
    }
  }

  private mutating func appendElements(_ child: Column, _ range: Range<Int>) {
    let before = pagePlainBytes
    switch layout.valueType {
    case .int32, .date:
      var low = Int32.max
      var high = Int32.min
      for index in range {
        let value = child.int32Values[index]
        plainValues.appendLittleEndian(value)
        low = min(low, value)
        high = max(high, value)
      }
      statistics.add(intMin: Int64(low), intMax: Int64(high))
      pagePlainBytes += 4 * range.count
    case .int64, .timestamp:
      var low = Int64.max
      var high = Int64.min
      for index in range {
        let value = child.int64Values[index]
        plainValues.appendLittleEndian(value)
        low = min(low, value)
        high = max(high, value)
      }
      statistics.add(intMin: low, intMax: high)
      pagePlainBytes += 8 * range.count
    case .double:
      for index in range {
        let value = child.doubleValues[index]
        plainValues.appendLittleEndian(value.bitPattern)
        if !value.isNaN { statistics.add(doubleMin: value, doubleMax: value) }
      }
      pagePlainBytes += 8 * range.count
    case .boolean:
      for index in range {
        booleanValues.append(child.boolValues[index] ? 1 : 0)
        statistics.add(bool: child.boolValues[index])
      }
      pagePlainBytes += (range.count + 7) / 8
    case .string:
      for index in range {
        child.stringBytes(at: index).withUnsafeBytes { appendString($0) }
      }
      return
    case .list:
      return
    }
    rowGroupPlainBytes += pagePlainBytes - before
  }

  // MARK: pages

  /// Whether the current (first) page is smaller dictionary-encoded than PLAIN.
  private func dictionaryPays() -> Bool {
    let indexBytes = (indices.count * max(1, bitWidth(of: UInt64(max(dictionary.count - 1, 0)))) + 7) / 8
    return dictionary.plainSize + indexBytes < pagePlainBytes
  }

  /// Re-encodes the current page's dictionary indices as PLAIN and drops the dictionary.
  private mutating func abandonDictionary() {
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

  private static func packBits(_ bits: [UInt8], into output: inout [UInt8]) {
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

  /// Upper bound of the bytes ``finishChunk(into:)`` will append once the open page is flushed.
  var pendingChunkBytes: Int {
    chunkCompressed + (dictionaryUsed || dictionaryActive ? dictionary.plainSize + 64 : 0) + pagePlainBytes
      + definitionLevels.count + 64
  }

  /// Appends the chunk (dictionary page, then data pages) to `output` — the whole file so far —
  /// and resets for the next row group. Returns the chunk's metadata.
  mutating func finishChunk(into output: inout [UInt8]) throws(ParquetError) -> ColumnChunk {
    try flushPage()
    let chunkStart = output.count
    var uncompressed = chunkUncompressed
    var compressed = chunkCompressed
    var dictionaryOffset: Int64?
    var dictionaryPage: EncodedPage?
    if dictionaryUsed {
      pageBody.removeAll(keepingCapacity: true)
      dictionary.plainEncoded(into: &pageBody)
      var header = PageHeader(type: .dictionaryPage, uncompressedPageSize: 0, compressedPageSize: 0)
      header.dictionaryPage = PageHeader.DictionaryPage(numValues: Int32(dictionary.count), encoding: .plain)
      let page = try pageBody.withParquetBytes { body throws(ParquetError) in
        try pageWriter.page(header, parts: [body])
      }
      uncompressed += page.uncompressedSize
      compressed += page.compressedSize
      dictionaryOffset = Int64(chunkStart)
      dictionaryPage = page
    }
    output.reserveCapacity(chunkStart + compressed)
    if let dictionaryPage {
      output.append(contentsOf: dictionaryPage.header)
      output.append(contentsOf: dictionaryPage.body)
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

  private mutating func resetChunk() {
    dictionary = ByteDictionary()
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
