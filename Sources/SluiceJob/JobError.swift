/// Errors of the job layer: invalid job files and wiring problems.
public struct JobError: Error, Sendable, CustomStringConvertible {
  public struct Code: Sendable, Hashable, CustomStringConvertible {
    let name: String
    public var description: String { name }
    /// The job file could not be read.
    public static let unreadable = Code(name: "unreadable")
    /// The file is not valid YAML.
    public static let syntax = Code(name: "syntax")
    /// A key is missing, unknown, or has a value that is not allowed.
    public static let invalid = Code(name: "invalid")
  }

  public let code: Code
  public let message: String

  public init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }

  public var description: String { message }
}
