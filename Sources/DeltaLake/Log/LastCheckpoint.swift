public import SluiceCore

/// The `_last_checkpoint` pointer: `{"version":V,"size":N,...}` (only `version` and `size` are
/// required).
public struct LastCheckpoint: Sendable, Hashable {
  public var version: Int64
  /// Number of actions (rows) in the checkpoint.
  public var size: Int64
  /// Number of parts of a multi-part checkpoint.
  public var parts: Int64?
  public var sizeInBytes: Int64?
  public var numOfAddFiles: Int64?

  public init(
    version: Int64, size: Int64, parts: Int64? = nil, sizeInBytes: Int64? = nil, numOfAddFiles: Int64? = nil
  ) {
    self.version = version
    self.size = size
    self.parts = parts
    self.sizeInBytes = sizeInBytes
    self.numOfAddFiles = numOfAddFiles
  }

  public var json: JSONValue {
    var members: [(String, JSONValue)] = [("version", .int(version)), ("size", .int(size))]
    if let parts { members.append(("parts", .int(parts))) }
    if let sizeInBytes { members.append(("sizeInBytes", .int(sizeInBytes))) }
    if let numOfAddFiles { members.append(("numOfAddFiles", .int(numOfAddFiles))) }
    return .object(members)
  }

  /// Parses the file; `nil` when it is unreadable (the pointer is only a hint: readers then
  /// list the log).
  public static func parse(_ bytes: [UInt8]) -> LastCheckpoint? {
    guard let value = try? JSONValue.parse(String(decoding: bytes, as: UTF8.self)),
      let version = value["version"]?.intValue, version >= 0
    else { return nil }
    return LastCheckpoint(
      version: version, size: value["size"]?.intValue ?? 0, parts: value["parts"]?.intValue,
      sizeInBytes: value["sizeInBytes"]?.intValue, numOfAddFiles: value["numOfAddFiles"]?.intValue)
  }
}
