import SluiceCore

/// The operation a commit records in `commitInfo` (shown by `DESCRIBE HISTORY`).
public enum WriteOperation: Sendable, Hashable {
  /// A batch append (`WRITE`, mode `Append`).
  case write
  /// One micro-batch of a streaming query (`STREAMING UPDATE`, output mode `Append`).
  case streamingUpdate(queryId: String, epochId: Int64)

  public var name: String {
    switch self {
    case .write: "WRITE"
    case .streamingUpdate: "STREAMING UPDATE"
    }
  }

  /// `commitInfo` for this operation, with Spark's parameter and metric names (values as
  /// strings, as Spark writes them).
  func commitInfo(
    timestamp: Int64, readVersion: Int64?, partitionColumns: [String], files: [AddAction], rows: Int64,
    engineInfo: String, extraMetrics: [(String, Int64)] = []
  ) -> CommitInfo {
    let bytes = files.reduce(Int64(0)) { $0 + $1.size }
    let parameters: JSONValue
    let metrics: JSONValue
    switch self {
    case .write:
      let partitionBy = JSONValue.array(partitionColumns.map { .string($0) }).compact
      parameters = .object([("mode", .string("Append")), ("partitionBy", .string(partitionBy))])
      metrics = .object([
        ("numFiles", .string(String(files.count))), ("numOutputRows", .string(String(rows))),
        ("numOutputBytes", .string(String(bytes))),
      ])
    case .streamingUpdate(let queryId, let epochId):
      parameters = .object([
        ("outputMode", .string("Append")), ("queryId", .string(queryId)),
        ("epochId", .string(String(epochId))),
      ])
      metrics = .object([
        ("numAddedFiles", .string(String(files.count))), ("numRemovedFiles", .string("0")),
        ("numOutputRows", .string(String(rows))), ("numOutputBytes", .string(String(bytes))),
      ])
    }
    var allMetrics = metrics
    if !extraMetrics.isEmpty, case .object(let members) = metrics {
      allMetrics = .object(members + extraMetrics.map { ($0.0, .string(String($0.1))) })
    }
    return CommitInfo(
      timestamp: timestamp, operation: name, operationParameters: parameters, readVersion: readVersion,
      isolationLevel: "Serializable", isBlindAppend: true, operationMetrics: allMetrics,
      engineInfo: engineInfo)
  }
}
