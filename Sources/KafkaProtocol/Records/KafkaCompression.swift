/// The compression codec of a record batch (attribute bits 0–2).
public enum KafkaCompression: Int16, Sendable, Hashable, CaseIterable, CustomStringConvertible {
  case none = 0
  case gzip = 1
  case snappy = 2
  case lz4 = 3
  case zstd = 4

  public var description: String {
    switch self {
    case .none: "none"
    case .gzip: "gzip"
    case .snappy: "snappy"
    case .lz4: "lz4"
    case .zstd: "zstd"
    }
  }
}
