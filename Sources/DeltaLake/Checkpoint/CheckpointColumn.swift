/// The checkpoint fields Sluice reads, from any engine's classic checkpoint. Everything else
/// (`stats_parsed`, `partitionValues_parsed`, `deletionVector` details, `domainMetadata`,
/// `sidecar`, …) is never decoded; fields missing from a file read as null, as the protocol
/// allows. The first field of each action (`add.path`, `remove.path`, `metaData.id`,
/// `protocol.minReaderVersion`, `txn.appId`) is required: a row holds that action when it is set.
enum CheckpointColumn: Int, CaseIterable {
  case addPath, addPartitionValues, addSize, addModificationTime, addDataChange, addStats, addTags
  case addDeletionVectorStorageType
  case removePath, removeDeletionTimestamp, removeDataChange, removeExtendedFileMetadata
  case removePartitionValues, removeSize
  case metaDataId, metaDataName, metaDataDescription, metaDataFormatProvider, metaDataFormatOptions
  case metaDataSchemaString, metaDataPartitionColumns, metaDataConfiguration, metaDataCreatedTime
  case protocolMinReaderVersion, protocolMinWriterVersion, protocolReaderFeatures, protocolWriterFeatures
  case txnAppId, txnVersion, txnLastUpdated

  /// The field's path in the checkpoint schema.
  var path: [String] {
    switch self {
    case .addPath: ["add", "path"]
    case .addPartitionValues: ["add", "partitionValues"]
    case .addSize: ["add", "size"]
    case .addModificationTime: ["add", "modificationTime"]
    case .addDataChange: ["add", "dataChange"]
    case .addStats: ["add", "stats"]
    case .addTags: ["add", "tags"]
    case .addDeletionVectorStorageType: ["add", "deletionVector", "storageType"]
    case .removePath: ["remove", "path"]
    case .removeDeletionTimestamp: ["remove", "deletionTimestamp"]
    case .removeDataChange: ["remove", "dataChange"]
    case .removeExtendedFileMetadata: ["remove", "extendedFileMetadata"]
    case .removePartitionValues: ["remove", "partitionValues"]
    case .removeSize: ["remove", "size"]
    case .metaDataId: ["metaData", "id"]
    case .metaDataName: ["metaData", "name"]
    case .metaDataDescription: ["metaData", "description"]
    case .metaDataFormatProvider: ["metaData", "format", "provider"]
    case .metaDataFormatOptions: ["metaData", "format", "options"]
    case .metaDataSchemaString: ["metaData", "schemaString"]
    case .metaDataPartitionColumns: ["metaData", "partitionColumns"]
    case .metaDataConfiguration: ["metaData", "configuration"]
    case .metaDataCreatedTime: ["metaData", "createdTime"]
    case .protocolMinReaderVersion: ["protocol", "minReaderVersion"]
    case .protocolMinWriterVersion: ["protocol", "minWriterVersion"]
    case .protocolReaderFeatures: ["protocol", "readerFeatures"]
    case .protocolWriterFeatures: ["protocol", "writerFeatures"]
    case .txnAppId: ["txn", "appId"]
    case .txnVersion: ["txn", "version"]
    case .txnLastUpdated: ["txn", "lastUpdated"]
    }
  }

  /// Every field's path, in case order (the order of the columns read).
  static let paths: [[String]] = allCases.map(\.path)
}
