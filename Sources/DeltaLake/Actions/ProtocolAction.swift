public import SluiceCore

/// The `protocol` action: the reader and writer versions (and, from reader 3 / writer 7, the
/// named features) a client must implement to read or write the table.
public struct ProtocolAction: Sendable, Hashable {
  public var minReaderVersion: Int32
  public var minWriterVersion: Int32
  /// Present when `minReaderVersion >= 3`.
  public var readerFeatures: [String]?
  /// Present when `minWriterVersion >= 7`.
  public var writerFeatures: [String]?

  public init(
    minReaderVersion: Int32 = 1, minWriterVersion: Int32 = 2, readerFeatures: [String]? = nil,
    writerFeatures: [String]? = nil
  ) {
    self.minReaderVersion = minReaderVersion
    self.minWriterVersion = minWriterVersion
    self.readerFeatures = readerFeatures
    self.writerFeatures = writerFeatures
  }

  /// What Sluice writes for a new table: reader 1, writer 2 (Spark's default for a plain table).
  public static let sluiceDefault = ProtocolAction(minReaderVersion: 1, minWriterVersion: 2)

  /// Fields in Spark's order.
  public var json: JSONValue {
    var members: [(String, JSONValue)] = [
      ("minReaderVersion", .int(Int64(minReaderVersion))),
      ("minWriterVersion", .int(Int64(minWriterVersion))),
    ]
    if let readerFeatures { members.append(("readerFeatures", .array(readerFeatures.map { .string($0) }))) }
    if let writerFeatures { members.append(("writerFeatures", .array(writerFeatures.map { .string($0) }))) }
    return .object(members)
  }

  static func decode(_ value: JSONValue) throws(ActionDecodingError) -> ProtocolAction {
    let fields = try ActionFields(value, action: "protocol")
    let reader = try fields.int("minReaderVersion")
    let writer = try fields.int("minWriterVersion")
    guard let reader32 = Int32(exactly: reader), let writer32 = Int32(exactly: writer) else {
      throw ActionDecodingError("'protocol' versions are out of range")
    }
    return ProtocolAction(
      minReaderVersion: reader32, minWriterVersion: writer32,
      readerFeatures: try fields.optionalStrings("readerFeatures"),
      writerFeatures: try fields.optionalStrings("writerFeatures"))
  }
}
