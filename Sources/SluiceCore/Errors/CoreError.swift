/// Errors raised by the core value types.
public struct CoreError: Error, Sendable, Hashable, CustomStringConvertible {
  public struct Code: Sendable, Hashable, CustomStringConvertible {
    let name: String
    public var description: String { name }
    public static let schemaMismatch = Code(name: "schemaMismatch")
    public static let typeMismatch = Code(name: "typeMismatch")
    public static let outOfRange = Code(name: "outOfRange")
    public static let invalidJSON = Code(name: "invalidJSON")
    public static let invalidOffset = Code(name: "invalidOffset")
    public static let invalidIdentifier = Code(name: "invalidIdentifier")
  }

  public let code: Code
  public let message: String

  public init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }

  public var description: String { message }

  static func schemaMismatch(_ message: String) -> CoreError { CoreError(.schemaMismatch, message) }
  static func valueTypeMismatch(_ value: Value, _ type: DataType) -> CoreError {
    CoreError(.typeMismatch, "value \(value) does not fit a \(type) column")
  }
  static func valueOutOfRange(_ value: Value, _ type: DataType) -> CoreError {
    CoreError(.outOfRange, "value \(value) is out of range for a \(type) column")
  }
}
