#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Directory and path operations of the log, mapped to ``LogError`` once, here.
enum FileSystem {
  /// Names in `directory` (without `.` and `..`), unsorted; `nil` when it does not exist.
  static func list(_ directory: String) throws(LogError) -> [String]? {
    guard let dir = opendir(directory) else {
      let code = errno
      if code == ENOENT || code == ENOTDIR { return nil }
      throw LogError.system("opendir", path: directory, errno: code)
    }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }

  static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }

  /// Size of the file at `path`, or `nil` when it does not exist.
  static func fileSize(_ path: String) -> Int64? {
    var info = stat()
    return stat(path, &info) == 0 ? Int64(info.st_size) : nil
  }

  static func exists(_ path: String) -> Bool {
    access(path, F_OK) == 0
  }

  /// Creates `path` and missing parents (mode 0755); succeeds when it already exists.
  static func makeDirectories(_ path: String) throws(LogError) {
    if isDirectory(path) { return }
    var prefix = path.hasPrefix("/") ? "/" : ""
    for component in path.split(separator: "/") {
      prefix += component
      if mkdir(prefix, 0o755) != 0 {
        let code = errno
        if code != EEXIST { throw LogError.system("mkdir", path: prefix, errno: code) }
      }
      prefix += "/"
    }
    guard isDirectory(path) else {
      throw LogError(.io, "\(path) exists but is not a directory; choose another log root")
    }
  }

  static func rename(_ from: String, to: String) throws(LogError) {
    guard renameFile(from, to) == 0 else {
      throw LogError.system("rename to \(to)", path: from, errno: errno)
    }
  }

  /// Creates `to` as a new name of `from`; `false` when `to` already exists.
  static func linkIfAbsent(_ from: String, to: String) throws(LogError) -> Bool {
    if link(from, to) == 0 { return true }
    let code = errno
    if code == EEXIST { return false }
    throw LogError.system("link to \(to)", path: from, errno: code)
  }

  /// Removes a file; succeeds when it is already gone.
  static func remove(_ path: String) throws(LogError) {
    if unlink(path) != 0 {
      let code = errno
      if code != ENOENT { throw LogError.system("unlink", path: path, errno: code) }
    }
  }

  /// fsyncs a directory so that names created or renamed in it survive a crash.
  static func syncDirectory(_ path: String) throws(LogError) {
    let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { throw LogError.system("open directory", path: path, errno: errno) }
    defer { close(fd) }
    guard fsync(fd) == 0 else { throw LogError.system("fsync directory", path: path, errno: errno) }
  }

  /// Writes `bytes` to `path` atomically: a temporary file in the same directory, fsynced, then
  /// renamed over `path` (or linked to it when `replace` is false, failing if it exists).
  /// Returns `false` only when `replace` is false and `path` already exists.
  @discardableResult
  static func writeAtomically(_ bytes: [UInt8], to path: String, replace: Bool) throws(LogError) -> Bool {
    let temporary = path + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max))" + LogLayout.temporarySuffix
    let file = try SystemFile.openForWriting(temporary, create: true)
    do {
      try file.truncate(to: 0)
      try file.write(bytes, at: 0)
      try file.sync()
      file.close()
      if replace {
        try rename(temporary, to: path)
        return true
      }
      let created = try linkIfAbsent(temporary, to: path)
      try remove(temporary)
      return created
    } catch {
      file.close()
      try? remove(temporary)
      throw error
    }
  }

  /// Milliseconds since the Unix epoch (wall clock).
  static func nowMilliseconds() -> Int64 {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
  }

  /// Milliseconds of a monotonic clock (for fsync intervals).
  static func monotonicMilliseconds() -> Int64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
  }
}

private func renameFile(_ from: String, _ to: String) -> Int32 {
  rename(from, to)
}
