import SluiceCore

/// The rows of a projected nested read (``ParquetNestedReader/rowCursor(paths:skipMissing:)``),
/// one at a time: ``next()`` returns the values of the selected fields in the next row,
/// `values[i]` for `paths[i]` — `.null` when the field or a struct above it is null (or when
/// it was skipped as missing).
///
/// Only one row group is decoded at a time and no struct above a selected field is built, which
/// makes this the cheap way to read a few members of many rows (e.g. the actions of a Delta
/// checkpoint). Not for hot paths.
public struct NestedRowCursor {
  private let bytes: [UInt8]
  private let rowGroups: [RowGroup]
  private let fields: [ProjectedField]
  private let plans: [Int: ColumnPlan]
  private let source: String
  private let decompressor = PageDecompressor()
  private var assembler: RecordAssembler?
  private var groupIndex = -1
  private var rowsLeft: Int64 = 0
  private var values: [NestedValue]

  init(
    bytes: [UInt8], rowGroups: [RowGroup], fields: [ProjectedField], plans: [Int: ColumnPlan], pathCount: Int,
    source: String
  ) {
    self.bytes = bytes
    self.rowGroups = rowGroups
    self.fields = fields
    self.plans = plans
    self.source = source
    values = [NestedValue](repeating: .null, count: pathCount)
  }

  /// The values of the next row; `nil` after the last row.
  public mutating func next() throws(ParquetError) -> [NestedValue]? {
    while rowsLeft == 0 {
      if let assembler, assembler.hasMore {
        throw .corrupt(
          "\(source): row group \(groupIndex) holds more entries than its \(rowGroups[groupIndex].numRows) rows"
        )
      }
      assembler = nil
      guard groupIndex + 1 < rowGroups.count else { return nil }
      groupIndex += 1
      let group = rowGroups[groupIndex]
      guard group.numRows >= 0 else {
        throw .corrupt("\(source): row group \(groupIndex) has \(group.numRows) rows")
      }
      assembler = try RecordAssembler(
        decoding: group, index: groupIndex, of: bytes, plans: plans, decompressor: decompressor)
      rowsLeft = group.numRows
    }
    for index in values.indices { values[index] = .null }
    try assembler!.assemble(fields, into: &values)
    try assembler!.checkRecordBoundary()
    rowsLeft -= 1
    return values
  }
}
