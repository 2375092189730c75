#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension LogStore {
  /// Deletes `topic` and all its records. Takes the writer lock for the deletion, so it fails with
  /// `writerLocked` while a writer (in this or another process) is open; `topicNotFound` when the
  /// topic does not exist. `topic.json` goes first, so from that moment the topic is gone for
  /// every reader; the segment files and folders follow. Readers that are reading it fail.
  public func deleteTopic(_ topic: String) throws(LogError) {
    let metadata = try metadata(topic: topic)
    let directory = LogLayout.topicDirectory(root: root, topic: topic)
    let lock = try WriterLock(root: root, topic: topic)
    defer { lock.release() }
    try FileSystem.remove(LogLayout.topicFile(root: root, topic: topic))
    if configuration.fsync != .never { try FileSystem.syncDirectory(directory) }
    for p in 0..<metadata.partitions {
      let partition = LogLayout.partitionDirectory(root: root, topic: topic, partition: Int32(p))
      for name in try FileSystem.list(partition) ?? [] { try FileSystem.remove(partition + "/" + name) }
      try FileSystem.removeDirectory(partition)
    }
    for name in try FileSystem.list(directory) ?? [] where name != LogLayout.writerLockFileName {
      let path = directory + "/" + name
      if FileSystem.isDirectory(path) { continue }  // a folder we do not know: leave it
      try FileSystem.remove(path)
    }
    try FileSystem.remove(LogLayout.writerLockFile(root: root, topic: topic))
    lock.release()
    // Another folder left inside (not ours) keeps the topic folder; the topic is gone regardless.
    try? FileSystem.removeDirectory(directory)
    if configuration.fsync != .never { try FileSystem.syncDirectory(root) }
  }
}

extension FileSystem {
  /// Removes an empty directory; succeeds when it is already gone.
  static func removeDirectory(_ path: String) throws(LogError) {
    if rmdir(path) != 0 {
      let code = errno
      if code != ENOENT { throw LogError.system("rmdir", path: path, errno: code) }
    }
  }
}
