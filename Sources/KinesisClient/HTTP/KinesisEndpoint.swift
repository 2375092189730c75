import Foundation

/// Where Kinesis requests go: `https://kinesis.<region>.amazonaws.com` or an override such as
/// `http://127.0.0.1:4566` (LocalStack, moto, `sluice serve`).
public struct KinesisEndpoint: Sendable, Hashable, CustomStringConvertible {
  public let url: String
  public let host: String
  public let port: Int?
  public let isTLS: Bool
  /// The request path (normally `/`).
  public let path: String

  /// The AWS endpoint of `region` (`.amazonaws.com.cn` for China regions).
  public init(region: String) {
    let suffix = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
    try! self.init(url: "https://kinesis.\(region).\(suffix)")
  }

  /// An explicit endpoint URL (`http` or `https`).
  public init(url: String) throws(KinesisError) {
    guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(),
      scheme == "http" || scheme == "https",
      let host = parsed.host, !host.isEmpty
    else {
      throw KinesisError(
        .invalidArgument, "endpoint '\(url)' is not an http(s) URL; use e.g. http://127.0.0.1:4566")
    }
    self.url = url
    self.host = host
    self.port = parsed.port
    self.isTLS = scheme == "https"
    self.path = parsed.path.isEmpty ? "/" : parsed.path
  }

  /// The `Host` header value: host, plus `:port` when it is not the scheme's default.
  public var hostHeader: String {
    guard let port, port != (isTLS ? 443 : 80) else { return host }
    return "\(host):\(port)"
  }

  public var description: String { url }
}
