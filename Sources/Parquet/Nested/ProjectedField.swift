import SluiceCore

/// A field of a projected nested read: either taken whole (`pathIndex` set: the path that
/// selected it) or a struct holding only its selected `members`. `node` covers exactly the
/// selected leaves, so assembling it yields the struct with only those members. A class: the
/// row cursor walks these once per row.
final class ProjectedField: Sendable {
  let field: NestedField
  let node: NestedNode
  let pathIndex: Int?
  let members: [ProjectedField]

  init(field: NestedField, node: NestedNode, pathIndex: Int?, members: [ProjectedField]) {
    self.field = field
    self.node = node
    self.pathIndex = pathIndex
    self.members = members
  }
}
