/// How a request names a stream: by name or by ARN (AWS recommends the ARN).
public enum StreamAddress: Sendable, Hashable, CustomStringConvertible {
  case name(String)
  case arn(String)

  /// The stream name: the name itself, or the part of the ARN after `stream/`.
  public var streamName: String {
    switch self {
    case .name(let name): return name
    case .arn(let arn):
      let resource = arn.split(separator: ":", omittingEmptySubsequences: false).last ?? ""
      return resource.hasPrefix("stream/") ? String(resource.dropFirst(7)) : arn
    }
  }

  public var description: String {
    switch self {
    case .name(let name): name
    case .arn(let arn): arn
    }
  }

  /// `StreamName` or `StreamARN` member for a request body.
  var member: (String, String) {
    switch self {
    case .name(let name): ("StreamName", name)
    case .arn(let arn): ("StreamARN", arn)
    }
  }
}
