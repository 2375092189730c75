/// The fields a projected nested read asks for, as a tree of names: a node either takes its field
/// whole or names the struct members it takes. Built from paths such as `["add", "path"]`.
struct FieldSelection: Sendable {
  /// Whether the field is taken whole (a path ended here).
  private(set) var whole = false
  /// Selected members by name, when the field is not taken whole.
  private(set) var members: [String: FieldSelection] = [:]

  /// The selection of `paths` (each non-empty); a path that is a prefix of another takes its
  /// field whole.
  init(paths: [[String]]) throws(ParquetError) {
    for path in paths {
      guard !path.isEmpty, !path.contains(where: \.isEmpty) else {
        throw ParquetError(.invalidArgument, "field path \(path) is empty or has an empty name")
      }
      add(path[...])
    }
  }

  private init() {}

  private mutating func add(_ path: ArraySlice<String>) {
    guard !whole else { return }
    guard let first = path.first else {
      whole = true
      members = [:]
      return
    }
    members[first, default: FieldSelection()].add(path.dropFirst())
  }
}
