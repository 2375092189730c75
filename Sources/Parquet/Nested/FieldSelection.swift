/// The fields a projected nested read asks for, as a tree of names: a node either takes its field
/// whole or names the struct members it takes. Built from paths such as `["add", "path"]`.
struct FieldSelection: Sendable {
  /// Whether the field is taken whole (a path ended here).
  private(set) var whole = false
  /// Index (in the paths given) of the first path that ended here.
  private(set) var pathIndex: Int?
  /// Selected members by name, when the field is not taken whole.
  private(set) var members: [String: FieldSelection] = [:]
  /// Whether two paths are equal or one is a prefix of another (root only).
  private(set) var overlapping = false

  /// The selection of `paths` (each non-empty); a path that is a prefix of another takes its
  /// field whole.
  init(paths: [[String]]) throws(ParquetError) {
    for (index, path) in paths.enumerated() {
      guard !path.isEmpty, !path.contains(where: \.isEmpty) else {
        throw ParquetError(.invalidArgument, "field path \(path) is empty or has an empty name")
      }
      if !add(path[...], index: index) { overlapping = true }
    }
  }

  private init() {}

  /// Adds the path; false when it meets another path (equal, prefix or extension).
  private mutating func add(_ path: ArraySlice<String>, index: Int) -> Bool {
    guard !whole else { return false }
    guard let first = path.first else {
      let alone = members.isEmpty
      whole = true
      pathIndex = index
      members = [:]
      return alone
    }
    return members[first, default: FieldSelection()].add(path.dropFirst(), index: index)
  }
}
