/// A ``LogStore`` on the local file system: `<table>/_delta_log/`.
///
/// Commits are created exclusively (temp file + fsync + `link()`, which fails if the name
/// exists, + fsync of the folder), so two writers racing for the same version cannot both win
/// and a reader never sees a half-written commit.
public struct LocalLogStore: LogStore {
  public let tablePath: String
  public let logPath: String

  public init(tablePath: String) {
    var path = tablePath
    while path.count > 1, path.hasSuffix("/") { path.removeLast() }
    self.tablePath = path
    self.logPath = path + "/_delta_log"
  }

  public var logLocation: String { logPath }

  public func logExists() throws -> Bool {
    LocalFiles.isDirectory(logPath)
  }

  public func list(fromVersion: Int64) throws -> LogListing {
    guard LocalFiles.isDirectory(logPath) else { return LogListing() }
    let names = try LocalFiles.list(logPath) { name in
      switch LogFileName.parse(name) {
      case .commit(let version), .checkpoint(let version, _, _, _): version >= fromVersion
      case nil: false
      }
    }
    return LogListing(names: names, fromVersion: fromVersion)
  }

  public func readCommit(_ version: Int64) throws -> [UInt8] {
    let path = logPath + "/" + LogFileName.commit(version)
    guard let bytes = try LocalFiles.read(path) else {
      throw DeltaError(
        .corruptLog, "commit \(path) is missing; the log was cleaned up or damaged, read a later version")
    }
    return bytes
  }

  public func createCommit(_ version: Int64, contents: [UInt8]) throws -> Bool {
    try LocalFiles.makeDirectories(logPath)
    return try LocalFiles.createExclusive(
      directory: logPath, name: LogFileName.commit(version), contents: contents)
  }

  public func readCheckpoint(named name: String) throws -> [UInt8] {
    let path = logPath + "/" + name
    guard let bytes = try LocalFiles.read(path) else {
      throw DeltaError.corruptCheckpoint(path, "the file is missing")
    }
    return bytes
  }

  public func writeCheckpoint(_ version: Int64, contents: [UInt8]) throws {
    try LocalFiles.writeReplacing(
      directory: logPath, name: LogFileName.checkpoint(version), contents: contents)
  }

  public func readLastCheckpoint() throws -> [UInt8]? {
    try LocalFiles.read(logPath + "/" + LogFileName.lastCheckpoint)
  }

  public func writeLastCheckpoint(_ contents: [UInt8]) throws {
    try LocalFiles.writeReplacing(directory: logPath, name: LogFileName.lastCheckpoint, contents: contents)
  }
}
