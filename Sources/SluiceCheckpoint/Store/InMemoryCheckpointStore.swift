import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A ``CheckpointStore`` held in memory, for tests and dry runs. Same contract as the local
/// store (atomic create-if-absent, hidden names unlisted); it can be told to fail a write once,
/// to simulate a crash or a full disk at a precise step.
public final class InMemoryCheckpointStore: CheckpointStore {
  private struct State {
    var files: [String: [UInt8]] = [:]
    var failures: [(prefix: String, error: CheckpointError)] = []
    var writes: [String] = []
  }

  private let state = Mutex(State())
  public let location: String

  public init(location: String = "memory:checkpoint") {
    self.location = location
  }

  /// The next write (create or overwrite) of a path starting with `prefix` throws `error`
  /// instead of writing (once).
  public func failNextWrite(to prefix: String, with error: CheckpointError? = nil) {
    let error =
      error
      ?? CheckpointError.posix(ENOSPC, .writing, path: location + "/" + prefix)
    state.withLock { $0.failures.append((prefix, error)) }
  }

  /// Every path written so far, in order (creates that returned `false` are not included).
  public var writtenPaths: [String] { state.withLock { $0.writes } }

  /// All files and their contents.
  public var files: [String: [UInt8]] { state.withLock { $0.files } }

  /// Replaces a file without any checks, to simulate damage (truncation, corruption) in tests.
  public func corrupt(_ path: String, contents: [UInt8]) {
    state.withLock { $0.files[path] = contents }
  }

  public func createIfAbsent(_ path: String, contents: [UInt8]) throws -> Bool {
    _ = try CheckpointPath.components(path)
    return try state.withLock { state throws(CheckpointError) -> Bool in
      try Self.takeFailure(&state, path)
      guard state.files[path] == nil else { return false }
      state.files[path] = contents
      state.writes.append(path)
      return true
    }
  }

  public func overwrite(_ path: String, contents: [UInt8]) throws {
    _ = try CheckpointPath.components(path)
    try state.withLock { state throws(CheckpointError) in
      try Self.takeFailure(&state, path)
      state.files[path] = contents
      state.writes.append(path)
    }
  }

  public func read(_ path: String) throws -> [UInt8]? {
    _ = try CheckpointPath.components(path)
    return state.withLock { $0.files[path] }
  }

  public func list(directory: String) throws -> [String] {
    let parts = try CheckpointPath.components(directory, allowEmpty: true)
    let prefix = parts.isEmpty ? "" : parts.joined(separator: "/") + "/"
    let names = state.withLock { state in
      Set(
        state.files.keys.compactMap { key -> String? in
          guard key.hasPrefix(prefix) else { return nil }
          return key.dropFirst(prefix.count).split(separator: "/").first.map(String.init)
        })
    }
    return names.filter { !CheckpointPath.isHidden($0) }.sorted()
  }

  public func delete(_ path: String) throws {
    _ = try CheckpointPath.components(path)
    _ = state.withLock { $0.files.removeValue(forKey: path) }
  }

  private static func takeFailure(_ state: inout State, _ path: String) throws(CheckpointError) {
    if let index = state.failures.firstIndex(where: { path.hasPrefix($0.prefix) }) {
      throw state.failures.remove(at: index).error
    }
  }
}
