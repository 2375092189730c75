public import SluiceCore

/// The `add` action: a data file that becomes part of the table.
///
/// ``path`` is relative to the table root (or an absolute URI) and URI-encoded as the protocol
/// requires; ``decodedPath`` is the file-system form. ``stats`` is a JSON object serialized into
/// a string (see ``FileStatistics``).
public struct AddAction: Sendable, Hashable {
  public var path: String
  public var partitionValues: DeltaMap
  /// File size in bytes.
  public var size: Int64
  /// Milliseconds since the epoch.
  public var modificationTime: Int64
  /// `true` for appends; `false` only when data is rearranged (compaction).
  public var dataChange: Bool
  public var stats: String?
  public var tags: DeltaMap?
  /// True when the action carries a deletion vector (a feature we do not read).
  public var hasDeletionVector: Bool

  public init(
    path: String, partitionValues: DeltaMap = [:], size: Int64, modificationTime: Int64,
    dataChange: Bool = true, stats: String? = nil, tags: DeltaMap? = nil, hasDeletionVector: Bool = false
  ) {
    self.path = path
    self.partitionValues = partitionValues
    self.size = size
    self.modificationTime = modificationTime
    self.dataChange = dataChange
    self.stats = stats
    self.tags = tags
    self.hasDeletionVector = hasDeletionVector
  }

  /// ``path`` with `%XX` escapes decoded.
  public var decodedPath: String { PathEscaping.decodeURIPath(path) }

  /// The parsed ``stats``, or `nil` when absent or unreadable (stats are optional).
  public var statistics: FileStatistics? {
    stats.flatMap { try? FileStatistics.parse($0) }
  }

  /// Fields in Spark's order.
  public var json: JSONValue {
    var members: [(String, JSONValue)] = [
      ("path", .string(path)), ("partitionValues", partitionValues.json), ("size", .int(size)),
      ("modificationTime", .int(modificationTime)), ("dataChange", .bool(dataChange)),
    ]
    if let stats { members.append(("stats", .string(stats))) }
    if let tags { members.append(("tags", tags.json)) }
    return .object(members)
  }

  static func decode(_ value: JSONValue) throws(ActionDecodingError) -> AddAction {
    let fields = try ActionFields(value, action: "add")
    return AddAction(
      path: try fields.string("path"),
      partitionValues: try fields.optionalMap("partitionValues") ?? DeltaMap(),
      size: try fields.int("size"), modificationTime: try fields.optionalInt("modificationTime") ?? 0,
      dataChange: try fields.optionalBool("dataChange") ?? true, stats: try fields.optionalString("stats"),
      tags: try fields.optionalMap("tags"), hasDeletionVector: fields.value("deletionVector") != nil)
  }
}
