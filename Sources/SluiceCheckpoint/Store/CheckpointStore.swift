/// A small file store holding one query's checkpoint: `metadata`, `offsets/3`, `commits/3`,
/// `sources/0/0`, `progress/3.json`, … addressed by relative, `/`-separated paths.
///
/// Contract:
/// - ``createIfAbsent(_:contents:)`` is atomic and never overwrites: a reader sees either no file
///   or the complete contents, never a partial file. It returns `false` (and changes nothing)
///   when the file already exists. This is the only way log entries are written.
/// - ``overwrite(_:contents:)`` atomically replaces a file; it is for bounded, advisory files
///   (progress records) only, never for log entries.
/// - ``list(directory:)`` returns the names directly inside `directory` (files and folders),
///   without hidden names (temporary `.<name>.<uuid>.tmp` files, `.lock`, checksum files); a
///   missing folder lists as empty.
/// - ``read(_:)`` returns `nil` for a missing file; ``delete(_:)`` of a missing file succeeds.
/// - Failures are ``CheckpointError``s naming the path and what to do.
public protocol CheckpointStore: Sendable {
  /// Where the checkpoint lives, for messages (a folder path, or `memory:` for tests).
  var location: String { get }

  func createIfAbsent(_ path: String, contents: [UInt8]) throws -> Bool
  func read(_ path: String) throws -> [UInt8]?
  func list(directory: String) throws -> [String]
  func delete(_ path: String) throws
  func overwrite(_ path: String, contents: [UInt8]) throws
}

extension CheckpointStore {
  /// `location/path`, how messages name a file of this checkpoint.
  public func displayPath(_ path: String) -> String {
    location.hasSuffix("/") ? location + path : location + "/" + path
  }
}

/// Validation of the relative paths a ``CheckpointStore`` accepts.
enum CheckpointPath {
  /// The path's `/`-separated components; throws for an absolute path, an empty component, `.`
  /// or `..`, or a hidden (dot) file name, which the store reserves for its own temporary files.
  static func components(_ path: String, allowEmpty: Bool = false) throws(CheckpointError)
    -> [Substring]
  {
    if path.isEmpty && allowEmpty { return [] }
    let parts = path.split(separator: "/", omittingEmptySubsequences: false)
    guard !path.isEmpty, !path.hasPrefix("/"),
      parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.hasPrefix(".") })
    else {
      throw CheckpointError(
        .invalidPath,
        "'\(path)' is not a valid checkpoint file path (expected a relative path such as "
          + "offsets/3, without '.', '..', empty or hidden parts)")
    }
    return parts
  }

  /// True for names the store hides from listings.
  static func isHidden(_ name: String) -> Bool { name.hasPrefix(".") }
}
