/// One node of a Parquet schema tree (group or leaf), with the Dremel levels of its position.
/// Used by the checkpoint reader (built from a file footer) and writer (built in code).
struct ParquetSchemaNode {
  enum Repetition: Int32 {
    case required = 0
    case optional = 1
    case repeated = 2
  }

  enum PhysicalType: Int32 {
    case boolean = 0
    case int32 = 1
    case int64 = 2
    case int96 = 3
    case float = 4
    case double = 5
    case byteArray = 6
    case fixedLenByteArray = 7
  }

  /// Parquet ConvertedType values the checkpoint writer emits.
  enum Converted: Int32 {
    case utf8 = 0
    case map = 1
    case mapKeyValue = 2
    case list = 3
  }

  var name: String
  var repetition: Repetition
  var physicalType: PhysicalType?
  var converted: Converted?
  var children: [ParquetSchemaNode]
  /// Definition level of a present value at this node (optional and repeated ancestors + self).
  var definitionLevel = 0
  /// Repetition level of this node (repeated ancestors + self).
  var repetitionLevel = 0
  /// Index among the leaves, in depth-first order (leaves only).
  var leafIndex: Int?
  var path: [String] = []

  init(
    _ name: String, _ repetition: Repetition, _ physicalType: PhysicalType? = nil,
    converted: Converted? = nil,
    children: [ParquetSchemaNode] = []
  ) {
    self.name = name
    self.repetition = repetition
    self.physicalType = physicalType
    self.converted = converted
    self.children = children
  }

  var isLeaf: Bool { children.isEmpty && physicalType != nil }

  func child(_ name: String) -> ParquetSchemaNode? {
    children.first { $0.name == name }
  }

  /// Assigns levels, paths and leaf indices below this (root) node.
  mutating func resolve() {
    var nextLeaf = 0
    for i in children.indices {
      children[i].resolve(parentDefinition: 0, parentRepetition: 0, parentPath: [], nextLeaf: &nextLeaf)
    }
  }

  private mutating func resolve(
    parentDefinition: Int, parentRepetition: Int, parentPath: [String], nextLeaf: inout Int
  ) {
    definitionLevel = parentDefinition + (repetition == .required ? 0 : 1)
    repetitionLevel = parentRepetition + (repetition == .repeated ? 1 : 0)
    path = parentPath + [name]
    if isLeaf {
      leafIndex = nextLeaf
      nextLeaf += 1
    }
    for i in children.indices {
      children[i].resolve(
        parentDefinition: definitionLevel, parentRepetition: repetitionLevel, parentPath: path,
        nextLeaf: &nextLeaf)
    }
  }

  /// All leaves below this node, depth first.
  var leaves: [ParquetSchemaNode] {
    isLeaf ? [self] : children.flatMap(\.leaves)
  }

  /// The key and value leaves of a MAP group (`F (MAP) { repeated key_value { key; value } }`,
  /// whatever the repeated group is called).
  var mapEntries: (entry: ParquetSchemaNode, key: ParquetSchemaNode, value: ParquetSchemaNode)? {
    guard children.count == 1, let entry = children.first, entry.repetition == .repeated,
      entry.children.count == 2, entry.children[0].isLeaf, entry.children[1].isLeaf
    else { return nil }
    return (entry, entry.children[0], entry.children[1])
  }

  /// The repeated node and element leaf of a LIST group (3-level, or legacy 2-level).
  var listElement: (repeated: ParquetSchemaNode, element: ParquetSchemaNode)? {
    guard children.count == 1, let repeated = children.first, repeated.repetition == .repeated else {
      return nil
    }
    if repeated.isLeaf { return (repeated, repeated) }
    guard repeated.children.count == 1, repeated.children[0].isLeaf else { return nil }
    return (repeated, repeated.children[0])
  }

  /// Rebuilds the tree from a footer's flattened, depth-first schema element list.
  static func fromFooter(_ elements: [ThriftStruct]) throws(ParquetDecodingError) -> ParquetSchemaNode {
    var index = 0
    var root = try parseElement(elements, &index, isRoot: true)
    guard index == elements.count else { throw ParquetDecodingError("schema has elements outside the root") }
    root.resolve()
    return root
  }

  private static func parseElement(_ elements: [ThriftStruct], _ index: inout Int, isRoot: Bool)
    throws(ParquetDecodingError) -> ParquetSchemaNode
  {
    guard index < elements.count else { throw ParquetDecodingError("schema element list ends early") }
    let element = elements[index]
    index += 1
    let name = element[4]?.string ?? ""
    let repetition =
      isRoot ? .required : Repetition(rawValue: Int32(element[3]?.int ?? 0)) ?? .required
    let childCount = Int(element[5]?.int ?? 0)
    var node = ParquetSchemaNode(name, repetition)
    if childCount == 0 {
      guard let raw = element[1]?.int, let type = PhysicalType(rawValue: Int32(raw)) else {
        if isRoot { return node }
        throw ParquetDecodingError("schema element '\(name)' has no physical type")
      }
      node.physicalType = type
    } else {
      guard childCount <= elements.count - index else {
        throw ParquetDecodingError("schema element '\(name)' has too many children")
      }
      for _ in 0..<childCount { node.children.append(try parseElement(elements, &index, isRoot: false)) }
    }
    return node
  }
}
