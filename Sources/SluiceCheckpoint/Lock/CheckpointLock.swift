import SluiceCore
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An exclusive lock on a local checkpoint folder, so two runs of the same job cannot share a
/// checkpoint: `<folder>/.lock` held with `flock(LOCK_EX | LOCK_NB)` for the life of the run.
///
/// The file holds the holder's pid, host and start time as JSON, for the message the second run
/// prints. The operating system releases the lock when the process exits in any way (even
/// `SIGKILL`), so a leftover `.lock` file never blocks a later run. The lock belongs to the open
/// file description: two ``acquire(directory:)`` calls in one process also exclude each other.
public final class CheckpointLock: Sendable {
  public static let fileName = ".lock"

  /// The lock file's path.
  public let path: String
  private let descriptor: Mutex<Int32>

  private init(path: String, descriptor: Int32) {
    self.path = path
    self.descriptor = Mutex(descriptor)
  }

  deinit { release() }

  /// Takes the lock of checkpoint folder `directory` (creating the folder if needed) or throws
  /// `checkpointInUse` naming the run that holds it.
  public static func acquire(directory: String) throws -> CheckpointLock {
    try LocalCheckpointStore(root: directory).createRoot()
    let path = LocalCheckpointStore(root: directory).root + "/" + fileName
    let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw CheckpointError.posix(errno, .locking, path: path) }
    if flock(fd, LOCK_EX | LOCK_NB) != 0 {
      let number = errno
      _ = close(fd)
      guard number == EWOULDBLOCK else { throw CheckpointError.posix(number, .locking, path: path) }
      throw CheckpointError(
        .checkpointInUse,
        "checkpoint \(directory) is in use by another run (\(holderDescription(path)))",
        advice: "stop it first or use another checkpoint folder")
    }
    let lock = CheckpointLock(path: path, descriptor: fd)
    let content = Array((holderJSON().compact + "\n").utf8)
    _ = ftruncate(fd, 0)
    _ = content.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    return lock
  }

  /// Releases the lock (also done when the object is deallocated). Idempotent.
  public func release() {
    descriptor.withLock { fd in
      guard fd >= 0 else { return }
      _ = flock(fd, LOCK_UN)
      _ = close(fd)
      fd = -1
    }
  }

  public var isHeld: Bool { descriptor.withLock { $0 >= 0 } }

  /// `{"pid":123,"host":"builder","startedAt":"2024-05-01T10:00:00Z"}`.
  static func holderJSON() -> JSONValue {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    let micros = Int64(now.tv_sec) * 1_000_000
    return .object([
      ("pid", .int(Int64(getpid()))),
      ("host", .string(hostName())),
      ("startedAt", .string(Timestamp.isoString(micros: micros) + "Z")),
    ])
  }

  /// `pid 123 on host builder, started 2024-05-01T10:00:00Z`, from the lock file.
  static func holderDescription(_ path: String) -> String {
    let directory = String(path.dropLast(fileName.count + 1))
    guard let bytes = try? LocalCheckpointStore(root: directory).readHidden(fileName), !bytes.isEmpty,
      let json = try? parseJSON(bytes[...]),
      let pid = json["pid"]?.intValue
    else { return "pid unknown" }
    var text = "pid \(pid)"
    if let host = json["host"]?.stringValue { text += " on host \(host)" }
    if let started = json["startedAt"]?.stringValue { text += ", started \(started)" }
    return text
  }

  static func hostName() -> String {
    var buffer = [CChar](repeating: 0, count: 256)
    guard gethostname(&buffer, buffer.count - 1) == 0 else { return "unknown" }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}

extension LocalCheckpointStore {
  /// Takes this checkpoint folder's ``CheckpointLock``.
  public func acquireLock() throws -> CheckpointLock {
    try CheckpointLock.acquire(directory: root)
  }
}
