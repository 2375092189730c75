import Foundation
import SluiceCore
import SluiceRuntime
import SluiceTransforms
import Yams

extension JobSpec {
  /// The keys a job file may have at the top level.
  static let topLevelKeys = [
    "name", "source", "schema", "transforms", "sink", "checkpoint", "trigger", "onError", "deadLetter",
  ]

  /// Reads and validates a job file. Every problem is reported with the file, line and key.
  public static func load(path: String) throws(JobError) -> JobSpec {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw JobError(.unreadable, "cannot read job file \(path): no such file or not readable")
    }
    return try parse(yaml: String(decoding: data, as: UTF8.self), file: path)
  }

  /// Validates job-file text (`file` names it in messages).
  public static func parse(yaml: String, file: String = "job.yaml") throws(JobError) -> JobSpec {
    let root: Node
    do {
      guard let node = try Yams.compose(yaml: yaml) else {
        throw JobError(.invalid, "\(file) is empty; a job needs at least name, source and sink")
      }
      root = node
    } catch let error as JobError {
      throw error
    } catch {
      throw JobError(.syntax, "\(file) is not valid YAML: \(error)")
    }
    let top = ConfigNode(node: root, path: "", file: file)
    guard top.isMapping else { throw top.error("a job file is a mapping with keys name, source, sink, …") }
    try top.expectKeys(topLevelKeys)

    let name = try top.required("name", hint: "give the job a name, e.g. `name: pin`").string()
    guard !name.isEmpty, name.utf8.allSatisfy({ isNameByte($0) }) else {
      throw top.error("name '\(name)' may only contain letters, digits, '.', '_' and '-'")
    }
    let sourceNode = try top.required("source", hint: "e.g. `source: {kind: log, topics: [pinterest.pin]}`")
    let (source, readLimit, metadata) = try parseSource(sourceNode)
    let transforms = try parseTransforms(try top.optional("transforms"))
    let schema = try parseSchema(try top.optional("schema"), transforms: transforms, at: top)
    for field in metadata where schema.index(of: field.columnName) != nil {
      throw sourceNode.error(
        "metadata column '\(field.columnName)' clashes with the schema field of the same name; "
          + "rename the schema field or drop '\(field.columnName)' from source.metadata")
    }
    let sink = try parseSink(
      try top.required("sink", hint: "e.g. `sink: {kind: delta, path: tables/pin}`"), jobName: name)
    let checkpoint = try top.optional("checkpoint")?.string() ?? "checkpoints/\(name)"
    let trigger: Trigger
    if let node = try top.optional("trigger") {
      do {
        trigger = try Trigger(parsing: try node.string())
      } catch {
        throw node.error("\(error)")
      }
    } else {
      trigger = .processingTime(.seconds(1))
    }
    let onError: OnErrorPolicy
    switch try top.optional("onError")?.choice(["fail", "skip", "deadLetter"]) ?? "fail" {
    case "skip": onError = .skip
    case "deadLetter": onError = .deadLetter
    default: onError = .fail
    }
    let deadLetter = try parseDeadLetter(
      try top.optional("deadLetter"), onError: onError, jobName: name, at: top)
    try top.rejectUnknownKeys()
    return JobSpec(
      name: name, source: source, metadata: metadata, schema: schema, transforms: transforms, sink: sink,
      checkpoint: checkpoint,
      trigger: trigger, readLimit: readLimit, onError: onError, file: file, deadLetter: deadLetter)
  }

  static func isNameByte(_ byte: UInt8) -> Bool {
    (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
      || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
  }

  // MARK: source

  /// Keys every source kind accepts; each kind adds its own (see `SourceSpec+<Kind>.swift`).
  static let commonSourceKeys = ["kind", "maxRecordsPerBatch", "maxBytesPerBatch", "metadata"]

  static func parseSource(_ node: ConfigNode) throws(JobError) -> (
    SourceSpec, ReadLimit, [SourceMetadataField]
  ) {
    let kind = try node.required("kind", hint: "the source kind, e.g. `kind: log`").choice(SourceSpec.kinds)
    let spec: SourceSpec
    switch kind {
    case "kinesis": spec = try parseKinesisSource(node)
    case "kafka": spec = try parseKafkaSource(node)
    default: spec = try parseLogSource(node)
    }
    var maxRecords = try node.optional("maxRecordsPerBatch")?.int(min: 1) ?? 100_000
    if case .kafka(let kafka) = spec, let maxOffsets = kafka.maxOffsetsPerTrigger {
      if try node.optional("maxRecordsPerBatch") != nil {
        throw node.error("give either maxOffsetsPerTrigger or maxRecordsPerBatch, not both")
      }
      maxRecords = maxOffsets
    }
    let maxBytes = try node.optional("maxBytesPerBatch")?.int(min: 1)
    let limit = ReadLimit(maxRecords: maxRecords, maxBytes: maxBytes)
    var metadata: [SourceMetadataField] = []
    if let metadataNode = try node.optional("metadata") {
      for item in try metadataNode.items() {
        let name = try item.string()
        guard let field = SourceMetadataField(rawValue: name) else {
          throw item.error("'\(name)' is not source metadata; allowed: \(SourceMetadataField.acceptedNames)")
        }
        metadata.append(field)
      }
    }
    try node.rejectUnknownKeys()
    return (spec, limit, metadata)
  }

  static func parseStartingOffsets(_ node: ConfigNode?) throws(JobError) -> StartingOffsetsSpec {
    guard let node else { return .earliest }
    let text = node.isScalar ? try node.string() : try node.jsonText()
    switch text.lowercased() {
    case "earliest": return .earliest
    case "latest": return .latest
    default:
      do {
        let offset = try SerializedOffset(text: text)
        guard offset.json.objectMembers != nil else { throw CoreError(.invalidOffset, "not an object") }
        return .specific(offset)
      } catch {
        throw node.error(
          "'\(text)' is not allowed; use earliest, latest or a JSON object like {\"pinterest.pin\":{\"0\":42}}"
        )
      }
    }
  }

  // MARK: schema

  static func parseSchema(_ node: ConfigNode?, transforms: [OperatorSpec], at top: ConfigNode)
    throws(JobError)
    -> Schema
  {
    guard let node else {
      if case .clean(let kind) = transforms.first { return kind.rawSchema }
      throw top.error(
        "the job needs a `schema:` for decoding records (or start `transforms:` with a cleaner such as `- clean: pin`)"
      )
    }
    var fields: [Field] = []
    for item in try node.items() {
      let field: Field
      let itemKeys = item.isMapping ? try item.keys() : []
      if itemKeys.contains("name") || itemKeys.contains("type") {
        let name = try item.required("name", hint: "the column name").string()
        let typeNode = try item.required("type", hint: "one of \(DataType.acceptedNames)")
        let type = try dataType(typeNode)
        let nullable = try item.optional("nullable")?.bool() ?? true
        try item.rejectUnknownKeys()
        field = Field(name, type, nullable: nullable)
      } else if itemKeys.count == 1, let key = itemKeys.first {
        field = Field(key, try dataType(try item.required(key, hint: "a type")))
      } else {
        throw item.error(
          "a schema entry is `- column: type` or `- {name: column, type: type, nullable: false}`")
      }
      guard !fields.contains(where: { $0.name == field.name }) else {
        throw item.error("column '\(field.name)' appears twice")
      }
      fields.append(field)
    }
    guard !fields.isEmpty else { throw node.error("the schema needs at least one column") }
    return Schema(fields)
  }

  static func dataType(_ node: ConfigNode) throws(JobError) -> DataType {
    let text = try node.string()
    guard let type = DataType(name: text) else {
      throw node.error("'\(text)' is not a type; use one of: \(DataType.acceptedNames)")
    }
    return type
  }

  // MARK: transforms

  static func parseTransforms(_ node: ConfigNode?) throws(JobError) -> [OperatorSpec] {
    guard let node else { return [] }
    var steps: [OperatorSpec] = []
    for item in try node.items() {
      guard item.isMapping, try item.keys().count == 1 else {
        throw item.error(
          "each transform is a single key, e.g. `- clean: pin` or `- rename: {index: ind}`; allowed: "
            + OperatorSpec.operations.joined(separator: ", "))
      }
      do {
        steps.append(try YAMLDecoder().decode(OperatorSpec.self, from: try Yams.serialize(node: item.node)))
      } catch let error as DecodingError {
        throw item.error(describe(error))
      } catch {
        throw item.error("\(error)")
      }
    }
    return steps
  }

  /// A one-line account of a Codable failure, naming the nested key.
  static func describe(_ error: DecodingError) -> String {
    func where_(_ context: DecodingError.Context) -> String {
      let path = context.codingPath.map(\.stringValue).joined(separator: ".")
      return path.isEmpty ? "" : "\(path): "
    }
    switch error {
    case .dataCorrupted(let context): return where_(context) + context.debugDescription
    case .keyNotFound(let key, let context): return where_(context) + "missing key '\(key.stringValue)'"
    case .typeMismatch(let type, let context):
      return where_(context)
        + "expected \(type == String.self ? "a text value" : "\(type)") (\(context.debugDescription))"
    case .valueNotFound(_, let context): return where_(context) + "a value is required"
    @unknown default: return "\(error)"
    }
  }

  // MARK: dead letters

  /// `deadLetter: {path: …, checkpointInterval: N}`; only with `onError: deadLetter`, which
  /// defaults it to `tables/<job>_deadletter`.
  static func parseDeadLetter(
    _ node: ConfigNode?, onError: OnErrorPolicy, jobName: String, at top: ConfigNode
  )
    throws(JobError) -> DeadLetterSpec?
  {
    guard onError == .deadLetter else {
      if let node {
        throw node.error(
          "`deadLetter:` is used only with `onError: deadLetter`; set that, or remove this key")
      }
      return nil
    }
    guard let node else { return DeadLetterSpec(path: "tables/\(jobName)_deadletter") }
    try node.expectKeys(["path", "checkpointInterval"])
    let spec = DeadLetterSpec(
      path: try node.optional("path")?.string() ?? "tables/\(jobName)_deadletter",
      checkpointInterval: try node.optional("checkpointInterval")?.int(min: 1) ?? 10)
    try node.rejectUnknownKeys()
    return spec
  }

  // MARK: sink

  static func parseSink(_ node: ConfigNode, jobName: String) throws(JobError) -> SinkSpec {
    let kind = try node.required("kind", hint: "the sink kind: delta or jsonl").choice(["delta", "jsonl"])
    switch kind {
    case "delta":
      try node.expectKeys([
        "kind", "path", "partitionBy", "targetFileRows", "targetFileBytes", "checkpointInterval",
      ])
      let spec = DeltaSinkSpec(
        path: try node.optional("path")?.string() ?? "tables/\(jobName)",
        partitionBy: try node.optional("partitionBy")?.strings() ?? [],
        targetFileRows: try node.optional("targetFileRows")?.int(min: 1) ?? 1_000_000,
        targetFileBytes: try node.optional("targetFileBytes")?.int(min: 1) ?? 128 << 20,
        checkpointInterval: try node.optional("checkpointInterval")?.int(min: 1) ?? 10)
      try node.rejectUnknownKeys()
      return .delta(spec)
    default:
      try node.expectKeys(["kind", "path"])
      let path = try node.required("path", hint: "the output folder, e.g. `path: out/pin`").string()
      try node.rejectUnknownKeys()
      return .jsonl(path: path)
    }
  }
}
