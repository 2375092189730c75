import SluiceCore

/// Writes a Parquet file of nested records (structs, maps, lists) into memory — e.g. Delta Lake
/// checkpoints. Records are `[top-level field name: value]`; missing fields are null.
///
/// Layout follows the Parquet spec: structs are groups, lists are 3-level LIST groups
/// (`list` / `element`), maps are MAP groups (`key_value` / `key` / `value`, keys required).
/// Same options, codecs, page and row group sizing as ``ParquetWriter``. Not for hot paths.
public final class ParquetNestedWriter {
  public let fields: [NestedField]
  public let options: ParquetWriterOptions
  private let elements: [SchemaElement]
  private let roots: [NestedNode]
  private var shredder: RecordShredder
  private var encoders: [ColumnChunkEncoder]
  private let lanes: EncoderLanes
  private var output: [UInt8] = Array("PAR1".utf8)
  private var rowGroups: [RowGroup] = []
  private var rowGroupRows = 0
  private var totalRows: Int64 = 0
  private var finished = false

  public init(fields: [NestedField], options: ParquetWriterOptions = .init()) throws(ParquetError) {
    let (builder, roots) = try NestedSchemaBuilder.build(fields)
    let lanes = try EncoderLanes(compression: options.compression)
    self.lanes = lanes
    self.fields = fields
    self.options = options
    self.elements = builder.elements
    self.roots = roots
    self.shredder = RecordShredder(layouts: builder.leaves)
    self.encoders = builder.leaves.map {
      ColumnChunkEncoder(layout: $0, pageWriter: lanes.writers[0], options: options)
    }
  }

  /// Uncompressed (PLAIN-equivalent) bytes of the current row group.
  public var bufferedBytes: Int { encoders.reduce(0) { $0 + $1.rowGroupPlainBytes } }

  /// Appends records; a record that does not match the schema is rejected before any is written.
  public func write(_ records: [[String: NestedValue]]) throws(ParquetError) {
    guard !finished else { throw ParquetError(.writerFinished, "ParquetNestedWriter used after finish()") }
    shredder.reset()
    for (index, record) in records.enumerated() {
      for name in record.keys where !fields.contains(where: { $0.name == name }) {
        throw ParquetError(.schemaMismatch, "record \(index) has field \(name), which is not in the schema")
      }
      do {
        try shredder.shred(record, roots: roots)
      } catch {
        shredder.reset()
        throw ParquetError(error.code, "record \(index): \(error.message)")
      }
    }
    let leaves = shredder.leaves
    try lanes.run(&encoders, work: leaves.map { $0.entries + $0.values.bytes.count }) {
      encoder, index throws(ParquetError) in
      try encoder.appendShredded(leaves[index])
    }
    shredder.reset()
    rowGroupRows += records.count
    totalRows += Int64(records.count)
    if bufferedBytes >= options.rowGroupBytes { try flushRowGroup() }
  }

  /// Writes the buffered records as a row group now.
  public func flushRowGroup() throws(ParquetError) {
    guard rowGroupRows > 0 else { return }
    rowGroups.append(
      try RowGroup.finishing(
        &encoders, lanes: lanes, rows: rowGroupRows, ordinal: rowGroups.count, into: &output))
    rowGroupRows = 0
  }

  /// Writes the footer; returns the file and its row / row group counts (column statistics are
  /// only summarised for flat files).
  public func finish() throws(ParquetError) -> (bytes: [UInt8], summary: ParquetFileSummary) {
    guard !finished else { throw ParquetError(.writerFinished, "ParquetNestedWriter.finish called twice") }
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
    let bytes = output
    output = []
    return (
      bytes,
      ParquetFileSummary(numRows: totalRows, byteCount: bytes.count, columns: [], rowGroups: rowGroups.count)
    )
  }
}
