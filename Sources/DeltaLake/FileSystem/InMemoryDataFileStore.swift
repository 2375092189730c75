import Synchronization

/// A ``DataFileStore`` in memory (tests).
public final class InMemoryDataFileStore: DataFileStore {
  let files = Mutex<[String: [UInt8]]>([:])
  public let location: String

  public init(location: String = "memory://table") {
    self.location = location
  }

  public func write(relativePath: String, contents: [UInt8]) throws {
    files.withLock { $0[relativePath] = contents }
  }

  public func read(relativePath: String) throws -> [UInt8]? {
    files.withLock { $0[relativePath] }
  }

  /// Deletes a file (tests of missing data files).
  public func delete(relativePath: String) {
    _ = files.withLock { $0.removeValue(forKey: relativePath) }
  }

  /// The relative paths held, sorted.
  public var paths: [String] { files.withLock { $0.keys.sorted() } }
}
