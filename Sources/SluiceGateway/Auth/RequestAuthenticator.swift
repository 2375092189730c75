/// What an authenticator sees of a request: everything AWS Signature V4 covers.
public struct IncomingRequest: Sendable {
  public var method: String
  /// The path as sent (still percent-encoded), without the query.
  public var path: String
  /// The raw query string (without `?`), empty when none.
  public var query: String
  /// Header fields in order, names as sent.
  public var headers: [(name: String, value: String)]
  public var body: [UInt8]

  public init(
    method: String, path: String, query: String, headers: [(name: String, value: String)], body: [UInt8]
  ) {
    self.method = method
    self.path = path
    self.query = query
    self.headers = headers
    self.body = body
  }

  /// Values of the header `name` (case-insensitive), in order.
  public func values(of name: String) -> [String] {
    let lowered = name.lowercased()
    return headers.filter { $0.name.lowercased() == lowered }.map(\.value)
  }
}

/// Decides whether a request may be served. Throws `unauthenticated` (no or unknown credentials)
/// or `signatureMismatch`; the API front ends turn those into their own 401/403 answers.
public protocol RequestAuthenticator: Sendable {
  func authenticate(_ request: IncomingRequest) throws(GatewayError)
}
