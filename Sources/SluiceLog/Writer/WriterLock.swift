#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The exclusive writer lock of a topic: an `flock` on `<root>/<topic>/.writer.lock`, which
/// holds the owner's pid for the error message a second writer gets. `flock` belongs to the open
/// file description, so it excludes other processes and other writers in this process alike,
/// and the kernel releases it when the owner dies.
final class WriterLock {
  let topic: String
  private var file: SystemFile?

  /// Takes the lock or throws `writerLocked` naming the holder's pid.
  init(root: String, topic: String) throws(LogError) {
    self.topic = topic
    let path = LogLayout.writerLockFile(root: root, topic: topic)
    let file = try SystemFile.openForWriting(path, create: true)
    guard try file.tryLockExclusive() else {
      let content = (try? file.readBytes(count: 32, at: 0)) ?? []
      let pid = Int(String(decoding: content, as: UTF8.self).split(separator: "\n").first ?? "")
      file.close()
      throw LogError(
        .writerLocked,
        "topic \(topic) is being written by another process (pid \(pid.map(String.init) ?? "unknown")); "
          + "a topic has one writer at a time: stop that writer or wait for it to finish (lock file \(path))")
    }
    try file.truncate(to: 0)
    try file.write(Array("\(getpid())\n".utf8), at: 0)
    self.file = file
  }

  deinit { release() }

  /// Releases the lock (closing the descriptor drops the flock). Idempotent.
  func release() {
    file?.close()
    file = nil
  }
}
