/// One partition of one topic.
public struct TopicPartition: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var topic: String
  public var partition: Int32

  public init(_ topic: String, _ partition: Int32) {
    self.topic = topic
    self.partition = partition
  }

  public static func < (a: TopicPartition, b: TopicPartition) -> Bool {
    a.topic != b.topic ? a.topic < b.topic : a.partition < b.partition
  }

  /// `topic t partition 3`.
  public var description: String { "topic \(topic) partition \(partition)" }
}
