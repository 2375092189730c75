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
  /// Compresses this column's pages; ``EncoderLanes`` swaps in the writer of the thread that
  /// works on the column.
  var pageWriter: PageWriter
  let pageBytes: Int
  let dictionaryMaxBytes: Int
  let dictionaryAllowed: Bool

  // Current page.
  var definitionLevels: [UInt8] = []
  var repetitionLevels: [UInt8] = []
  var plainValues: [UInt8] = []
  var booleanValues: [UInt8] = []
  var indices: [UInt32] = []
  var pageEntries = 0
  var pagePlainBytes = 0
  var pageBody: [UInt8] = []

  // Current chunk.
  var dictionary = ByteDictionary()
  var dictionaryActive: Bool
  var dictionaryUsed = false
  var plainUsed = false
  var pagesWritten = 0
  var pages: [EncodedPage] = []
  /// The dictionary page, once ``sealChunk()`` built it.
  var sealedDictionaryPage: EncodedPage?
  var chunkEntries: Int64 = 0
  var chunkUncompressed = 0
  var chunkCompressed = 0
  /// PLAIN-equivalent bytes appended to the current row group.
  var rowGroupPlainBytes = 0
  var statistics = LeafStatistics()
  /// Null top-level slots in the current chunk (null lists for list columns).
  var nullRows: Int64 = 0

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
  mutating func appendFixedWidth<T: FixedWidthInteger & SignedInteger>(
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

  mutating func appendDoubles(_ values: [Double], _ validity: [Bool], _ start: Int, _ limit: Int)
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

  mutating func appendBooleans(_ values: [Bool], _ validity: [Bool], _ start: Int, _ limit: Int)
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

  mutating func appendStrings(_ column: Column, _ start: Int, _ limit: Int) -> Int {
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
  mutating func appendString(_ value: UnsafeRawBufferPointer) {
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
  mutating func appendRaw<T>(_ values: UnsafeBufferPointer<T>, _ range: Range<Int>) {
    guard !range.isEmpty else { return }
    plainValues.append(
      contentsOf: UnsafeRawBufferPointer(
        start: values.baseAddress! + range.lowerBound, count: range.count * MemoryLayout<T>.stride))
  }

  mutating func recordFlat(rows: Int, nulls: Int, plainBytes: Int) {
    pageEntries += rows
    pagePlainBytes += plainBytes
    rowGroupPlainBytes += plainBytes
    statistics.nullCount += Int64(nulls)
    nullRows += Int64(nulls)
  }
}
