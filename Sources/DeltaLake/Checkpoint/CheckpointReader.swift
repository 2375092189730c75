import Parquet
import SluiceCore

/// Reads a classic single-file checkpoint (`NNN.checkpoint.parquet`) into actions: per row, in
/// row order, its `add`, `remove`, `metaData`, `protocol` and `txn` (usually one of them). Only
/// the fields of ``CheckpointColumn`` are decoded. Every failure is a `corruptCheckpoint` error
/// naming the file.
enum CheckpointReader {
  static func actions(from bytes: [UInt8], name: String) throws(DeltaError) -> [DeltaAction] {
    var cursor: NestedRowCursor
    var actions: [DeltaAction] = []
    do {
      let reader = try ParquetNestedReader(bytes: bytes)
      actions.reserveCapacity(Int(clamping: reader.numRows))
      cursor = try reader.rowCursor(paths: CheckpointColumn.paths, skipMissing: true)
    } catch {
      throw DeltaError.corruptCheckpoint(name, error.message)
    }
    var row = 0
    while true {
      let values: [NestedValue]?
      do {
        values = try cursor.next()
      } catch {
        throw DeltaError.corruptCheckpoint(name, "reading row \(row): \(error.message)")
      }
      guard let values else { return actions }
      try append(CheckpointRow(values: values, row: row, file: name), to: &actions)
      row += 1
    }
  }

  /// Appends the actions the row holds.
  static func append(_ row: CheckpointRow, to actions: inout [DeltaAction]) throws(DeltaError) {
    if row.has(.addPath) { actions.append(.add(try add(row))) }
    if row.has(.removePath) { actions.append(.remove(try remove(row))) }
    if row.has(.metaDataId) { actions.append(.metaData(try metaData(row))) }
    if row.has(.protocolMinReaderVersion) { actions.append(.protocol(try protocolAction(row))) }
    if row.has(.txnAppId) { actions.append(.txn(try txn(row))) }
  }

  static func add(_ row: CheckpointRow) throws(DeltaError) -> AddAction {
    AddAction(
      path: try row.string(.addPath), partitionValues: try row.map(.addPartitionValues) ?? [:],
      size: try row.int(.addSize), modificationTime: try row.optionalInt(.addModificationTime) ?? 0,
      dataChange: try row.optionalBool(.addDataChange) ?? true, stats: try row.optionalString(.addStats),
      tags: try row.map(.addTags), hasDeletionVector: row.has(.addDeletionVectorStorageType))
  }

  static func remove(_ row: CheckpointRow) throws(DeltaError) -> RemoveAction {
    RemoveAction(
      path: try row.string(.removePath), deletionTimestamp: try row.optionalInt(.removeDeletionTimestamp),
      dataChange: try row.optionalBool(.removeDataChange) ?? true,
      extendedFileMetadata: try row.optionalBool(.removeExtendedFileMetadata),
      partitionValues: try row.map(.removePartitionValues), size: try row.optionalInt(.removeSize))
  }

  static func metaData(_ row: CheckpointRow) throws(DeltaError) -> MetadataAction {
    MetadataAction(
      id: try row.string(.metaDataId), name: try row.optionalString(.metaDataName),
      description: try row.optionalString(.metaDataDescription),
      formatProvider: try row.optionalString(.metaDataFormatProvider) ?? "parquet",
      formatOptions: try row.map(.metaDataFormatOptions) ?? [:],
      schemaString: try row.string(.metaDataSchemaString),
      partitionColumns: try row.strings(.metaDataPartitionColumns) ?? [],
      configuration: try row.map(.metaDataConfiguration) ?? [:],
      createdTime: try row.optionalInt(.metaDataCreatedTime))
  }

  static func protocolAction(_ row: CheckpointRow) throws(DeltaError) -> ProtocolAction {
    ProtocolAction(
      minReaderVersion: Int32(truncatingIfNeeded: try row.int(.protocolMinReaderVersion)),
      minWriterVersion: Int32(truncatingIfNeeded: try row.int(.protocolMinWriterVersion)),
      readerFeatures: try row.strings(.protocolReaderFeatures),
      writerFeatures: try row.strings(.protocolWriterFeatures))
  }

  static func txn(_ row: CheckpointRow) throws(DeltaError) -> TransactionAction {
    TransactionAction(
      appId: try row.string(.txnAppId), version: try row.int(.txnVersion),
      lastUpdated: try row.optionalInt(.txnLastUpdated))
  }
}
