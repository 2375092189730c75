/// Errors of the file sinks.
public struct FileSinkError: Error, Sendable, CustomStringConvertible {
  public struct Code: Sendable, Hashable, CustomStringConvertible {
    let name: String
    public var description: String { name }
    public static let io = Code(name: "io")
    public static let diskFull = Code(name: "diskFull")
    public static let foreignQuery = Code(name: "foreignQuery")
    public static let corruptMarker = Code(name: "corruptMarker")
  }

  public let code: Code
  public let message: String

  public init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }

  public var description: String { message }
}
