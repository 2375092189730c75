public import SluiceCore

/// The file `sources/<i>/0` holding source `i`'s initial offset (where batch 0 starts), as the
/// Spark Kafka source writes it: one `0x00` byte (Spark 2.1 compatibility), then `v1\n` and the
/// offset JSON, no trailing newline. Written once, when the query first resolves its starting
/// offsets; it makes a re-run of batch 0 read exactly the recorded range.
public enum InitialOffsetFile {
  public static let version = 1

  public static func path(source index: Int) -> String { "sources/\(index)/0" }

  public static func serialize(_ offset: SerializedOffset) -> [UInt8] {
    [0x00] + versionedBytes(version: version, lines: [offset.text])
  }

  /// Reads the Spark layout (with or without the leading zero byte and the version line).
  public static func parse(_ bytes: [UInt8], file: String) throws(CheckpointError) -> SerializedOffset {
    var content = bytes[...]
    if content.first == 0x00 { content = content.dropFirst() }
    guard !content.isEmpty else {
      throw CheckpointError(
        .emptyFile, "checkpoint file \(file) is empty",
        advice: "it records where batch 0 started; restore it from a backup, or start over with a new "
          + "checkpoint folder")
    }
    if content.first == UInt8(ascii: "v") {
      let lines = try VersionedLines.parse(Array(content), file: file, supported: version)
      guard lines.lines.count == 1, !lines.lines[0].isEmpty else {
        throw CheckpointError(
          .truncatedFile, "checkpoint file \(file) is truncated: the initial offset line is missing")
      }
      return SerializedOffset(json: try lines.json(0, file: file, what: "initial offset"))
    }
    do {
      let json = try parseJSON(content)
      return SerializedOffset(json: json)
    } catch {
      throw CheckpointError(
        .corruptFile, "checkpoint file \(file) is not a valid initial offset: \(error.message)")
    }
  }
}
