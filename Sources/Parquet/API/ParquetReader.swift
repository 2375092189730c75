public import SluiceCore

/// Reads a Parquet file held in memory into ``RecordBatch``es.
///
/// `init` decodes the footer and maps the schema to SluiceCore types: primitive columns
/// (BOOLEAN, INT32 [DATE], INT64 [TIMESTAMP millis/micros/nanos], INT96, FLOAT, DOUBLE,
/// BYTE_ARRAY with STRING/ENUM/JSON) and lists of those (3-level LIST with any element name,
/// 2-level and 1-level legacy forms). A column of another type makes `init` throw `unsupported`
/// naming the column and type, unless `skipUnsupportedColumns` is set (then it is left out of
/// ``schema`` and listed in ``skippedColumns``). Pages may be v1 or v2, PLAIN, RLE_DICTIONARY /
/// PLAIN_DICTIONARY or RLE (booleans), compressed with ZSTD, SNAPPY or not at all.
public struct ParquetReader: Sendable {
  private let bytes: [UInt8]
  private let metadata: FileMetaData
  private let plans: [ColumnPlan]
  private let source: String
  /// Top-level columns left out because their type is not supported, with the reason.
  public let skippedColumns: [(name: String, reason: String)]

  public init(bytes: [UInt8], skipUnsupportedColumns: Bool = false) throws(ParquetError) {
    try self.init(bytes: bytes, source: "the input", skipUnsupportedColumns: skipUnsupportedColumns)
  }

  /// Reads the whole file at `path` into memory, then parses its footer.
  public init(path: String, skipUnsupportedColumns: Bool = false) throws(ParquetError) {
    let bytes = try FileBytes.read(path)
    try self.init(bytes: bytes, source: path, skipUnsupportedColumns: skipUnsupportedColumns)
  }

  private init(bytes: [UInt8], source: String, skipUnsupportedColumns: Bool) throws(ParquetError) {
    let metadata = try FooterDecoder.decode(bytes, source: source)
    let tree = try SchemaTree(elements: metadata.schema)
    for (index, group) in metadata.rowGroups.enumerated() where group.columns.count != tree.leaves.count {
      throw .corrupt(
        "\(source): row group \(index) has \(group.columns.count) column chunks, the schema \(tree.leaves.count) leaves"
      )
    }
    var plans: [ColumnPlan] = []
    var skipped: [(String, String)] = []
    for node in tree.root.children {
      do {
        plans.append(try ColumnPlan.plan(node))
      } catch {
        guard skipUnsupportedColumns, error.code == .unsupported else { throw error }
        skipped.append((node.name, error.message))
      }
    }
    self.bytes = bytes
    self.metadata = metadata
    self.plans = plans
    self.source = source
    self.skippedColumns = skipped
  }

  /// The readable top-level columns as SluiceCore fields (REQUIRED → not null).
  public var schema: Schema { Schema(plans.map(\.field)) }
  public var numRows: Int64 { metadata.numRows }
  public var rowGroupCount: Int { metadata.rowGroups.count }
  public var keyValueMetadata: [(String, String)] {
    metadata.keyValueMetadata.map { ($0.key, $0.value ?? "") }
  }
  public var createdBy: String? { metadata.createdBy }
  /// Rows in row group `index`.
  public func rowCount(ofRowGroup index: Int) -> Int64 { metadata.rowGroups[index].numRows }

  /// Footer statistics per readable column, merged over row groups. `min`/`max` are nil when
  /// any row group lacks them, for INT96 timestamps and for list columns; `nullCount` is the
  /// sum of the chunks' `null_count` (for lists: leaf entries below the maximum definition level,
  /// i.e. null or empty lists and null elements).
  public func statistics() -> [ColumnStatistics] {
    plans.map { StatisticsDecoder.merged($0, metadata.rowGroups) }
  }

  /// Reads `columns` (all readable columns when nil) of every row group into one batch.
  public func read(columns: [String]? = nil) throws(ParquetError) -> RecordBatch {
    try read(rowGroups: Array(metadata.rowGroups.indices), columns: columns)
  }

  /// Reads `columns` (all readable columns when nil) of row group `index`.
  public func readRowGroup(_ index: Int, columns: [String]? = nil) throws(ParquetError) -> RecordBatch {
    guard metadata.rowGroups.indices.contains(index) else {
      throw ParquetError(
        .invalidArgument,
        "row group \(index) does not exist; \(source) has \(metadata.rowGroups.count) row groups")
    }
    return try read(rowGroups: [index], columns: columns)
  }

  private func read(rowGroups: [Int], columns: [String]?) throws(ParquetError) -> RecordBatch {
    let selected = try select(columns)
    let rows = rowGroups.reduce(0) { $0 + Int(metadata.rowGroups[$1].numRows) }
    let decompressor = PageDecompressor()
    var result: [Column] = []
    for plan in selected {
      var leaf = LeafData(valueType: plan.valueType)
      for group in rowGroups {
        let chunk = metadata.rowGroups[group].columns[plan.leafIndex].metaData
        if plan.maxRepetitionLevel == 0 && chunk.numValues != metadata.rowGroups[group].numRows {
          throw .corrupt(
            "\(source): column \(plan.field.name) holds \(chunk.numValues) values in row group \(group) "
              + "of \(metadata.rowGroups[group].numRows) rows")
        }
        let decoder = ChunkDecoder(
          file: bytes, plan: plan, chunk: chunk, rowGroup: group, decompressor: decompressor)
        try decoder.decode(into: &leaf)
      }
      result.append(try ColumnAssembler.assemble(leaf, plan, rows: rows))
    }
    return RecordBatch(unchecked: Schema(selected.map(\.field)), columns: result)
  }

  private func select(_ columns: [String]?) throws(ParquetError) -> [ColumnPlan] {
    guard let columns else { return plans }
    var selected: [ColumnPlan] = []
    for name in columns {
      guard let plan = plans.first(where: { $0.field.name == name }) else {
        if let skipped = skippedColumns.first(where: { $0.name == name }) {
          throw .unsupported(skipped.reason)
        }
        throw ParquetError(
          .columnNotFound,
          "column \(name) is not in \(source); it has \(plans.map(\.field.name).joined(separator: ", "))")
      }
      selected.append(plan)
    }
    return selected
  }
}
