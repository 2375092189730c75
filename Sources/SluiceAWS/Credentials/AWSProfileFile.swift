/// An AWS shared credentials or config file (INI): `[section]` headers, `key = value` lines,
/// `#`/`;` comments, and indented sub-settings (e.g. `s3 =` followed by indented lines) which are
/// skipped.
///
/// In the credentials file a section is named after the profile (`[default]`, `[dev]`); in the
/// config file it is `[default]` or `[profile dev]` (``Kind``), so both map to profile names.
public struct AWSProfileFile: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    case credentials
    case config
  }

  /// Profile name → lower-cased key → value.
  public private(set) var profiles: [String: [String: String]] = [:]
  /// The file's path (for messages).
  public let path: String

  /// Parses `text`; `path` names the file in messages.
  public init(text: String, kind: Kind, path: String) throws(AWSError) {
    self.path = path
    var current: String?
    var sawSection = false
    var inSubSection = false
    var lineNumber = 0
    for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
      let stripped = line.trimmingWhitespace()
      if stripped.isEmpty || stripped.hasPrefix("#") || stripped.hasPrefix(";") { continue }
      let indented = line.first == " " || line.first == "\t"
      if stripped.hasPrefix("[") {
        guard stripped.hasSuffix("]") else {
          throw AWSError(
            .invalidProfileFile, "\(path) line \(lineNumber): a section header needs a closing ']'")
        }
        let name = stripped.dropFirst().dropLast().trimmingWhitespace()
        current = Self.profileName(section: String(name), kind: kind)
        sawSection = true
        if let current, profiles[current] == nil { profiles[current] = [:] }
        inSubSection = false
        continue
      }
      if indented && inSubSection { continue }
      guard let equals = stripped.firstIndex(of: "=") else {
        throw AWSError(
          .invalidProfileFile,
          "\(path) line \(lineNumber): expected `key = value` or `[section]`, found '\(stripped)'")
      }
      guard sawSection else {
        throw AWSError(
          .invalidProfileFile, "\(path) line \(lineNumber): a setting before any [section] header")
      }
      // Settings of sections that are not profiles (`[sso-session x]`) are skipped.
      guard let profile = current else { continue }
      let key = stripped[..<equals].trimmingWhitespace().lowercased()
      let value = Self.withoutInlineComment(stripped[stripped.index(after: equals)...]).trimmingWhitespace()
      inSubSection = value.isEmpty
      if !inSubSection { profiles[profile]?[key] = String(value) }
    }
  }

  /// The settings of `profile`, or `nil` when the file has no such profile.
  public func settings(_ profile: String) -> [String: String]? { profiles[profile] }

  /// `value` up to a `#` or `;` that follows a space or tab (an inline comment).
  static func withoutInlineComment(_ value: Substring) -> Substring {
    var previous: Character = "x"
    for index in value.indices {
      let character = value[index]
      if (character == "#" || character == ";") && (previous == " " || previous == "\t") {
        return value[..<index]
      }
      previous = character
    }
    return value
  }

  /// `default` → `default`; in config files `profile dev` → `dev` (a bare `dev` is accepted too,
  /// as the SDKs do); other config sections (`sso-session x`, `services x`) are ignored (`nil`).
  static func profileName(section: String, kind: Kind) -> String? {
    switch kind {
    case .credentials: return section
    case .config:
      if section == "default" { return section }
      let parts = section.split(separator: " ", omittingEmptySubsequences: true)
      if parts.count == 2, parts[0] == "profile" { return String(parts[1]) }
      if parts.count == 1 { return section }
      return nil
    }
  }
}

extension StringProtocol {
  func trimmingWhitespace() -> Substring {
    var result = self[...]
    while let first = result.first, first == " " || first == "\t" { result.removeFirst() }
    while let last = result.last, last == " " || last == "\t" { result.removeLast() }
    return Substring(result)
  }
}
