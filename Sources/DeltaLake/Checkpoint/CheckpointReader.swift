/// Reads a classic single-file checkpoint (`NNN.checkpoint.parquet`) into actions: one action
/// per row, from the top-level struct columns `add`, `remove`, `metaData`, `protocol`, `txn`
/// (others, like `domainMetadata` and `sidecar`, are ignored). Columns missing from the file
/// read as null, as the protocol allows.
enum CheckpointReader {
  static func actions(from bytes: [UInt8], name: String) throws(DeltaError) -> [DeltaAction] {
    do {
      let file = try CheckpointParquetFile(bytes)
      return try CheckpointRows(file: file).actions()
    } catch {
      throw DeltaError.corruptCheckpoint(name, error.what)
    }
  }
}

/// Turns checkpoint rows into actions.
struct CheckpointRows {
  let file: CheckpointParquetFile

  func leaf(_ path: [String]) throws(ParquetDecodingError) -> LeafRows? {
    guard let node = file.node(path), node.isLeaf else { return nil }
    let rows = try LeafRows(node: node, data: try file.read(node))
    guard rows.rowCount == file.numRows else {
      throw ParquetDecodingError(
        "column '\(path.joined(separator: "."))' has \(rows.rowCount) rows, the file \(file.numRows)")
    }
    return rows
  }

  /// A string→string map column of struct `parent`.
  struct MapColumn {
    let keys: LeafRows
    let values: LeafRows
    let mapLevel: Int
    let entryLevel: Int

    func map(_ row: Int) -> DeltaMap? {
      guard keys.reaches(row, mapLevel) else { return nil }
      let k = keys.elements(row, repeatedLevel: entryLevel)
      let v = values.elements(row, repeatedLevel: entryLevel)
      var result = DeltaMap()
      for (key, value) in zip(k, v) { result.set(key?.string ?? "", value?.string) }
      return result
    }
  }

  func mapColumn(_ path: [String]) throws(ParquetDecodingError) -> MapColumn? {
    guard let node = file.node(path), let entries = node.mapEntries,
      let keys = try leaf(entries.key.path), let values = try leaf(entries.value.path)
    else { return nil }
    return MapColumn(
      keys: keys, values: values, mapLevel: node.definitionLevel, entryLevel: entries.entry.definitionLevel)
  }

  /// A list<string> column: `nil` when the list itself is null.
  func list(_ path: [String], row: Int, cache: inout [String: LeafRows]) throws(ParquetDecodingError)
    -> [String]?
  {
    guard let node = file.node(path), let list = node.listElement else { return nil }
    let key = path.joined(separator: ".")
    if cache[key] == nil { cache[key] = try leaf(list.element.path) }
    guard let rows = cache[key], rows.reaches(row, node.definitionLevel) else { return nil }
    return rows.elements(row, repeatedLevel: list.repeated.definitionLevel).map { $0?.string ?? "" }
  }

  func actions() throws(ParquetDecodingError) -> [DeltaAction] {
    var actions: [DeltaAction] = []
    actions.reserveCapacity(file.numRows)
    try appendAdds(to: &actions)
    try appendRemoves(to: &actions)
    try appendMetadata(to: &actions)
    try appendProtocol(to: &actions)
    try appendTransactions(to: &actions)
    return actions
  }

  func require(_ value: LeafValue?, _ path: String, row: Int) throws(ParquetDecodingError) -> LeafValue {
    guard let value else { throw ParquetDecodingError("row \(row) has no '\(path)'") }
    return value
  }

  func appendAdds(to actions: inout [DeltaAction]) throws(ParquetDecodingError) {
    guard let path = try leaf(["add", "path"]), let level = file.node(["add"])?.definitionLevel else {
      return
    }
    let size = try leaf(["add", "size"])
    let modificationTime = try leaf(["add", "modificationTime"])
    let dataChange = try leaf(["add", "dataChange"])
    let stats = try leaf(["add", "stats"])
    let partitionValues = try mapColumn(["add", "partitionValues"])
    let tags = try mapColumn(["add", "tags"])
    let deletionVector = try leaf(["add", "deletionVector", "storageType"])
    for row in 0..<file.numRows where path.reaches(row, level) {
      actions.append(
        .add(
          AddAction(
            path: try require(path.value(row), "add.path", row: row).string ?? "",
            partitionValues: partitionValues?.map(row) ?? DeltaMap(),
            size: try require(size?.value(row), "add.size", row: row).int ?? 0,
            modificationTime: modificationTime?.value(row)?.int ?? 0,
            dataChange: dataChange?.value(row)?.bool ?? true, stats: stats?.value(row)?.string,
            tags: tags?.map(row), hasDeletionVector: deletionVector?.value(row) != nil)))
    }
  }

