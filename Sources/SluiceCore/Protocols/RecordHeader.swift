/// One record header (Kafka record headers: a string key and optional bytes).
public struct RecordHeader: Sendable, Hashable {
  public var key: String
  /// `nil` is a header with a null value (allowed by the Kafka protocol).
  public var value: [UInt8]?

  public init(key: String, value: [UInt8]?) {
    self.key = key
    self.value = value
  }
}
