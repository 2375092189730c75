import SluiceCore

/// Reads a Parquet file of nested records (structs, maps, lists at any depth) — e.g. Delta Lake
/// checkpoints written by Spark, delta-rs or ``ParquetNestedWriter``.
///
/// Records come back as `[top-level field name: value]`. Primitive leaves map as in
/// ``ParquetReader`` (a leaf of an unsupported type, e.g. DECIMAL, fails when its field is read
/// and when it appears in ``fields``: use `columns` to read the others). Not for hot paths.
public struct ParquetNestedReader: Sendable {
  private let bytes: [UInt8]
  private let metadata: FileMetaData
  private let tree: SchemaTree
  private let source: String

  public init(bytes: [UInt8]) throws(ParquetError) {
    try self.init(bytes: bytes, source: "the input")
  }

  public init(path: String) throws(ParquetError) {
    try self.init(bytes: try FileBytes.read(path), source: path)
  }

  private init(bytes: [UInt8], source: String) throws(ParquetError) {
    let metadata = try FooterDecoder.decode(bytes, source: source)
    let tree = try SchemaTree(elements: metadata.schema)
    for (index, group) in metadata.rowGroups.enumerated() where group.columns.count != tree.leaves.count {
      throw .corrupt(
        "\(source): row group \(index) has \(group.columns.count) column chunks, the schema \(tree.leaves.count) leaves"
      )
    }
    self.bytes = bytes
    self.metadata = metadata
    self.tree = tree
    self.source = source
  }

  public var numRows: Int64 { metadata.numRows }
  public var rowGroupCount: Int { metadata.rowGroups.count }
  public var createdBy: String? { metadata.createdBy }
  public var keyValueMetadata: [(String, String)] {
    metadata.keyValueMetadata.map { ($0.key, $0.value ?? "") }
  }
  /// Names of the top-level fields, in file order.
  public var fieldNames: [String] { tree.root.children.map(\.name) }

  /// The nested schema of the top-level fields (throws `unsupported` naming a field whose
  /// type cannot be mapped).
  public func fields() throws(ParquetError) -> [NestedField] {
    var mapper = NestedSchemaReader()
    var result: [NestedField] = []
    for child in tree.root.children { result.append(try mapper.map(child).0) }
    return result
  }

  /// Reads `columns` (top-level field names; all when nil) of every row group.
  public func readRecords(columns: [String]? = nil) throws(ParquetError) -> [[String: NestedValue]] {
    var mapper = NestedSchemaReader()
    var roots: [NestedNode] = []
    for name in columns ?? fieldNames {
      guard let child = tree.root.children.first(where: { $0.name == name }) else {
        throw ParquetError(
          .columnNotFound, "field \(name) is not in \(source); it has \(fieldNames.joined(separator: ", "))")
      }
      roots.append(try mapper.map(child).1)
    }
    return try assemble(roots, plans: mapper.plans)
  }

  /// Reads only the fields at `paths` of every row group. A path names a top-level field, or a
  /// member of a struct below one (`["add", "path"]`, `["add", "deletionVector", "storageType"]`),
  /// and takes that field whole; the structs on the way hold only their selected members. Only
  /// the leaves under the selection are decoded, so fields outside it cost nothing and may be of
  /// types Sluice cannot read (e.g. DECIMAL statistics).
  ///
  /// A path not in the file throws `columnNotFound`, unless `skipMissing`: then it is left out
  /// (and reads as `.null` through ``NestedValue`` subscripts), as is a struct none of whose
  /// selected members exist. Paths cannot descend into lists or maps (`invalidArgument`).
  public func readRecords(paths: [[String]], skipMissing: Bool = false) throws(ParquetError)
    -> [[String: NestedValue]]
  {
    var mapper = NestedSchemaReader()
    let members = try mapper.mapMembers(
      of: tree.root, selection: try FieldSelection(paths: paths), skipMissing: skipMissing, source: source)
    return try assemble(members.map(\.node), plans: mapper.plans)
  }

  /// Reads the fields at `paths` one row at a time: see ``NestedRowCursor``. Paths and
  /// `skipMissing` work as in ``readRecords(paths:skipMissing:)`` (a skipped path reads as
  /// `.null` in every row), but paths may not overlap (one equal to or a prefix of another:
  /// `invalidArgument`).
  public func rowCursor(paths: [[String]], skipMissing: Bool = false) throws(ParquetError) -> NestedRowCursor
  {
    let selection = try FieldSelection(paths: paths)
    guard !selection.overlapping else {
      throw ParquetError(
        .invalidArgument,
        "field paths \(paths) overlap (one equals or contains another); read each field once")
    }
    var mapper = NestedSchemaReader()
    let fields = try mapper.mapMembers(
      of: tree.root, selection: selection, skipMissing: skipMissing, source: source)
    return NestedRowCursor(
      bytes: bytes, rowGroups: metadata.rowGroups, fields: fields, plans: mapper.plans,
      pathCount: paths.count,
      source: source)
  }

  /// Decodes the leaves in `plans` of every row group and assembles a record of `roots` per row.
  private func assemble(_ roots: [NestedNode], plans: [Int: ColumnPlan]) throws(ParquetError)
    -> [[String: NestedValue]]
  {
    var records: [[String: NestedValue]] = []
    records.reserveCapacity(Int(clamping: metadata.numRows))
    let decompressor = PageDecompressor()
    for (groupIndex, group) in metadata.rowGroups.enumerated() {
      var assembler = try RecordAssembler(
        decoding: group, index: groupIndex, of: bytes, plans: plans, decompressor: decompressor)
      for _ in 0..<group.numRows {
        var record: [String: NestedValue] = [:]
        record.reserveCapacity(roots.count)
        for root in roots { record[root.name] = try assembler.assemble(root) }
        try assembler.checkRecordBoundary()
        records.append(record)
      }
      if assembler.hasMore {
        throw .corrupt("\(source): row group \(groupIndex) holds more entries than its \(group.numRows) rows")
      }
    }
    return records
  }
}
