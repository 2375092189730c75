#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Durable, all-or-nothing file creation: write a hidden temp file in the same directory, fsync
/// it, `link()` it to the final name (which fails if the name exists, so nothing is ever
/// overwritten), unlink the temp file and fsync the directory. The final name therefore only
/// ever appears complete; a crash at any point leaves at most a stray `.…tmp` file.
enum AtomicFile {
  /// Returns false when `path` already exists (its content is left untouched).
  static func createIfAbsent(directory: String, name: String, contents: [UInt8]) throws(FileSinkError) -> Bool
  {
    let written = try createIfAbsent(directory: directory, name: name) { (file) throws(FileSinkError) in
      try file.write(contents)
    }
    return written != nil
  }

  /// Creates `name` with the bytes `produce` writes, piece by piece, to the temp file (so the
  /// content never has to be in memory at once). Returns the number of bytes written, or `nil`
  /// when `name` already exists (its content is left untouched; what `produce` wrote is
  /// discarded).
  static func createIfAbsent(
    directory: String, name: String, writing produce: (inout Writer) throws(FileSinkError) -> Void
  ) throws(FileSinkError) -> Int? {
    let finalPath = directory + "/" + name
    let tempPath =
      directory + "/." + name + "." + String(UInt64.random(in: 0...UInt64.max), radix: 16) + ".tmp"
    let fd = open(tempPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw posixError("create", tempPath) }
    var writer = Writer(descriptor: fd, path: tempPath)
    do throws(FileSinkError) {
      try produce(&writer)
      if fsync(fd) != 0 { throw posixError("fsync", tempPath) }
    } catch {
      close(fd)
      unlink(tempPath)
      throw error
    }
    close(fd)
    defer { unlink(tempPath) }
    if link(tempPath, finalPath) != 0 {
      if errno == EEXIST { return nil }
      throw posixError("link", finalPath)
    }
    syncDirectory(directory)
    return writer.count
  }

  /// Appends to the temp file of ``createIfAbsent(directory:name:writing:)``.
  struct Writer {
    let descriptor: Int32
    let path: String
    /// Bytes written so far.
    private(set) var count = 0

    init(descriptor: Int32, path: String) {
      self.descriptor = descriptor
      self.path = path
    }

    /// Writes all of `bytes`, retrying short and interrupted writes.
    mutating func write(_ bytes: UnsafeRawBufferPointer) throws(FileSinkError) {
      guard let base = bytes.baseAddress else { return }
      var done = 0
      while done < bytes.count {
        let n = Glibc.write(descriptor, base + done, bytes.count - done)
        if n < 0 {
          if errno == EINTR { continue }
          throw AtomicFile.posixError("write", path)
        }
        done += n
      }
      count += done
      if count - writebackStart >= Self.writebackBytes {
        EarlyWriteback.start(descriptor, from: writebackStart, count: count - writebackStart)
        writebackStart = count
      }
    }

    /// Written bytes after which the kernel is asked to start writing them back, so the final
    /// fsync waits only for the tail instead of the whole file.
    static let writebackBytes = 8 << 20
    private var writebackStart = 0

    mutating func write(_ bytes: [UInt8]) throws(FileSinkError) {
      var failure: FileSinkError?
      bytes.withUnsafeBytes { buffer in
        do throws(FileSinkError) { try write(buffer) } catch { failure = error }
      }
      if let failure { throw failure }
    }
  }

  static func syncDirectory(_ directory: String) {
    let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return }
    _ = fsync(fd)
    close(fd)
  }

  static func makeDirectories(_ path: String) throws(FileSinkError) {
    var current = path.hasPrefix("/") ? "" : "."
    for component in path.split(separator: "/") {
      current += "/" + component
      if mkdir(current, 0o755) != 0 && errno != EEXIST { throw posixError("create directory", current) }
    }
  }

  static func read(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var result: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
      let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { break }
      result.append(contentsOf: buffer[0..<n])
    }
    return result
  }

  static func exists(_ path: String) -> Bool {
    access(path, F_OK) == 0
  }

  static func posixError(_ operation: String, _ path: String) -> FileSinkError {
    let code = errno
    let reason = String(cString: strerror(code))
    if code == ENOSPC {
      return FileSinkError(
        .diskFull,
        "disk full while trying to \(operation) \(path); free some space and run the job again: "
          + "the batch was not committed and will be re-run, nothing is lost")
    }
    return FileSinkError(.io, "could not \(operation) \(path): \(reason)")
  }
}

/// `sync_file_range(SYNC_FILE_RANGE_WRITE)`: starts writing a range of a file back to disk
/// without waiting for it (Linux; Glibc's module does not export it, so it is looked up once).
/// Elsewhere, or when the lookup fails, it does nothing: the final fsync writes everything.
enum EarlyWriteback {
  typealias Function = @convention(c) (Int32, Int64, Int64, UInt32) -> Int32

  static let function: Function? = {
    #if os(Linux)
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sync_file_range") else { return nil }
      return unsafeBitCast(symbol, to: Function.self)
    #else
      return nil
    #endif
  }()

  /// `SYNC_FILE_RANGE_WRITE`.
  static let write: UInt32 = 2

  static func start(_ descriptor: Int32, from offset: Int, count: Int) {
    _ = function?(descriptor, Int64(offset), Int64(count), write)
  }
}
