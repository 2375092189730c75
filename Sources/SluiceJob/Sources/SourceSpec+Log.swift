import SluiceCore
import SluiceLog

/// `source: {kind: log, ...}` — the embedded, file-backed partitioned log.
public struct LogSourceSpec: Sendable, Hashable {
  /// Root folder of the embedded log.
  public var path: String
  public var topics: [String]
  public var startingOffsets: StartingOffsetsSpec
}

extension JobSpec {
  static func parseLogSource(_ node: ConfigNode) throws(JobError) -> SourceSpec {
    try node.expectKeys(commonSourceKeys + ["path", "topics", "topic", "startingOffsets"])
    let path = try node.optional("path")?.string() ?? "data/log"
    var topics: [String] = []
    if let topicNode = try node.optional("topics") { topics += try topicNode.strings() }
    if let topicNode = try node.optional("topic") { topics += try topicNode.strings() }
    guard !topics.isEmpty else {
      throw node.error("a log source needs `topics:` (a list of topic names, e.g. [pinterest.pin])")
    }
    let starting = try parseStartingOffsets(try node.optional("startingOffsets"))
    return .log(LogSourceSpec(path: path, topics: topics, startingOffsets: starting))
  }
}

extension LogSourceSpec {
  /// Opens the log (reads nothing yet).
  func makeSource() throws -> any Source {
    let store = try LogStore(root: path)
    let starting: LogSource.StartingOffsets
    switch startingOffsets {
    case .earliest: starting = .earliest
    case .latest: starting = .latest
    case .specific(let offset): starting = .specific(try LogPosition(json: offset.json))
    }
    return LogSource(store: store, topics: topics, startingOffsets: starting)
  }
}
