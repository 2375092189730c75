/// A named, typed column of a ``Schema``.
public struct Field: Sendable, Hashable, CustomStringConvertible {
  public var name: String
  public var type: DataType
  public var nullable: Bool

  public init(_ name: String, _ type: DataType, nullable: Bool = true) {
    self.name = name
    self.type = type
    self.nullable = nullable
  }

  public var description: String { "\(name): \(type)\(nullable ? "" : " not null")" }
}
