import SluiceCore

/// The format of one entry of a ``MetadataLog`` (one file per batch id).
///
/// Contract: `parse(serialized())` gives back an equal entry; `parse` never crashes on damaged
/// input but throws a ``CheckpointError`` (`emptyFile`, `truncatedFile`, `corruptFile`,
/// `unsupportedVersion`) whose message names `file` and says what is wrong.
public protocol MetadataLogEntry: Sendable {
  /// The exact bytes of the file.
  func serialized() -> [UInt8]
  /// Parses the bytes of `file` (a display path, used in messages only).
  static func parse(_ bytes: [UInt8], file: String) throws(CheckpointError) -> Self
}

/// The lines of a Spark-style versioned file: a `v<N>` line, then content lines separated by
/// `\n` (no trailing newline is written; one is tolerated when reading).
struct VersionedLines {
  let version: Int
  /// The lines after the version line.
  let lines: [ArraySlice<UInt8>]

  /// Splits `bytes` and checks the version line against `supported` (the newest version this
  /// build reads).
  static func parse(_ bytes: [UInt8], file: String, supported: Int) throws(CheckpointError)
    -> VersionedLines
  {
    guard !bytes.isEmpty else {
      throw CheckpointError(.emptyFile, "checkpoint file \(file) is empty (0 bytes)")
    }
    var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    if lines.count > 1 && lines.last!.isEmpty { lines.removeLast() }
    let head = lines[0]
    guard head.count >= 2, head.first == UInt8(ascii: "v"),
      head.dropFirst().allSatisfy({ $0 >= 48 && $0 <= 57 }), head.count <= 10,
      let version = Int(String(decoding: head.dropFirst(), as: UTF8.self))
    else {
      throw CheckpointError(
        .corruptFile,
        "checkpoint file \(file) does not start with a version line (expected 'v1', found "
          + "'\(preview(head))')")
    }
    guard version >= 1 else {
      throw CheckpointError(.corruptFile, "checkpoint file \(file) has an invalid version 'v\(version)'")
    }
    guard version <= supported else {
      throw CheckpointError(
        .unsupportedVersion,
        "checkpoint file \(file) is in format v\(version); v\(version) is newer than this Sluice "
          + "understands (it reads up to v\(supported))",
        advice: "run this checkpoint with the newer Sluice that wrote it, or start over with a new "
          + "checkpoint folder")
    }
    return VersionedLines(version: version, lines: Array(lines.dropFirst()))
  }

  /// Parses content line `index` (0 = the line after the version line) as JSON. A line that is
  /// the last one of the file and does not parse is reported as a truncation.
  func json(_ index: Int, file: String, what: String) throws(CheckpointError) -> JSONValue {
    let line = lines[index]
    do {
      return try parseJSON(line)
    } catch {
      let lineNumber = index + 2
      if index == lines.count - 1 {
        throw CheckpointError(
          .truncatedFile,
          "checkpoint file \(file) is truncated: it ends inside line \(lineNumber) (\(what)): "
            + error.message)
      }
      throw CheckpointError(
        .corruptFile,
        "checkpoint file \(file) is corrupt: line \(lineNumber) (\(what)) is not valid JSON: "
          + error.message)
    }
  }

  /// A short, printable preview of damaged bytes for messages.
  static func preview(_ bytes: ArraySlice<UInt8>) -> String {
    let text = String(decoding: bytes.prefix(24), as: UTF8.self)
    let printable = String(text.unicodeScalars.map { $0.value < 0x20 ? "?" : Character($0) })
    return bytes.count > 24 ? printable + "…" : printable
  }
}

/// Serialises a versioned file: `v<version>` then each line, joined by `\n`, no trailing newline.
func versionedBytes(version: Int, lines: [String]) -> [UInt8] {
  var out = Array("v\(version)".utf8)
  for line in lines {
    out.append(0x0A)
    out.append(contentsOf: line.utf8)
  }
  return out
}

/// Parses a small JSON document held in bytes (checkpoint files, not records).
func parseJSON(_ bytes: ArraySlice<UInt8>) throws(CoreError) -> JSONValue {
  try JSONValue.parse(String(decoding: bytes, as: UTF8.self))
}
