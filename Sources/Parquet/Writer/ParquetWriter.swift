public import SluiceCore
import SluiceParallel

/// Writes one Parquet file into memory from record batches of a fixed schema.
///
/// `write` encodes and compresses pages as batches arrive and flushes a row group whenever its
/// PLAIN-equivalent size reaches ``ParquetWriterOptions/rowGroupBytes`` (splitting a batch when
/// needed). `finish` writes the footer and returns the whole file plus a summary with per-column
/// statistics. Data pages are v1; strings are dictionary-encoded when it pays. Not thread-safe.
public final class ParquetWriter {
  public let schema: Schema
  public let options: ParquetWriterOptions
  private let elements: [SchemaElement]
  private var encoders: [ColumnChunkEncoder]
  private let lanes: EncoderLanes
  private var output: [UInt8] = Array("PAR1".utf8)
  private var rowGroups: [RowGroup] = []
  private var rowGroupRows = 0
  private var totalRows: Int64 = 0
  private var fileStatistics: [LeafStatistics]
  private var fileNullRows: [Int64]
  private var finished = false
  private var failure: ParquetError?

  /// Throws `unsupported` for types the writer cannot map (nested lists) or codecs it cannot
  /// write (SNAPPY), `invalidArgument` for duplicate or empty field names.
  ///
  /// Big batches are encoded column by column on ``ParallelLoop/defaultLanes`` threads; the
  /// file is the same as with one thread.
  public convenience init(schema: Schema, options: ParquetWriterOptions = .init()) throws(ParquetError) {
    try self.init(schema: schema, options: options, lanes: ParallelLoop.defaultLanes)
  }

  /// A writer that encodes on up to `lanes` threads.
  init(schema: Schema, options: ParquetWriterOptions, lanes laneCount: Int) throws(ParquetError) {
    let (elements, leaves) = try LeafLayout.layouts(for: schema)
    let lanes = try EncoderLanes(compression: options.compression, lanes: laneCount)
    self.schema = schema
    self.options = options
    self.elements = elements
    self.lanes = lanes
    self.encoders = leaves.map {
      ColumnChunkEncoder(layout: $0, pageWriter: lanes.writers[0], options: options)
    }
    self.fileStatistics = Array(repeating: LeafStatistics(), count: leaves.count)
    self.fileNullRows = Array(repeating: 0, count: leaves.count)
  }

  /// Uncompressed (PLAIN-equivalent) bytes of the current row group, not yet flushed.
  public var bufferedBytes: Int { encoders.reduce(0) { $0 + $1.rowGroupPlainBytes } }

  /// Bytes of the file written so far (flushed row groups).
  public var flushedBytes: Int { output.count }

  /// Rows written so far (flushed and buffered).
  public var rowCount: Int64 { totalRows }

  /// Appends the rows of `batch`; its schema must equal the writer's.
  public func write(_ batch: RecordBatch) throws(ParquetError) {
    try checkUsable()
    try validate(batch)
    do {
      try encode(batch)
    } catch {
      failure = error
      throw error
    }
  }

  private func encode(_ batch: RecordBatch) throws(ParquetError) {
    let rows = batch.count
    var start = 0
    while start < rows {
      var end = rows
      let room = options.rowGroupBytes - bufferedBytes
      let size = Self.plainSize(batch, start..<rows)
      if size > room && rows - start > 1 {
        end = start + max(1, Int(Double(rows - start) * Double(max(room, 0)) / Double(size)))
      }
      let rows = start..<end
      let work = batch.columns.map { Self.plainSize($0, rows) }
      try lanes.run(&encoders, work: work) { encoder, index throws(ParquetError) in
        try encoder.append(batch.columns[index], rows: rows)
      }
      rowGroupRows += end - start
      totalRows += Int64(end - start)
      if bufferedBytes >= options.rowGroupBytes { try flushBufferedRows() }
      start = end
    }
  }

