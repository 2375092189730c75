#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An open file descriptor with the few positioned operations the log needs. Every failure is
/// mapped to a ``LogError`` naming the path. Closed on `close()` or, at the latest, on deinit.
final class SystemFile {
  let path: String
  private(set) var descriptor: Int32

  private init(path: String, descriptor: Int32) {
    self.path = path
    self.descriptor = descriptor
  }

  deinit {
    if descriptor >= 0 { closeDescriptor(descriptor) }
  }

  static func openForReading(_ path: String) throws(LogError) -> SystemFile {
    try open(path, flags: O_RDONLY | O_CLOEXEC)
  }

  /// Opens for reading and writing, creating the file (mode 0644) when `create`.
  static func openForWriting(_ path: String, create: Bool) throws(LogError) -> SystemFile {
    try open(path, flags: O_RDWR | O_CLOEXEC | (create ? O_CREAT : 0))
  }

  /// Returns `nil` when the file does not exist.
  static func openForReadingIfPresent(_ path: String) throws(LogError) -> SystemFile? {
    let fd = openDescriptor(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 {
      let code = errno
      if code == ENOENT { return nil }
      throw LogError.system("open", path: path, errno: code)
    }
    return SystemFile(path: path, descriptor: fd)
  }

  private static func open(_ path: String, flags: Int32) throws(LogError) -> SystemFile {
    var fd: Int32
    repeat { fd = openDescriptor(path, flags) } while fd < 0 && errno == EINTR
    guard fd >= 0 else { throw LogError.system("open", path: path, errno: errno) }
    return SystemFile(path: path, descriptor: fd)
  }

  func close() {
    if descriptor >= 0 { closeDescriptor(descriptor) }
    descriptor = -1
  }

  /// Current size in bytes.
  func size() throws(LogError) -> Int64 {
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw LogError.system("fstat", path: path, errno: errno) }
    return Int64(info.st_size)
  }

  /// Reads up to `buffer.count` bytes at `position`; fewer only at end of file.
  func read(into buffer: UnsafeMutableRawBufferPointer, at position: Int64) throws(LogError) -> Int {
    guard let base = buffer.baseAddress else { return 0 }
    var done = 0
    while done < buffer.count {
      let n = pread(descriptor, base + done, buffer.count - done, off_t(position) + off_t(done))
      if n < 0 {
        if errno == EINTR { continue }
        throw LogError.system("read", path: path, errno: errno)
      }
      if n == 0 { break }
      done += n
    }
    return done
  }

  /// Reads `count` bytes at `position` (fewer at end of file) into a new array.
  func readBytes(count: Int, at position: Int64) throws(LogError) -> [UInt8] {
    guard count > 0 else { return [] }
    var bytes = [UInt8](repeating: 0, count: count)
    let n = try bytes.withLogMutableBytes { (buffer) throws(LogError) -> Int in
      try read(into: buffer, at: position)
    }
    bytes.removeLast(count - n)
    return bytes
  }

  /// Writes all of `bytes` at `position`.
  func write(_ bytes: UnsafeRawBufferPointer, at position: Int64) throws(LogError) {
    guard let base = bytes.baseAddress else { return }
    var done = 0
    while done < bytes.count {
      let n = pwrite(descriptor, base + done, bytes.count - done, off_t(position) + off_t(done))
      if n < 0 {
        if errno == EINTR { continue }
        throw LogError.system("write", path: path, errno: errno)
      }
      done += n
    }
  }

  func write(_ bytes: [UInt8], at position: Int64) throws(LogError) {
    try bytes.withLogBytes { (buffer) throws(LogError) in try write(buffer, at: position) }
  }

  /// Forces written data to stable storage (`fdatasync`).
  func sync() throws(LogError) {
    guard fdatasync(descriptor) == 0 else { throw LogError.system("fdatasync", path: path, errno: errno) }
  }

  func truncate(to size: Int64) throws(LogError) {
    guard ftruncate(descriptor, off_t(size)) == 0 else {
      throw LogError.system("ftruncate", path: path, errno: errno)
    }
  }

  /// Takes an exclusive `flock` without waiting; `false` when someone else holds it.
  func tryLockExclusive() throws(LogError) -> Bool {
    while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      let code = errno
      if code == EINTR { continue }
      if code == EWOULDBLOCK { return false }
      throw LogError.system("flock", path: path, errno: code)
    }
    return true
  }
}

private func openDescriptor(_ path: String, _ flags: Int32) -> Int32 {
  open(path, flags, 0o644)
}

private func closeDescriptor(_ descriptor: Int32) {
  _ = close(descriptor)
}
