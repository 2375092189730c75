/// Why one JSON record could not be decoded into a row of the schema.
///
/// The decoder never throws this for a whole batch: each failure becomes a
/// `RejectedRecord` whose `reason` is ``message`` (the record's topic/partition/offset is in the
/// rejected record's `position`). The message says what was wrong and where inside the record,
/// e.g. `field 'index': expected int64, found string "abc"` or
/// `malformed JSON at byte 17: expected ':' after object key`.
public struct JSONDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The kind of failure; stable for programs that react to it.
  public struct Code: Sendable, Hashable, CustomStringConvertible {
    let name: String
    public var description: String { name }

    /// The bytes are not valid JSON (truncated, bad escape, trailing garbage, ...).
    public static let malformedJSON = Code(name: "malformedJSON")
    /// The record is valid JSON but not an object (or is empty).
    public static let notAnObject = Code(name: "notAnObject")
    /// A field holds a JSON value its column type does not accept.
    public static let typeMismatch = Code(name: "typeMismatch")
    /// A number does not fit the column type (e.g. 3000000000 for int32).
    public static let outOfRange = Code(name: "outOfRange")
    /// A non-nullable field is absent or explicitly `null`.
    public static let nullNotAllowed = Code(name: "nullNotAllowed")
    /// A field appears twice and the options say `.reject`.
    public static let duplicateField = Code(name: "duplicateField")
  }

  public let code: Code
  public let message: String

  public init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }

  public var description: String { message }

  static func malformed(at byte: Int, _ what: String) -> JSONDecodingError {
    JSONDecodingError(.malformedJSON, "malformed JSON at byte \(byte): \(what)")
  }
}