  /// Checks the batch before any of it is encoded, so a rejected batch leaves the file intact.
  private func validate(_ batch: RecordBatch) throws(ParquetError) {
    guard batch.schema == schema else {
      throw ParquetError(
        .schemaMismatch, "batch schema \(batch.schema) differs from the writer schema \(schema)")
    }
    let rows = batch.count
    for (field, column) in zip(schema.fields, batch.columns) {
      guard column.count == rows else {
        throw ParquetError(
          .schemaMismatch, "column \(field.name) has \(column.count) rows, the batch \(rows)")
      }
      if !field.nullable, let row = column.validity.firstIndex(of: false) {
        throw ParquetError(
          .schemaMismatch, "column \(field.name) is declared not null but row \(row) of the batch is null")
      }
      if field.type.isList, let element = column.children[0].validity.firstIndex(of: false) {
        let row = column.offsets.firstIndex { Int($0) > element }.map { $0 - 1 } ?? element
        throw ParquetError(
          .schemaMismatch,
          "list column \(field.name) has a null element in row \(row); list elements must be non-null")
      }
    }
  }

  private func checkUsable() throws(ParquetError) {
    if finished { throw ParquetError(.writerFinished, "ParquetWriter used after finish()") }
    if let failure {
      throw ParquetError(failure.code, "ParquetWriter failed earlier and cannot continue: \(failure.message)")
    }
  }

  /// Writes the buffered rows as a row group now (no-op when nothing is buffered).
  public func flushRowGroup() throws(ParquetError) {
    try checkUsable()
    do {
      try flushBufferedRows()
    } catch {
      failure = error
      throw error
    }
  }

  private func flushBufferedRows() throws(ParquetError) {
    guard rowGroupRows > 0 else { return }
    for index in encoders.indices {
      fileStatistics[index].merge(encoders[index].statistics)
      fileNullRows[index] += encoders[index].nullRows
    }
    rowGroups.append(
      try RowGroup.finishing(
        &encoders, lanes: lanes, rows: rowGroupRows, ordinal: rowGroups.count, into: &output))
    rowGroupRows = 0
  }

  /// Flushes the last row group, writes the footer and returns the file and its summary.
  public func finish() throws(ParquetError) -> (bytes: [UInt8], summary: ParquetFileSummary) {
    try flushRowGroup()
    finished = true
    let metadata = FileMetaData(
      version: 1, schema: elements, numRows: totalRows, rowGroups: rowGroups,
      keyValueMetadata: options.keyValueMetadata.map { KeyValue(key: $0.0, value: $0.1) },
      createdBy: options.createdBy, typeDefinedColumnOrders: encoders.count)
    let footer = metadata.encoded()
    output.append(contentsOf: footer)
    output.appendLittleEndian(UInt32(footer.count))
    output.append(contentsOf: Array("PAR1".utf8))
    var columns: [ColumnStatistics] = []
    for (index, encoder) in encoders.enumerated() {
      let layout = encoder.layout
      let bounds = layout.isList ? nil : fileStatistics[index].bounds(layout.valueType)
      columns.append(
        ColumnStatistics(name: layout.name, nullCount: fileNullRows[index], min: bounds?.0, max: bounds?.1))
    }
    let bytes = output
    output = []
    let summary = ParquetFileSummary(
      numRows: totalRows, byteCount: bytes.count, columns: columns, rowGroups: rowGroups.count)
    return (bytes, summary)
  }

  /// PLAIN-equivalent size of rows `range` of `batch`.
  static func plainSize(_ batch: RecordBatch, _ range: Range<Int>) -> Int {
    var total = 0
    for column in batch.columns { total += plainSize(column, range) }
    return total
  }

  static func plainSize(_ column: Column, _ range: Range<Int>) -> Int {
    guard !range.isEmpty else { return 0 }
    switch column.type {
    case .int32, .date: return 4 * range.count
    case .int64, .timestamp, .double: return 8 * range.count
    case .boolean: return (range.count + 7) / 8
    case .string:
      return Int(column.offsets[range.upperBound] - column.offsets[range.lowerBound]) + 4 * range.count
    case .list:
      let lower = Int(column.offsets[range.lowerBound])
      let upper = Int(column.offsets[range.upperBound])
      return plainSize(column.children[0], lower..<upper)
    }
  }
}
