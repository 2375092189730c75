import Parquet
import SluiceCore

/// Reads a classic single-file checkpoint (`NNN.checkpoint.parquet`) into actions, one per
/// non-null `add`, `remove`, `metaData`, `protocol` or `txn` struct, in row order. Only the
/// fields listed in ``CheckpointSchema/readPaths`` are decoded (others, like `stats_parsed`,
/// `domainMetadata` and `sidecar`, are ignored); fields missing from the file read as null, as
/// the protocol allows. Every failure is a `corruptCheckpoint` error naming the file.
enum CheckpointReader {
  static func actions(from bytes: [UInt8], name: String) throws(DeltaError) -> [DeltaAction] {
    let records: [[String: NestedValue]]
    do {
      records = try ParquetNestedReader(bytes: bytes).readRecords(
        paths: CheckpointSchema.readPaths, skipMissing: true)
    } catch {
      throw DeltaError.corruptCheckpoint(name, error.message)
    }
    var actions: [DeltaAction] = []
    actions.reserveCapacity(records.count)
    for (row, record) in records.enumerated() {
      var fields = CheckpointFields(record: record, row: row, file: name)
      if let add = fields.begin("add") {
        actions.append(
          .add(
            AddAction(
              path: try fields.string(add, "path"),
              partitionValues: try fields.map(add, "partitionValues") ?? [:],
              size: try fields.int(add, "size"),
              modificationTime: try fields.optionalInt(add, "modificationTime") ?? 0,
              dataChange: try fields.optionalBool(add, "dataChange") ?? true,
              stats: try fields.optionalString(add, "stats"), tags: try fields.map(add, "tags"),
              hasDeletionVector: !add["deletionVector"].isNull)))
      }
      if let remove = fields.begin("remove") {
        actions.append(
          .remove(
            RemoveAction(
              path: try fields.string(remove, "path"),
              deletionTimestamp: try fields.optionalInt(remove, "deletionTimestamp"),
              dataChange: try fields.optionalBool(remove, "dataChange") ?? true,
              extendedFileMetadata: try fields.optionalBool(remove, "extendedFileMetadata"),
              partitionValues: try fields.map(remove, "partitionValues"),
              size: try fields.optionalInt(remove, "size"))))
      }
      if let metaData = fields.begin("metaData") {
        actions.append(
          .metaData(
            MetadataAction(
              id: try fields.string(metaData, "id"), name: try fields.optionalString(metaData, "name"),
              description: try fields.optionalString(metaData, "description"),
              formatProvider: try fields.optionalString(metaData, "format", "provider") ?? "parquet",
              formatOptions: try fields.map(metaData, "format", "options") ?? [:],
              schemaString: try fields.string(metaData, "schemaString"),
              partitionColumns: try fields.strings(metaData, "partitionColumns") ?? [],
              configuration: try fields.map(metaData, "configuration") ?? [:],
              createdTime: try fields.optionalInt(metaData, "createdTime"))))
      }
      if let protocolAction = fields.begin("protocol") {
        actions.append(
          .protocol(
            ProtocolAction(
              minReaderVersion: Int32(truncatingIfNeeded: try fields.int(protocolAction, "minReaderVersion")),
              minWriterVersion: Int32(truncatingIfNeeded: try fields.int(protocolAction, "minWriterVersion")),
              readerFeatures: try fields.strings(protocolAction, "readerFeatures"),
              writerFeatures: try fields.strings(protocolAction, "writerFeatures"))))
      }
      if let txn = fields.begin("txn") {
        actions.append(
          .txn(
            TransactionAction(
              appId: try fields.string(txn, "appId"), version: try fields.int(txn, "version"),
              lastUpdated: try fields.optionalInt(txn, "lastUpdated"))))
      }
    }
    return actions
  }
}
