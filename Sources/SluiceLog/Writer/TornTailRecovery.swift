/// What a ``TopicWriter`` cut off when it opened: the torn tail (an incomplete or damaged last
/// record with nothing valid after it, left by a crash) of one partition's last segment. Those
/// bytes were never served to readers; the next append reuses their offsets.
public struct TornTailRecovery: Sendable, Hashable, CustomStringConvertible {
  public var topic: String
  public var partition: Int32
  /// The segment file that was truncated.
  public var file: String
  /// Where the file was truncated (its new size).
  public var position: Int64
  /// How many bytes were removed.
  public var bytesTruncated: Int64
  /// Why the tail was invalid (e.g. "CRC-32C mismatch …", "record … is cut off …").
  public var reason: String

  public init(
    topic: String, partition: Int32, file: String, position: Int64, bytesTruncated: Int64, reason: String
  ) {
    self.topic = topic
    self.partition = partition
    self.file = file
    self.position = position
    self.bytesTruncated = bytesTruncated
    self.reason = reason
  }

  public var description: String {
    "topic \(topic) partition \(partition): truncated a torn tail of \(bytesTruncated) bytes at byte "
      + "\(position) of \(file) (\(reason))"
  }
}
