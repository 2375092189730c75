public import SluiceCore

/// Batch-wide facts recorded with a planned batch (Spark's `OffsetSeqMetadata`), line 2 of
/// `offsets/N`: `{"batchWatermarkMs":0,"batchTimestampMs":1700000000000,"conf":{…}}`.
public struct OffsetSeqMetadata: Sendable, Hashable {
  /// Event-time watermark of the batch (always 0: Sluice has no stateful operators yet).
  public var batchWatermarkMs: Int64
  /// Wall-clock time the batch was planned, in milliseconds since the epoch.
  public var batchTimestampMs: Int64
  /// Settings that must stay fixed for the query (written with sorted keys).
  public var conf: [String: String]

  public init(batchWatermarkMs: Int64 = 0, batchTimestampMs: Int64, conf: [String: String] = [:]) {
    self.batchWatermarkMs = batchWatermarkMs
    self.batchTimestampMs = batchTimestampMs
    self.conf = conf
  }

  /// The JSON object in Spark's member order.
  public var json: JSONValue {
    .object([
      ("batchWatermarkMs", .int(batchWatermarkMs)),
      ("batchTimestampMs", .int(batchTimestampMs)),
      ("conf", .object(conf.keys.sorted().map { ($0, .string(conf[$0]!)) })),
    ])
  }

  /// Reads the object Spark or Sluice wrote; missing members take their defaults.
  init(json: JSONValue, file: String) throws(CheckpointError) {
    guard let members = json.objectMembers else {
      throw CheckpointError(
        .corruptFile, "checkpoint file \(file) is corrupt: line 2 (batch metadata) is not a JSON object")
    }
    var conf: [String: String] = [:]
    if let confJSON = json["conf"] {
      guard let confMembers = confJSON.objectMembers else {
        throw CheckpointError(
          .corruptFile, "checkpoint file \(file) is corrupt: 'conf' in the batch metadata is not an object")
      }
      for (key, value) in confMembers { conf[key] = value.stringValue ?? value.canonical }
    }
    func integer(_ key: String) throws(CheckpointError) -> Int64 {
      guard let value = members.last(where: { $0.0 == key })?.1 else { return 0 }
      guard let int = value.intValue else {
        throw CheckpointError(
          .corruptFile,
          "checkpoint file \(file) is corrupt: '\(key)' in the batch metadata is \(value.compact), "
            + "expected an integer")
      }
      return int
    }
    self.init(
      batchWatermarkMs: try integer("batchWatermarkMs"), batchTimestampMs: try integer("batchTimestampMs"),
      conf: conf)
  }
}

/// One entry of the offsets log (`offsets/N`, Spark's `OffsetSeq`): the batch metadata and the
/// **end** offset (exclusive) of batch N for every source, in source order.
///
/// File format (exact bytes, no trailing newline):
/// ```
/// v1
/// {"batchWatermarkMs":0,"batchTimestampMs":1700000000000,"conf":{}}
/// {"pinterest.pin":{"0":120,"1":98}}
/// ```
/// A source line `-` means "this source has no offset yet" (`nil`).
public struct OffsetSeq: MetadataLogEntry, Hashable {
  public static let version = 1

  public var metadata: OffsetSeqMetadata
  /// End offsets of the batch, one per source in source order (`nil` = no offset yet).
  public var offsets: [SerializedOffset?]

  public init(metadata: OffsetSeqMetadata, offsets: [SerializedOffset?]) {
    self.metadata = metadata
    self.offsets = offsets
  }

  public func serialized() -> [UInt8] {
    versionedBytes(
      version: Self.version, lines: [metadata.json.compact] + offsets.map { $0?.text ?? "-" })
  }

  public static func parse(_ bytes: [UInt8], file: String) throws(CheckpointError) -> OffsetSeq {
    let lines = try VersionedLines.parse(bytes, file: file, supported: version)
    guard !lines.lines.isEmpty else {
      throw CheckpointError(
        .truncatedFile,
        "checkpoint file \(file) is truncated: it ends after the version line (the batch metadata "
          + "and the source offsets are missing)")
    }
    let metadata: OffsetSeqMetadata
    if lines.lines[0].isEmpty {
      metadata = OffsetSeqMetadata(batchTimestampMs: 0)
    } else {
      metadata = try OffsetSeqMetadata(
        json: try lines.json(0, file: file, what: "batch metadata"), file: file)
    }
    guard lines.lines.count >= 2 else {
      throw CheckpointError(
        .truncatedFile,
        "checkpoint file \(file) is truncated: it ends after the batch metadata (line 2); the source "
          + "offset lines are missing")
    }
    var offsets: [SerializedOffset?] = []
    for index in 1..<lines.lines.count {
      let line = lines.lines[index]
      if line.elementsEqual("-".utf8) {
        offsets.append(nil)
        continue
      }
      guard !line.isEmpty else {
        throw CheckpointError(
          .corruptFile,
          "checkpoint file \(file) is corrupt: line \(index + 2) is empty (expected the offset JSON of "
            + "source \(index - 1) or '-')")
      }
      let json = try lines.json(index, file: file, what: "offsets of source \(index - 1)")
      offsets.append(SerializedOffset(json: json))
    }
    return OffsetSeq(metadata: metadata, offsets: offsets)
  }
}
