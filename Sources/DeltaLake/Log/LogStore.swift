/// A commit file found by listing the log.
public struct CommitFileInfo: Sendable, Hashable {
  public var version: Int64
  /// Milliseconds since the epoch (file modification time, used for timestamp time travel).
  public var modificationTime: Int64

  public init(version: Int64, modificationTime: Int64) {
    self.version = version
    self.modificationTime = modificationTime
  }
}

/// A checkpoint file found by listing the log.
public struct CheckpointFileInfo: Sendable, Hashable {
  public var version: Int64
  /// The file name inside `_delta_log/`.
  public var name: String
  public var part: Int?
  public var parts: Int?
  public var isV2: Bool

  public init(version: Int64, name: String, part: Int? = nil, parts: Int? = nil, isV2: Bool = false) {
    self.version = version
    self.name = name
    self.part = part
    self.parts = parts
    self.isV2 = isV2
  }

  /// A classic single-file checkpoint (the only kind Sluice reads and writes).
  public var isSingleFile: Bool { part == nil && !isV2 }
}

/// The result of listing `_delta_log/` from some version on, ascending by version.
public struct LogListing: Sendable, Hashable {
  public var commits: [CommitFileInfo]
  public var checkpoints: [CheckpointFileInfo]

  public init(commits: [CommitFileInfo] = [], checkpoints: [CheckpointFileInfo] = []) {
    self.commits = commits
    self.checkpoints = checkpoints
  }

  /// Builds a listing from file names (ignoring names that are not log files).
  public init(names: [(name: String, modificationTime: Int64)], fromVersion: Int64) {
    var commits: [CommitFileInfo] = []
    var checkpoints: [CheckpointFileInfo] = []
    for (name, mtime) in names {
      switch LogFileName.parse(name) {
      case .commit(let version) where version >= fromVersion:
        commits.append(CommitFileInfo(version: version, modificationTime: mtime))
      case .checkpoint(let version, let part, let parts, let isV2) where version >= fromVersion:
        checkpoints.append(
          CheckpointFileInfo(version: version, name: name, part: part, parts: parts, isV2: isV2))
      default: break
      }
    }
    self.commits = commits.sorted { $0.version < $1.version }
    self.checkpoints = checkpoints.sorted { ($0.version, $0.name) < ($1.version, $1.name) }
  }
}

/// Storage of a table's `_delta_log/`: list, read, and create commits with put-if-absent.
///
/// Contract:
/// - ``createCommit(_:contents:)`` is atomic and exclusive: either the whole file appears under
///   its name and the call returns `true`, or a file of that name already existed, nothing is
///   changed and it returns `false`. A commit file is never overwritten. (On an object store this
///   is a conditional put `If-None-Match: *`.)
/// - ``list(fromVersion:)`` returns every commit and checkpoint with version ≥ `fromVersion`.
/// - Checkpoints and `_last_checkpoint` may be overwritten (they are derived data).
/// All methods throw ``DeltaError``.
public protocol LogStore: Sendable {
  /// Where the log lives, for messages (e.g. `/data/pins/_delta_log`).
  var logLocation: String { get }
  /// Whether the log folder exists.
  func logExists() throws -> Bool
  func list(fromVersion: Int64) throws -> LogListing
  /// The bytes of commit `version`; a missing commit is ``DeltaError/Code/corruptLog``.
  func readCommit(_ version: Int64) throws -> [UInt8]
  /// Put-if-absent of commit `version`; `false` when it already exists.
  func createCommit(_ version: Int64, contents: [UInt8]) throws -> Bool
  func readCheckpoint(named name: String) throws -> [UInt8]
  func writeCheckpoint(_ version: Int64, contents: [UInt8]) throws
  /// The bytes of `_last_checkpoint`, or `nil` when there is none.
  func readLastCheckpoint() throws -> [UInt8]?
  func writeLastCheckpoint(_ contents: [UInt8]) throws
}
