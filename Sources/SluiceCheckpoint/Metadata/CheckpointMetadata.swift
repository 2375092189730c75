public import SluiceCore

/// The checkpoint's `metadata` file (Spark's `StreamMetadata`): the query id that survives
/// restarts, plus Sluice's extra keys (Spark ignores unknown keys):
/// `{"id":"<uuid>","name":"pin","sources":["log:pinterest.pin"]}` (no trailing newline).
///
/// Written once, on the first start; read on every restart. `sources` holds each source's
/// identity in source order so a checkpoint is never reused for a different source.
public struct CheckpointMetadata: Sendable, Hashable {
  public static let path = "metadata"

  public var id: QueryID
  /// The job's name, for humans.
  public var name: String?
  /// Source identities in source order (`nil` for a checkpoint written by Spark).
  public var sources: [String]?

  public init(id: QueryID, name: String? = nil, sources: [String]? = nil) {
    self.id = id
    self.name = name
    self.sources = sources
  }

  public var json: JSONValue {
    var members: [(String, JSONValue)] = [("id", .string(id.rawValue))]
    if let name { members.append(("name", .string(name))) }
    if let sources { members.append(("sources", .array(sources.map { .string($0) }))) }
    return .object(members)
  }

  public func serialized() -> [UInt8] { Array(json.compact.utf8) }

  public static func parse(_ bytes: [UInt8], file: String) throws(CheckpointError) -> CheckpointMetadata {
    let advice =
      "the query id in this file is what makes sinks skip batches already written; restore it from "
      + "a backup, or start over with a new checkpoint folder"
    guard !bytes.isEmpty else {
      throw CheckpointError(.emptyFile, "checkpoint file \(file) is empty (0 bytes)", advice: advice)
    }
    let json: JSONValue
    do {
      json = try parseJSON(bytes[...])
    } catch {
      throw CheckpointError(
        .corruptFile, "checkpoint file \(file) is not valid JSON: \(error.message)", advice: advice)
    }
    guard let idText = json["id"]?.stringValue, let id = try? QueryID(idText) else {
      throw CheckpointError(
        .corruptFile,
        "checkpoint file \(file) has no valid query id (expected {\"id\":\"<uuid>\"}, found "
          + "\(json.compact))", advice: advice)
    }
    var sources: [String]?
    if let list = json["sources"] {
      guard let items = list.arrayValue, items.allSatisfy({ $0.stringValue != nil }) else {
        throw CheckpointError(
          .corruptFile, "checkpoint file \(file): 'sources' must be a list of strings", advice: advice)
      }
      sources = items.compactMap(\.stringValue)
    }
    return CheckpointMetadata(id: id, name: json["name"]?.stringValue, sources: sources)
  }

  /// Refuses to run a query whose sources differ from the ones this checkpoint was written for
  /// (offsets of one source mean nothing to another). A checkpoint without `sources` (written
  /// by Spark) is accepted.
  public func verifySources(_ identities: [String], location: String) throws(CheckpointError) {
    guard let sources, sources != identities else { return }
    throw CheckpointError(
      .sourceMismatch,
      "checkpoint \(location) belongs to another query: it was written for source "
        + "\(sources.joined(separator: ", ")) but this job reads \(identities.joined(separator: ", ")), and "
        + "offsets of one source mean nothing to another (nothing was read or written)",
      advice: Self.foreignAdvice(location: location))
  }

  /// Refuses a checkpoint written by a job of another name (two jobs sharing a checkpoint
  /// folder by mistake would skip each other's batches). A checkpoint without a name (Spark)
  /// is accepted.
  public func verifyJob(name job: String, location: String) throws(CheckpointError) {
    guard let name, name != job else { return }
    throw CheckpointError(
      .sourceMismatch,
      "checkpoint \(location) belongs to job '\(name)', not to '\(job)' (its metadata names the job that "
        + "created it; nothing was read or written)",
      advice: Self.foreignAdvice(location: location)
        + "; if you renamed the job on purpose, set \"name\":\"\(job)\" in \(location)/metadata")
  }

  /// What to do with a checkpoint that belongs to another query.
  static func foreignAdvice(location: String) -> String {
    "to start fresh, give this job its own folder (`checkpoint: \(location)-new` in the job file) or move "
      + "this one away (`mv \(location) \(location).old`); to re-process part of the stream with the job "
      + "that owns it, use `sluice checkpoint rewind \(location) --to-batch N --dry-run`"
  }
}
