import SluiceCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A ``CheckpointStore`` in a local folder.
///
/// `createIfAbsent` writes the bytes to a hidden temporary file `.<name>.<uuid>.tmp` in the
/// target's folder, `fsync`s it, hard-links it to the final name (`link` fails when the name
/// exists, so nothing is ever overwritten; file systems without hard links fall back to
/// `renameat2(RENAME_NOREPLACE)`), removes the temporary name and `fsync`s the folder, so after
/// it returns `true` the file survives a power loss. A crash leaves at most a hidden temporary
/// file, which listings ignore.
public struct LocalCheckpointStore: CheckpointStore {
  /// The checkpoint folder (created on the first write).
  public let root: String

  public init(root: String) {
    var root = root
    while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
    self.root = root
  }

  public var location: String { root }

  public func createIfAbsent(_ path: String, contents: [UInt8]) throws -> Bool {
    let parts = try CheckpointPath.components(path)
    let folder = try ensureFolder(parts.dropLast(), for: path)
    let target = folder + "/" + parts.last!
    let temporary = folder + "/." + parts.last! + "." + QueryID.random().rawValue + ".tmp"
    try writeNewFile(temporary, contents: contents, display: path)
    defer { _ = unlink(temporary) }
    if link(temporary, target) != 0 {
      let number = errno
      if number == EEXIST { return false }
      guard [EPERM, EOPNOTSUPP, EMLINK, ENOSYS, EXDEV].contains(number) else {
        throw CheckpointError.posix(number, .writing, path: displayPath(path))
      }
      guard try renameWithoutReplacing(temporary, target, display: path) else { return false }
    }
    try syncFolder(folder, display: path)
    return true
  }

  public func overwrite(_ path: String, contents: [UInt8]) throws {
    let parts = try CheckpointPath.components(path)
    let folder = try ensureFolder(parts.dropLast(), for: path)
    let temporary = folder + "/." + parts.last! + "." + QueryID.random().rawValue + ".tmp"
    try writeNewFile(temporary, contents: contents, display: path)
    guard rename(temporary, folder + "/" + parts.last!) == 0 else {
      let number = errno
      _ = unlink(temporary)
      throw CheckpointError.posix(number, .writing, path: displayPath(path))
    }
    try syncFolder(folder, display: path)
  }

  public func read(_ path: String) throws -> [UInt8]? {
    _ = try CheckpointPath.components(path)
    return try readFile(root + "/" + path, display: path)
  }

  /// Creates the checkpoint folder (and its parents) if missing.
  func createRoot() throws {
    _ = try ensureFolder([], for: "")
  }

  /// Reads a hidden file directly inside the root (such as the lock file).
  func readHidden(_ name: String) throws -> [UInt8]? {
    try readFile(root + "/" + name, display: name)
  }

  private func readFile(_ file: String, display: String) throws -> [UInt8]? {
    let fd = open(file, O_RDONLY | O_CLOEXEC)
    if fd < 0 {
      let number = errno
      if number == ENOENT { return nil }
      throw CheckpointError.posix(number, .reading, path: displayPath(display))
    }
    defer { _ = close(fd) }
    var result: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let n = chunk.withUnsafeMutableBytes { readBytes(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw CheckpointError.posix(errno, .reading, path: displayPath(display))
      }
      if n == 0 { return result }
      result.append(contentsOf: chunk[0..<n])
    }
  }

  public func list(directory: String) throws -> [String] {
    let parts = try CheckpointPath.components(directory, allowEmpty: true)
    let folder = parts.isEmpty ? root : root + "/" + parts.joined(separator: "/")
    guard let handle = opendir(folder) else {
      let number = errno
      if number == ENOENT { return [] }
      throw CheckpointError.posix(number, .listing, path: displayPath(directory))
    }
    defer { closedir(handle) }
    var names: [String] = []
    while let entry = readdir(handle) {
      let name = withUnsafePointer(to: &entry.pointee.d_name) {
        String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
      }
      if name == "." || name == ".." || CheckpointPath.isHidden(name) { continue }
      names.append(name)
    }
    return names.sorted()
  }

