/// A source-specific position in a stream, e.g. `{"pinterest.pin":{"0":120,"1":98}}`.
///
/// Every source owns one concrete offset type. Its canonical JSON form (keys sorted, compact)
/// is what the offsets log stores; two equal offsets always serialise to the same text.
/// Offsets are *exclusive end positions*: the offset of the next record to read.
public protocol Offset: Sendable, Hashable {
  /// Decodes the JSON form; throws a descriptive error for a malformed document.
  init(json: JSONValue) throws
  var json: JSONValue { get }
}

extension Offset {
  public var serialized: SerializedOffset { SerializedOffset(json: json) }

  public init(_ serialized: SerializedOffset) throws {
    try self.init(json: try JSONValue.parse(serialized.text))
  }
}

/// An offset in its canonical serialized form, as read from or written to the offsets log
/// before (or without) a source decoding it.
public struct SerializedOffset: Sendable, Hashable, CustomStringConvertible {
  /// Canonical JSON text (sorted keys, no whitespace).
  public let text: String

  public init(json: JSONValue) {
    text = json.canonical
  }

  /// Parses and canonicalises `text`.
  public init(text: String) throws(CoreError) {
    self.text = try JSONValue.parse(text).canonical
  }

  public var json: JSONValue { (try? JSONValue.parse(text)) ?? .null }
  public var description: String { text }
}
