/// A parsed SigV4 `Authorization` header:
/// `AWS4-HMAC-SHA256 Credential=<key>/<date>/<region>/<service>/aws4_request, SignedHeaders=a;b, Signature=<hex>`.
public struct SigV4Authorization: Sendable, Hashable {
  public var accessKeyID: String
  /// `YYYYMMDD` of the credential scope.
  public var dateStamp: String
  public var region: String
  public var service: String
  /// Lower-case header names, as listed.
  public var signedHeaders: [String]
  /// Lower-case hex.
  public var signature: String

  public var credentialScope: String { "\(dateStamp)/\(region)/\(service)/aws4_request" }

  public init(
    accessKeyID: String, dateStamp: String, region: String, service: String, signedHeaders: [String],
    signature: String
  ) {
    self.accessKeyID = accessKeyID
    self.dateStamp = dateStamp
    self.region = region
    self.service = service
    self.signedHeaders = signedHeaders
    self.signature = signature
  }

  /// Parses an `Authorization` header value.
  public init(parsing header: String) throws(AWSError) {
    let prefix = "AWS4-HMAC-SHA256"
    let trimmed = header.drop { $0 == " " }
    guard trimmed.hasPrefix(prefix) else {
      throw AWSError(
        .malformedAuthorization,
        "the Authorization header does not start with AWS4-HMAC-SHA256 (only Signature Version 4 is accepted)"
      )
    }
    var credential: Substring?
    var signedHeaders: Substring?
    var signature: Substring?
    for part in trimmed.dropFirst(prefix.count).split(separator: ",") {
      let item = part.trimmingSpaces()
      guard let equals = item.firstIndex(of: "=") else { continue }
      let value = item[item.index(after: equals)...]
      switch item[..<equals] {
      case "Credential": credential = value
      case "SignedHeaders": signedHeaders = value
      case "Signature": signature = value
      default: continue
      }
    }
    guard let credential, let signedHeaders, let signature else {
      throw AWSError(
        .malformedAuthorization,
        "the Authorization header lacks Credential=, SignedHeaders= or Signature= (got '\(header.prefix(200))')"
      )
    }
    let scope = credential.split(separator: "/", omittingEmptySubsequences: false)
    guard scope.count == 5, scope[4] == "aws4_request", scope[1].count == 8, !scope[0].isEmpty else {
      throw AWSError(
        .malformedAuthorization,
        "the Authorization header's Credential '\(credential)' is not <access key>/<YYYYMMDD>/<region>/<service>/aws4_request"
      )
    }
    self.init(
      accessKeyID: String(scope[0]), dateStamp: String(scope[1]), region: String(scope[2]),
      service: String(scope[3]),
      signedHeaders: signedHeaders.split(separator: ";").map { $0.lowercased() },
      signature: signature.lowercased())
  }
}

extension Substring {
  fileprivate func trimmingSpaces() -> Substring {
    var result = self
    while result.first == " " { result.removeFirst() }
    while result.last == " " { result.removeLast() }
    return result
  }
}
