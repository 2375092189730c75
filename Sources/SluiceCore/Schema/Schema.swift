/// An ordered list of uniquely named fields.
public struct Schema: Sendable, Hashable, CustomStringConvertible {
  public private(set) var fields: [Field]

  public init(_ fields: [Field]) {
    self.fields = fields
  }

  public var count: Int { fields.count }
  public var names: [String] { fields.map(\.name) }

  /// Index of the field called `name` (exact, case-sensitive match).
  public func index(of name: String) -> Int? {
    fields.firstIndex { $0.name == name }
  }

  public func field(named name: String) -> Field? {
    index(of: name).map { fields[$0] }
  }

  public subscript(index: Int) -> Field { fields[index] }

  public var description: String {
    "(" + fields.map(\.description).joined(separator: ", ") + ")"
  }
}
