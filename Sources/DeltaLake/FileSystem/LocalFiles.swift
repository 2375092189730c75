#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// POSIX file operations for the local log and data-file stores: durable exclusive create,
/// durable replace, read, list. The one place of this module that talks to the file system.
enum LocalFiles {
  /// Writes `contents` to a hidden temp file next to `directory/name`, fsyncs it, then `link()`s
  /// it to the final name (fails when the name exists: nothing is ever overwritten) and fsyncs
  /// the directory. Returns `false` when `name` already existed.
  static func createExclusive(directory: String, name: String, contents: [UInt8]) throws(DeltaError) -> Bool {
    let finalPath = directory + "/" + name
    let tempPath = try writeTemp(directory: directory, name: name, contents: contents)
    defer { unlink(tempPath) }
    if link(tempPath, finalPath) != 0 {
      if errno == EEXIST { return false }
      throw DeltaError.posix("create", path: finalPath)
    }
    syncDirectory(directory)
    return true
  }

  /// Writes `contents` durably under `directory/name`, replacing any existing file atomically
  /// (temp file, fsync, rename, fsync directory).
  static func writeReplacing(directory: String, name: String, contents: [UInt8]) throws(DeltaError) {
    let finalPath = directory + "/" + name
    let tempPath = try writeTemp(directory: directory, name: name, contents: contents)
    if rename(tempPath, finalPath) != 0 {
      let error = DeltaError.posix("rename into", path: finalPath)
      unlink(tempPath)
      throw error
    }
    syncDirectory(directory)
  }

  /// A fully written, fsynced hidden temp file in `directory`; returns its path.
  static func writeTemp(directory: String, name: String, contents: [UInt8]) throws(DeltaError) -> String {
    let leaf = name.split(separator: "/").last.map(String.init) ?? name
    let tempPath =
      directory + "/." + leaf + "." + String(UInt64.random(in: 0...UInt64.max), radix: 16) + ".tmp"
    let fd = open(tempPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw DeltaError.posix("create", path: tempPath) }
    var written = 0
    while written < contents.count {
      let n = contents.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
      if n < 0 {
        if errno == EINTR { continue }
        let error = DeltaError.posix("write", path: tempPath)
        close(fd)
        unlink(tempPath)
        throw error
      }
      written += n
    }
    if fsync(fd) != 0 {
      let error = DeltaError.posix("fsync", path: tempPath)
      close(fd)
      unlink(tempPath)
      throw error
    }
    close(fd)
    return tempPath
  }

  static func syncDirectory(_ directory: String) {
    let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return }
    _ = fsync(fd)
    close(fd)
  }

  /// Creates `path` and its missing parents.
  static func makeDirectories(_ path: String) throws(DeltaError) {
    if isDirectory(path) { return }
    var current = path.hasPrefix("/") ? "" : "."
    for component in path.split(separator: "/") {
      current += "/" + component
      if mkdir(current, 0o755) != 0 && errno != EEXIST {
        throw DeltaError.posix("create the folder", path: current)
      }
    }
  }

  /// The file's bytes, or `nil` when it does not exist.
  static func read(_ path: String) throws(DeltaError) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
      if errno == ENOENT { return nil }
      throw DeltaError.posix("open", path: path)
    }
    defer { close(fd) }
    var info = stat()
    var result: [UInt8] = []
    if fstat(fd, &info) == 0, info.st_size > 0 { result.reserveCapacity(Int(info.st_size)) }
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw DeltaError.posix("read", path: path)
      }
      if n == 0 { break }
      result.append(contentsOf: buffer[0..<n])
    }
    return result
  }

  /// Names and modification times (ms) of the entries of `directory` whose name passes
  /// `include` (only those are `stat`ed). Hidden names (temp files) are skipped.
  static func list(_ directory: String, include: (String) -> Bool = { _ in true }) throws(DeltaError)
    -> [(name: String, modificationTime: Int64)]
  {
    guard let dir = opendir(directory) else { throw DeltaError.posix("list", path: directory) }
    defer { closedir(dir) }
    var result: [(String, Int64)] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
      }
      if name.hasPrefix(".") || !include(name) { continue }
      result.append((name, modificationTime(directory + "/" + name) ?? 0))
    }
    return result
  }

  static func modificationTime(_ path: String) -> Int64? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return Int64(info.st_mtim.tv_sec) * 1000 + Int64(info.st_mtim.tv_nsec) / 1_000_000
  }

  static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }

  static func exists(_ path: String) -> Bool {
    access(path, F_OK) == 0
  }
}
