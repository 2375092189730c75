public import SluiceCore

/// The `commitInfo` action: provenance of one commit, shown by `DESCRIBE HISTORY`. Not table
/// state.
///
/// ``operationParameters`` and ``operationMetrics`` are JSON objects. Spark and Sluice write
/// their values as strings (`"numOutputRows":"42"`); delta-rs writes numbers — both are kept as
/// found. Fields this type does not model are kept in ``otherFields`` (in document order).
public struct CommitInfo: Sendable, Hashable {
  /// Milliseconds since the epoch.
  public var timestamp: Int64?
  public var operation: String?
  public var operationParameters: JSONValue
  /// The snapshot version the transaction read (absent for version 0).
  public var readVersion: Int64?
  public var isolationLevel: String?
  public var isBlindAppend: Bool?
  public var operationMetrics: JSONValue
  public var engineInfo: String?
  public var txnId: String?
  public var otherFields: JSONValue

  public init(
    timestamp: Int64? = nil, operation: String? = nil, operationParameters: JSONValue = .object([]),
    readVersion: Int64? = nil, isolationLevel: String? = nil, isBlindAppend: Bool? = nil,
    operationMetrics: JSONValue = .object([]), engineInfo: String? = nil, txnId: String? = nil,
    otherFields: JSONValue = .object([])
  ) {
    self.timestamp = timestamp
    self.operation = operation
    self.operationParameters = operationParameters
    self.readVersion = readVersion
    self.isolationLevel = isolationLevel
    self.isBlindAppend = isBlindAppend
    self.operationMetrics = operationMetrics
    self.engineInfo = engineInfo
    self.txnId = txnId
    self.otherFields = otherFields
  }

  static let modelledFields: Set<String> = [
    "timestamp", "operation", "operationParameters", "readVersion", "isolationLevel", "isBlindAppend",
    "operationMetrics", "engineInfo", "txnId",
  ]

  /// Fields in Spark's order, then ``otherFields``.
  public var json: JSONValue {
    var members: [(String, JSONValue)] = []
    if let timestamp { members.append(("timestamp", .int(timestamp))) }
    if let operation { members.append(("operation", .string(operation))) }
    if operationParameters.objectMembers?.isEmpty == false || operation != nil {
      members.append(("operationParameters", operationParameters))
    }
    if let readVersion { members.append(("readVersion", .int(readVersion))) }
    if let isolationLevel { members.append(("isolationLevel", .string(isolationLevel))) }
    if let isBlindAppend { members.append(("isBlindAppend", .bool(isBlindAppend))) }
    if operationMetrics.objectMembers?.isEmpty == false {
      members.append(("operationMetrics", operationMetrics))
    }
    if let engineInfo { members.append(("engineInfo", .string(engineInfo))) }
    if let txnId { members.append(("txnId", .string(txnId))) }
    members.append(contentsOf: otherFields.objectMembers ?? [])
    return .object(members)
  }

  static func decode(_ value: JSONValue) throws(ActionDecodingError) -> CommitInfo {
    let fields = try ActionFields(value, action: "commitInfo")
    let others = fields.members.filter { !modelledFields.contains($0.0) }
    return CommitInfo(
      timestamp: try fields.optionalInt("timestamp"), operation: try fields.optionalString("operation"),
      operationParameters: fields.value("operationParameters") ?? .object([]),
      readVersion: try fields.optionalInt("readVersion"),
      isolationLevel: try fields.optionalString("isolationLevel"),
      isBlindAppend: try fields.optionalBool("isBlindAppend"),
      operationMetrics: fields.value("operationMetrics") ?? .object([]),
      engineInfo: try fields.optionalString("engineInfo"), txnId: try fields.optionalString("txnId"),
      otherFields: .object(others))
  }
}
