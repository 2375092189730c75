/// One HTTP header as sent on the wire (name case as written; SigV4 lower-cases it).
public struct HTTPHeaderField: Sendable, Hashable {
  public var name: String
  public var value: String

  public init(_ name: String, _ value: String) {
    self.name = name
    self.value = value
  }
}

/// An HTTP request as SigV4 sees it: method, the path and query **exactly as on the request line**
/// (already percent-encoded by the sender, if it encodes), every header, and the body.
///
/// A client builds one, lets ``SigV4Signer`` add `X-Amz-Date`, `X-Amz-Security-Token` and
/// `Authorization`, and sends those headers. A server builds one from what it received and hands
/// it to ``SigV4Verifier``.
public struct SigV4Request: Sendable, Hashable {
  public var method: String
  /// The path part of the request target, e.g. `/` or `/streams/pin/record`.
  public var path: String
  /// The query string without `?` (`""` when there is none), e.g. `Param2=value2&Param1=value1`.
  public var query: String
  public var headers: [HTTPHeaderField]
  public var body: [UInt8]

  public init(
    method: String, path: String = "/", query: String = "", headers: [HTTPHeaderField] = [],
    body: [UInt8] = []
  ) {
    self.method = method
    self.path = path
    self.query = query
    self.headers = headers
    self.body = body
  }

  /// The values of header `name` (case-insensitive), in order.
  public func values(of name: String) -> [String] {
    let lower = name.lowercased()
    return headers.filter { $0.name.lowercased() == lower }.map(\.value)
  }

  /// The first value of header `name` (case-insensitive).
  public func value(of name: String) -> String? { values(of: name).first }

  /// Sets header `name` to `value`, replacing any value it had.
  public mutating func setHeader(_ name: String, _ value: String) {
    let lower = name.lowercased()
    headers.removeAll { $0.name.lowercased() == lower }
    headers.append(HTTPHeaderField(name, value))
  }
}
