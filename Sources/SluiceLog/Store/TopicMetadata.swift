public import SluiceCore

/// The contents of `<root>/<topic>/topic.json`: format version, partition count, creation time
/// and the settings the topic was created with.
public struct TopicMetadata: Sendable, Hashable {
  public static let currentVersion: Int64 = 1

  public var version: Int64
  public var partitions: Int
  public var createdMs: Int64
  public var segmentBytes: Int
  public var indexIntervalBytes: Int

  public init(
    version: Int64 = TopicMetadata.currentVersion, partitions: Int, createdMs: Int64, segmentBytes: Int,
    indexIntervalBytes: Int
  ) {
    self.version = version
    self.partitions = partitions
    self.createdMs = createdMs
    self.segmentBytes = segmentBytes
    self.indexIntervalBytes = indexIntervalBytes
  }

  public var json: JSONValue {
    .object([
      ("version", .int(version)),
      ("partitions", .int(Int64(partitions))),
      ("createdMs", .int(createdMs)),
      (
        "config",
        .object([
          ("segmentBytes", .int(Int64(segmentBytes))),
          ("indexIntervalBytes", .int(Int64(indexIntervalBytes))),
        ])
      ),
    ])
  }

  /// The file's bytes (indented JSON plus a newline).
  var fileBytes: [UInt8] { Array((json.pretty + "\n").utf8) }

  /// Decodes `topic.json`; `path` is only for messages.
  public init(json: JSONValue, path: String) throws(LogError) {
    func field(_ value: JSONValue?, _ name: String, minimum: Int64) throws(LogError) -> Int64 {
      guard let value else {
        throw LogError(.corruptLog, "\(path) has no \"\(name)\"; the topic file is damaged")
      }
      guard let number = value.intValue, number >= minimum else {
        throw LogError(
          .corruptLog,
          "\(path): \"\(name)\" must be an integer ≥ \(minimum), found \(value.canonical); the topic file is damaged"
        )
      }
      return number
    }
    guard json.objectMembers != nil else {
      throw LogError(.corruptLog, "\(path) is not a JSON object; the topic file is damaged")
    }
    version = try field(json["version"], "version", minimum: 1)
    guard version <= TopicMetadata.currentVersion else {
      throw LogError(
        .unsupportedFormat,
        "\(path) has version \(version); this Sluice understands version \(TopicMetadata.currentVersion): "
          + "use the Sluice release that created the topic")
    }
    partitions = Int(try field(json["partitions"], "partitions", minimum: 1))
    createdMs = try field(json["createdMs"], "createdMs", minimum: 0)
    let config = json["config"]
    segmentBytes = Int(try field(config?["segmentBytes"], "config.segmentBytes", minimum: 1024))
    indexIntervalBytes = Int(
      try field(config?["indexIntervalBytes"], "config.indexIntervalBytes", minimum: 1))
  }

  /// Reads `<root>/<topic>/topic.json`; `topicNotFound` (with how to create it) when absent.
  static func load(root: String, topic: String) throws(LogError) -> TopicMetadata {
    let path = LogLayout.topicFile(root: root, topic: topic)
    guard let file = try SystemFile.openForReadingIfPresent(path) else {
      throw LogError.topicNotFound(topic, root: root)
    }
    defer { file.close() }
    let bytes = try file.readBytes(count: Int(try file.size()), at: 0)
    let json: JSONValue
    do {
      json = try JSONValue.parse(String(decoding: bytes, as: UTF8.self))
    } catch {
      throw LogError(.corruptLog, "\(path) is not valid JSON (\(error.message)); the topic file is damaged")
    }
    return try TopicMetadata(json: json, path: path)
  }
}