  func appendRemoves(to actions: inout [DeltaAction]) throws(ParquetDecodingError) {
    guard let path = try leaf(["remove", "path"]), let level = file.node(["remove"])?.definitionLevel else {
      return
    }
    let deletionTimestamp = try leaf(["remove", "deletionTimestamp"])
    let dataChange = try leaf(["remove", "dataChange"])
    let extended = try leaf(["remove", "extendedFileMetadata"])
    let partitionValues = try mapColumn(["remove", "partitionValues"])
    let size = try leaf(["remove", "size"])
    for row in 0..<file.numRows where path.reaches(row, level) {
      actions.append(
        .remove(
          RemoveAction(
            path: try require(path.value(row), "remove.path", row: row).string ?? "",
            deletionTimestamp: deletionTimestamp?.value(row)?.int,
            dataChange: dataChange?.value(row)?.bool ?? true,
            extendedFileMetadata: extended?.value(row)?.bool, partitionValues: partitionValues?.map(row),
            size: size?.value(row)?.int)))
    }
  }

  func appendMetadata(to actions: inout [DeltaAction]) throws(ParquetDecodingError) {
    guard let id = try leaf(["metaData", "id"]), let level = file.node(["metaData"])?.definitionLevel else {
      return
    }
    let name = try leaf(["metaData", "name"])
    let description = try leaf(["metaData", "description"])
    let provider = try leaf(["metaData", "format", "provider"])
    let options = try mapColumn(["metaData", "format", "options"])
    let schemaString = try leaf(["metaData", "schemaString"])
    let configuration = try mapColumn(["metaData", "configuration"])
    let createdTime = try leaf(["metaData", "createdTime"])
    var cache: [String: LeafRows] = [:]
    for row in 0..<file.numRows where id.reaches(row, level) {
      actions.append(
        .metaData(
          MetadataAction(
            id: try require(id.value(row), "metaData.id", row: row).string ?? "",
            name: name?.value(row)?.string,
            description: description?.value(row)?.string,
            formatProvider: provider?.value(row)?.string ?? "parquet",
            formatOptions: options?.map(row) ?? DeltaMap(),
            schemaString: try require(schemaString?.value(row), "metaData.schemaString", row: row).string
              ?? "",
            partitionColumns: try list(["metaData", "partitionColumns"], row: row, cache: &cache) ?? [],
            configuration: configuration?.map(row) ?? DeltaMap(), createdTime: createdTime?.value(row)?.int)))
    }
  }

  func appendProtocol(to actions: inout [DeltaAction]) throws(ParquetDecodingError) {
    guard let reader = try leaf(["protocol", "minReaderVersion"]),
      let level = file.node(["protocol"])?.definitionLevel
    else { return }
    let writer = try leaf(["protocol", "minWriterVersion"])
    var cache: [String: LeafRows] = [:]
    for row in 0..<file.numRows where reader.reaches(row, level) {
      let readerVersion = try require(reader.value(row), "protocol.minReaderVersion", row: row).int ?? 1
      let writerVersion = try require(writer?.value(row), "protocol.minWriterVersion", row: row).int ?? 2
      actions.append(
        .protocol(
          ProtocolAction(
            minReaderVersion: Int32(truncatingIfNeeded: readerVersion),
            minWriterVersion: Int32(truncatingIfNeeded: writerVersion),
            readerFeatures: try list(["protocol", "readerFeatures"], row: row, cache: &cache),
            writerFeatures: try list(["protocol", "writerFeatures"], row: row, cache: &cache))))
    }
  }

  func appendTransactions(to actions: inout [DeltaAction]) throws(ParquetDecodingError) {
    guard let appId = try leaf(["txn", "appId"]), let level = file.node(["txn"])?.definitionLevel else {
      return
    }
    let version = try leaf(["txn", "version"])
    let lastUpdated = try leaf(["txn", "lastUpdated"])
    for row in 0..<file.numRows where appId.reaches(row, level) {
      actions.append(
        .txn(
          TransactionAction(
            appId: try require(appId.value(row), "txn.appId", row: row).string ?? "",
            version: try require(version?.value(row), "txn.version", row: row).int ?? 0,
            lastUpdated: lastUpdated?.value(row)?.int)))
    }
  }
}
