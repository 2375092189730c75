import Yams

/// A YAML node with its key path, so every validation error can say exactly where it is:
/// `pin.yaml:7: source.startingOffsets: 'newest' is not allowed; use earliest, latest or a JSON object`.
///
/// Mappings remember which keys were read; ``rejectUnknownKeys()`` then names any key that is
/// not part of the job-file schema (a typo is an error, not silently ignored).
final class ConfigNode {
  let node: Node
  let path: String
  let file: String
  private var readKeys: Set<String> = []

  init(node: Node, path: String, file: String) {
    self.node = node
    self.path = path
    self.file = file
  }

  var line: Int? { node.mark.map { $0.line } }

  func error(_ message: String) -> JobError {
    let location = line.map { "\(file):\($0)" } ?? file
    let key = path.isEmpty ? "" : "\(path): "
    return JobError(.invalid, "\(location): \(key)\(message)")
  }

  var isMapping: Bool { node.mapping != nil }
  var isSequence: Bool { node.sequence != nil }
  var isScalar: Bool { node.scalar != nil }

  func childPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

  /// Keys of a mapping in document order.
  func keys() throws(JobError) -> [String] {
    guard let mapping = node.mapping else { throw error("expected a mapping of keys to values") }
    return mapping.keys.compactMap { $0.string }
  }

  /// The value under `key`, or nil when absent (or explicitly null).
  func optional(_ key: String) throws(JobError) -> ConfigNode? {
    guard let mapping = node.mapping else { throw error("expected a mapping of keys to values") }
    readKeys.insert(key)
    guard let value = mapping[key] else { return nil }
    if case .scalar(let scalar) = value, scalar.style == .plain,
      ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    {
      return nil
    }
    return ConfigNode(node: value, path: childPath(key), file: file)
  }

  func required(_ key: String, hint: String) throws(JobError) -> ConfigNode {
    guard let value = try optional(key) else {
      throw JobError(
        .invalid, "\(line.map { "\(file):\($0)" } ?? file): \(childPath(key)) is required: \(hint)")
    }
    return value
  }

  /// Fails on the first key that is not in `allowed`, suggesting the closest allowed key.
  /// Called before reading a mapping so a typo is reported as such, not as a missing key.
  func expectKeys(_ allowed: [String]) throws(JobError) {
    for key in try keys() where !allowed.contains(key) {
      let suggestion = allowed.min { Self.distance($0, key) < Self.distance($1, key) }
      let hint = suggestion.flatMap { Self.distance($0, key) <= 3 ? " (did you mean '\($0)'?)" : nil } ?? ""
      throw JobError(
        .invalid,
        "\(line.map { "\(file):\($0)" } ?? file): unknown key '\(childPath(key))'\(hint); allowed here: "
          + allowed.joined(separator: ", "))
    }
  }

  /// Levenshtein distance, for suggestions.
  static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a.lowercased())
    let b = Array(b.lowercased())
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...b.count {
        current[j] = min(
          previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }

  /// Fails on any key that was not looked up, listing the allowed keys.
  func rejectUnknownKeys() throws(JobError) {
    for key in try keys() where !readKeys.contains(key) {
      let allowed = readKeys.sorted().joined(separator: ", ")
      throw JobError(
        .invalid,
        "\(line.map { "\(file):\($0)" } ?? file): unknown key '\(childPath(key))'; allowed here: \(allowed)")
    }
  }

  func string() throws(JobError) -> String {
    guard let scalar = node.scalar else { throw error("expected a single value, found a \(kindName)") }
    return scalar.string
  }

  func int(min: Int = Int.min) throws(JobError) -> Int {
    let text = try string()
    guard let value = Int(text.replacingOccurrences(of: "_", with: "")) else {
      throw error("'\(text)' is not a whole number")
    }
    guard value >= min else { throw error("\(value) is too small; the minimum is \(min)") }
    return value
  }

  func bool() throws(JobError) -> Bool {
    switch try string().lowercased() {
    case "true", "yes", "on": return true
    case "false", "no", "off": return false
    case let other: throw error("'\(other)' is not a boolean; use true or false")
    }
  }

  /// A scalar or a sequence of scalars.
  func strings() throws(JobError) -> [String] {
    if node.scalar != nil { return [try string()] }
    return try items().map { (item) throws(JobError) -> String in try item.string() }
  }

  func items() throws(JobError) -> [ConfigNode] {
    guard let sequence = node.sequence else { throw error("expected a list, found a \(kindName)") }
    return sequence.enumerated().map { ConfigNode(node: $1, path: "\(path)[\($0)]", file: file) }
  }

  /// One of `allowed` (case-insensitive), returned in its canonical spelling.
  func choice(_ allowed: [String]) throws(JobError) -> String {
    let text = try string()
    guard let match = allowed.first(where: { $0.lowercased() == text.lowercased() }) else {
      throw error("'\(text)' is not allowed; use one of: \(allowed.joined(separator: ", "))")
    }
    return match
  }

  /// The node re-serialised as JSON text (for inline JSON offsets written as YAML mappings).
  func jsonText() throws(JobError) -> String {
    do {
      let any = try Yams.load(yaml: Yams.serialize(node: node))
      return Self.json(any)
    } catch {
      throw self.error("could not read the value: \(error)")
    }
  }

  static func json(_ value: Any?) -> String {
    switch value {
    case let dict as [String: Any]:
      return "{" + dict.keys.sorted().map { "\"\($0)\":" + json(dict[$0]) }.joined(separator: ",") + "}"
    case let array as [Any]: return "[" + array.map { json($0) }.joined(separator: ",") + "]"
    case let int as Int: return String(int)
    case let double as Double: return String(double)
    case let bool as Bool: return bool ? "true" : "false"
    case let string as String: return "\"" + string.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    default: return "null"
    }
  }

  var kindName: String {
    switch node {
    case .mapping: "mapping"
    case .sequence: "list"
    case .scalar: "value"
    }
  }
}
