/// An AWS access key pair, with the session token of temporary credentials.
///
/// `description` never shows the secret or the token.
public struct AWSCredentials: Sendable, Hashable, CustomStringConvertible {
  public var accessKeyID: String
  public var secretAccessKey: String
  public var sessionToken: String?
  /// Where they came from, e.g. `environment` or `shared credentials file ~/.aws/credentials [default]`.
  public var source: String

  public init(
    accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil, source: String = "explicit"
  ) {
    self.accessKeyID = accessKeyID
    self.secretAccessKey = secretAccessKey
    self.sessionToken = sessionToken
    self.source = source
  }

  public var description: String {
    "access key \(accessKeyID)\(sessionToken == nil ? "" : " (session)") from \(source)"
  }
}
