/// The schema of a Parquet file rebuilt as a tree from the flattened, depth-first element list,
/// with each node's definition / repetition levels and each leaf's column-chunk index.
struct SchemaTree: Sendable {
  struct Node: Sendable {
    let element: SchemaElement
    var children: [Node]
    /// Names from below the root to this node.
    let path: [String]
    /// Definition level reached when this node is present (OPTIONAL/REPEATED ancestors + self).
    let definitionLevel: Int
    /// Number of REPEATED nodes on the path including this one.
    let repetitionLevel: Int
    /// For leaves: the index of the column chunk in every row group.
    let leafIndex: Int?

    var isLeaf: Bool { element.type != nil }
    var name: String { element.name }
    var repetition: Repetition { element.repetition ?? .required }
  }

  let root: Node
  /// Leaves in column-chunk order.
  let leaves: [Node]

  init(elements: [SchemaElement]) throws(ParquetError) {
    guard let first = elements.first else { throw .corrupt("the file schema is empty") }
    var position = 1
    var leaves: [Node] = []
    let children = try Self.children(
      of: first, elements, &position, path: [], definition: 0, repetition: 0, leaves: &leaves, depth: 0)
    guard position == elements.count else {
      throw .corrupt(
        "the file schema lists \(elements.count) elements but the root's tree covers \(position)")
    }
    root = Node(
      element: first, children: children, path: [], definitionLevel: 0, repetitionLevel: 0, leafIndex: nil)
    self.leaves = leaves
  }

  private static func children(
    of parent: SchemaElement, _ elements: [SchemaElement], _ position: inout Int, path: [String],
    definition: Int, repetition: Int, leaves: inout [Node], depth: Int
  ) throws(ParquetError) -> [Node] {
    guard depth < 64 else { throw .corrupt("the file schema is nested more than 64 levels deep") }
    let count = Int(parent.numChildren ?? 0)
    guard count >= 0, count <= elements.count - position else {
      throw .corrupt("schema element \(parent.name) declares \(count) children, more than the schema holds")
    }
    var nodes: [Node] = []
    for _ in 0..<count {
      let element = elements[position]
      position += 1
      let rep = element.repetition ?? .required
      let nodeDefinition = definition + (rep == .required ? 0 : 1)
      let nodeRepetition = repetition + (rep == .repeated ? 1 : 0)
      let nodePath = path + [element.name]
      if element.type != nil || element.numChildren == nil {
        guard element.type != nil else {
          throw .corrupt("schema leaf \(nodePath.joined(separator: ".")) has no type")
        }
        let node = Node(
          element: element, children: [], path: nodePath, definitionLevel: nodeDefinition,
          repetitionLevel: nodeRepetition, leafIndex: leaves.count)
        leaves.append(node)
        nodes.append(node)
      } else {
        let children = try Self.children(
          of: element, elements, &position, path: nodePath, definition: nodeDefinition,
          repetition: nodeRepetition, leaves: &leaves, depth: depth + 1)
        nodes.append(
          Node(
            element: element, children: children, path: nodePath, definitionLevel: nodeDefinition,
            repetitionLevel: nodeRepetition, leafIndex: nil))
      }
    }
    return nodes
  }
}
