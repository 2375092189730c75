/// The live `add` actions of a snapshot, keyed by path, in the order they were added.
///
/// Adding and removing are O(1) (removal leaves a hole that is compacted when holes outnumber
/// live files), so advancing a snapshot by one commit costs only that commit's actions.
struct FileSet: Sendable {
  private var slots: [AddAction?] = []
  private var indexByPath: [String: Int] = [:]
  private var holes = 0
  private(set) var totalSize: Int64 = 0

  var count: Int { indexByPath.count }

  /// Adds (or replaces, keeping the newer action) the file at `add.path`.
  mutating func add(_ add: AddAction) {
    if let index = indexByPath[add.path], let old = slots[index] {
      totalSize -= old.size
      slots[index] = nil
      holes += 1
    }
    indexByPath[add.path] = slots.count
    slots.append(add)
    totalSize += add.size
  }

  /// Removes the file at `path` (no-op when it is not live).
  mutating func remove(path: String) {
    guard let index = indexByPath.removeValue(forKey: path), let old = slots[index] else { return }
    totalSize -= old.size
    slots[index] = nil
    holes += 1
    if holes > 64 && holes > indexByPath.count { compact() }
  }

  func contains(path: String) -> Bool { indexByPath[path] != nil }

  /// Live files in the order they were added.
  var files: [AddAction] { slots.compactMap { $0 } }

  private mutating func compact() {
    slots = slots.compactMap { $0 }
    indexByPath = [:]
    for (index, add) in slots.enumerated() { indexByPath[add!.path] = index }
    holes = 0
  }
}
