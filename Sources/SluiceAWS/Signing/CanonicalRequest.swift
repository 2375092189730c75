/// The canonical forms SigV4 signs (AWS "Create a canonical request"): URI, query string,
/// headers and the request itself.
public enum CanonicalRequest {
  /// Headers never signed, whatever the caller sends (they are changed by proxies and clients).
  public static let unsignableHeaders: Set<String> = [
    "authorization", "connection", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization", "te",
    "trailer", "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id",
  ]

  /// The canonical request text:
  /// `METHOD\nURI\nQUERY\nheader:value\n…\n\nsigned;headers\npayloadHash`.
  public static func text(
    _ request: SigV4Request, signedHeaders: [String], payloadHash: String, normalizePath: Bool = true
  ) -> String {
    var lines: [String] = [
      request.method.uppercased(),
      uri(request.path, normalize: normalizePath),
      query(request.query),
    ]
    let canonical = headers(request, signing: signedHeaders)
    lines.append(canonical + "\n")
    lines.append(signedHeaders.joined(separator: ";"))
    lines.append(payloadHash)
    return lines.joined(separator: "\n")
  }

  /// The canonical URI: with `normalize`, `.`/`..` segments and repeated slashes are removed
  /// (all AWS services but S3); each segment is then percent-encoded (`/` kept).
  public static func uri(_ path: String, normalize: Bool = true) -> String {
    let raw = path.isEmpty ? "/" : path
    guard normalize else { return URIEncoding.encode(raw, keepSlash: true) }
    var segments: [Substring] = []
    for segment in raw.split(separator: "/", omittingEmptySubsequences: true) {
      switch segment {
      case ".": continue
      case "..": if !segments.isEmpty { segments.removeLast() }
      default: segments.append(segment)
      }
    }
    var result = "/" + segments.map { URIEncoding.encode($0) }.joined(separator: "/")
    if !segments.isEmpty, raw.hasSuffix("/") { result += "/" }
    return result
  }

  /// The canonical query string: each `name=value` pair decoded, re-encoded strictly, sorted by
  /// name then value, joined with `&`; a pair without `=` gets an empty value.
  public static func query(_ query: String) -> String {
    guard !query.isEmpty else { return "" }
    var pairs: [(String, String)] = []
    for item in query.split(separator: "&", omittingEmptySubsequences: true) {
      let name: Substring
      let value: Substring
      if let equals = item.firstIndex(of: "=") {
        name = item[..<equals]
        value = item[item.index(after: equals)...]
      } else {
        name = item
        value = ""
      }
      pairs.append(
        (URIEncoding.encode(URIEncoding.decode(name)), URIEncoding.encode(URIEncoding.decode(value))))
    }
    pairs.sort {
      $0.0 != $1.0
        ? $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) : $0.1.utf8.lexicographicallyPrecedes($1.1.utf8)
    }
    return pairs.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
  }

  /// The names of the headers a signer signs: every header present except
  /// ``unsignableHeaders``, lower-cased, de-duplicated, sorted.
  public static func signableHeaderNames(_ request: SigV4Request) -> [String] {
    let names = Set(request.headers.map { $0.name.lowercased() }).subtracting(unsignableHeaders)
    return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  /// `name:value` lines for `signedHeaders` (in that order): values trimmed, runs of spaces
  /// collapsed to one, repeated headers joined with `,` in the order sent.
  public static func headers(_ request: SigV4Request, signing signedHeaders: [String]) -> String {
    signedHeaders.map { name in
      name + ":" + request.values(of: name).map(trimmedValue).joined(separator: ",")
    }.joined(separator: "\n")
  }

  /// A header value trimmed of surrounding whitespace with internal runs of spaces/tabs collapsed.
  static func trimmedValue(_ value: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(value.utf8.count)
    var pendingSpace = false
    for byte in value.utf8 {
      if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
        pendingSpace = !out.isEmpty
      } else {
        if pendingSpace { out.append(0x20) }
        pendingSpace = false
        out.append(byte)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}
