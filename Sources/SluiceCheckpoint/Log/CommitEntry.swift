public import SluiceCore

/// One entry of the commits log (`commits/N`, Spark's `CommitMetadata`): its existence means
/// "batch N is complete and the sink holds its output durably".
///
/// File format (exact bytes, no trailing newline):
/// ```
/// v1
/// {"nextBatchWatermarkMs":0}
/// ```
/// A missing second line reads as `{}` (as in Spark).
public struct CommitEntry: MetadataLogEntry, Hashable {
  public static let version = 1

  /// The event-time watermark for the next batch (always 0: no stateful operators yet).
  public var nextBatchWatermarkMs: Int64

  public init(nextBatchWatermarkMs: Int64 = 0) {
    self.nextBatchWatermarkMs = nextBatchWatermarkMs
  }

  public var json: JSONValue { .object([("nextBatchWatermarkMs", .int(nextBatchWatermarkMs))]) }

  public func serialized() -> [UInt8] {
    versionedBytes(version: Self.version, lines: [json.compact])
  }

  public static func parse(_ bytes: [UInt8], file: String) throws(CheckpointError) -> CommitEntry {
    let lines = try VersionedLines.parse(bytes, file: file, supported: version)
    guard let first = lines.lines.first, !first.isEmpty else { return CommitEntry() }
    let json = try lines.json(0, file: file, what: "commit metadata")
    guard json.objectMembers != nil else {
      throw CheckpointError(
        .corruptFile, "checkpoint file \(file) is corrupt: line 2 (commit metadata) is not a JSON object")
    }
    guard let watermark = json["nextBatchWatermarkMs"] else { return CommitEntry() }
    guard let value = watermark.intValue else {
      throw CheckpointError(
        .corruptFile,
        "checkpoint file \(file) is corrupt: 'nextBatchWatermarkMs' is \(watermark.compact), expected "
          + "an integer")
    }
    return CommitEntry(nextBatchWatermarkMs: value)
  }
}
