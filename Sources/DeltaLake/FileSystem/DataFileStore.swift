/// Storage of a table's data files, addressed by paths relative to the table root (file-system
/// form, i.e. `add.path` URI-decoded).
///
/// Contract: ``write(relativePath:contents:)`` makes the whole file durable under its final
/// name before returning (or leaves no file of that name); it is called only with fresh,
/// unique names. A data file is visible to readers only once a commit references it, so a file
/// written by a crashed batch is a harmless orphan.
public protocol DataFileStore: Sendable {
  /// The table root, for messages.
  var location: String { get }
  func write(relativePath: String, contents: [UInt8]) throws
  /// The file's bytes, or `nil` when it does not exist.
  func read(relativePath: String) throws -> [UInt8]?
}

/// A ``DataFileStore`` on the local file system (temp file, fsync, rename, fsync folder).
public struct LocalDataFileStore: DataFileStore {
  public let tablePath: String

  public init(tablePath: String) {
    var path = tablePath
    while path.count > 1, path.hasSuffix("/") { path.removeLast() }
    self.tablePath = path
  }

  public var location: String { tablePath }

  public func write(relativePath: String, contents: [UInt8]) throws {
    let full = absolutePath(relativePath)
    let slash = full.lastIndex(of: "/")!
    let directory = String(full[..<slash])
    try LocalFiles.makeDirectories(directory)
    try LocalFiles.writeReplacing(
      directory: directory, name: String(full[full.index(after: slash)...]), contents: contents)
  }

  public func read(relativePath: String) throws -> [UInt8]? {
    try LocalFiles.read(absolutePath(relativePath))
  }

  /// `relativePath` under the table root; absolute paths and `file:` URIs are used as they are.
  public func absolutePath(_ relativePath: String) -> String {
    if relativePath.hasPrefix("file://") { return String(relativePath.dropFirst("file://".count)) }
    if relativePath.hasPrefix("file:/") { return String(relativePath.dropFirst("file:".count)) }
    if relativePath.hasPrefix("/") { return relativePath }
    return tablePath + "/" + relativePath
  }
}