  public func delete(_ path: String) throws {
    _ = try CheckpointPath.components(path)
    if unlink(root + "/" + path) != 0 && errno != ENOENT {
      throw CheckpointError.posix(errno, .deleting, path: displayPath(path))
    }
  }

  // MARK: - System calls

  /// Creates the folders of `parts` under the root as needed; returns the absolute folder path.
  private func ensureFolder(_ parts: ArraySlice<Substring>, for path: String) throws -> String {
    var folder = root
    try makeFolder(folder, parent: nil, display: path)
    for part in parts {
      let parent = folder
      folder += "/" + part
      try makeFolder(folder, parent: parent, display: path)
    }
    return folder
  }

  private func makeFolder(_ folder: String, parent: String?, display: String) throws {
    if mkdir(folder, 0o755) == 0 {
      if let parent { try syncFolder(parent, display: display) }
      return
    }
    let number = errno
    if number == EEXIST { return }
    if number == ENOENT && parent == nil {
      // The root's own parents are missing: create them like `mkdir -p`.
      var prefix = ""
      for part in folder.split(separator: "/") {
        prefix += (prefix.isEmpty && !folder.hasPrefix("/") ? "" : "/") + part
        if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
          throw CheckpointError.posix(errno, .creatingFolder, path: displayPath(display))
        }
      }
      return
    }
    throw CheckpointError.posix(number, .creatingFolder, path: displayPath(display))
  }

  private func writeNewFile(_ file: String, contents: [UInt8], display: String) throws {
    let fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw CheckpointError.posix(errno, .writing, path: displayPath(display)) }
    var failure: Int32?
    var written = 0
    contents.withUnsafeBytes { bytes in
      while written < bytes.count {
        let n = write(fd, bytes.baseAddress! + written, bytes.count - written)
        if n < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        written += n
      }
    }
    if failure == nil && fsync(fd) != 0 { failure = errno }
    if close(fd) != 0 && failure == nil { failure = errno }
    if let failure {
      _ = unlink(file)
      throw CheckpointError.posix(
        failure, failure == ENOSPC ? .writing : .syncing, path: displayPath(display))
    }
  }

  private func syncFolder(_ folder: String, display: String) throws {
    let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { throw CheckpointError.posix(errno, .syncing, path: displayPath(display)) }
    defer { _ = close(fd) }
    // Some file systems refuse fsync on folders (EINVAL); their metadata is synchronous anyway.
    if fsync(fd) != 0 && errno != EINVAL {
      throw CheckpointError.posix(errno, .syncing, path: displayPath(display))
    }
  }

  private typealias RenameAt2 =
    @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32

  /// `renameat2(…, RENAME_NOREPLACE)`, looked up at run time (the C library declares it only
  /// for GNU builds). Returns false when the target already exists.
  private func renameWithoutReplacing(_ from: String, _ to: String, display: String) throws -> Bool {
    #if canImport(Glibc)
      if let symbol = dlsym(nil, "renameat2") {
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameNoReplace: UInt32 = 1
        if renameat2(AT_FDCWD, from, AT_FDCWD, to, renameNoReplace) == 0 { return true }
        let number = errno
        if number == EEXIST { return false }
        if ![EINVAL, ENOSYS, EOPNOTSUPP].contains(number) {
          throw CheckpointError.posix(number, .writing, path: displayPath(display))
        }
      }
    #endif
    throw CheckpointError(
      .ioFailure,
      "cannot write \(displayPath(display)) safely: the file system supports neither hard links nor "
        + "renameat2(RENAME_NOREPLACE); put the checkpoint folder on a local disk (ext4, xfs, apfs)")
  }
}

/// The C library's `read`, which the store's own `read(_:)` method would otherwise shadow.
private func readBytes(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  #if canImport(Glibc)
    Glibc.read(fd, buffer, count)
  #else
    Darwin.read(fd, buffer, count)
  #endif
}
