#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a whole file into memory with POSIX calls (errors name the path and the errno).
enum FileBytes {
  static func read(_ path: String) throws(ParquetError) -> [UInt8] {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw failure("open", path) }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw failure("stat", path) }
    let size = Int(info.st_size)
    var bytes = [UInt8](repeating: 0, count: size)
    var done = 0
    while done < size {
      let count = bytes.withUnsafeMutableBytes { raw in
        Glibc.read(descriptor, raw.baseAddress! + done, size - done)
      }
      if count < 0 {
        if errno == EINTR { continue }
        throw failure("read", path)
      }
      if count == 0 { break }
      done += count
    }
    if done < size { bytes.removeLast(size - done) }
    return bytes
  }

  private static func failure(_ operation: String, _ path: String) -> ParquetError {
    let code = errno
    return ParquetError(
      .io, "cannot \(operation) \(path): \(String(cString: strerror(code))) (errno \(code))")
  }
}
