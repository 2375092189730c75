import Foundation

/// A fresh directory under the system temporary directory, removed by ``remove()`` (and by
/// `deinit` as a fallback), so no case leaves files behind.
final class ScratchDirectory {
  let path: String
  private var removed = false

  /// Creates `<tmp>/sluice-bench-<label>-<uuid>`.
  init(_ label: String) throws(BenchError) {
    let base = FileManager.default.temporaryDirectory.path
    path = base + "/sluice-bench-\(label)-\(UUID().uuidString.prefix(8))"
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw BenchError(.setup, "cannot create the temporary directory \(path): \(error)")
    }
  }

  /// `path/name`.
  func child(_ name: String) -> String { path + "/" + name }

  /// Bytes of all regular files below the directory.
  func sizeOnDisk() -> Int {
    guard let walker = FileManager.default.enumerator(atPath: path) else { return 0 }
    var total = 0
    while let name = walker.nextObject() as? String {
      let attributes = try? FileManager.default.attributesOfItem(atPath: child(name))
      if (attributes?[.type] as? FileAttributeType) == .typeRegular {
        total += (attributes?[.size] as? Int) ?? 0
      }
    }
    return total
  }

  func remove() {
    guard !removed else { return }
    removed = true
    try? FileManager.default.removeItem(atPath: path)
  }

  deinit { remove() }

  /// Removes the file tree at `path`, if any (errors are ignored: clean-up is best effort).
  static func removeTree(_ path: String) {
    try? FileManager.default.removeItem(atPath: path)
  }
}
