/// Errors raised while signing, verifying or resolving AWS credentials and regions. The message
/// says what failed, where (file, profile, header) and what the user can do; `code` is what
/// programs match on.
public struct AWSError: Error, Sendable, Hashable, CustomStringConvertible {
  public struct Code: Sendable, Hashable, CustomStringConvertible {
    let name: String
    public var description: String { name }
    /// No credentials were found in the environment, the shared credentials file or the config file.
    public static let credentialsNotFound = Code(name: "credentialsNotFound")
    /// A named profile is not in the credentials or config file.
    public static let profileNotFound = Code(name: "profileNotFound")
    /// A credentials/config file exists but a line cannot be parsed, or a profile is incomplete.
    public static let invalidProfileFile = Code(name: "invalidProfileFile")
    /// No region was given and none is configured.
    public static let regionNotFound = Code(name: "regionNotFound")
    /// An `Authorization` header is not a well-formed SigV4 header.
    public static let malformedAuthorization = Code(name: "malformedAuthorization")
    /// The request's access key id is not known to the verifier.
    public static let unknownAccessKey = Code(name: "unknownAccessKey")
    /// The request's signature does not match the one computed from the request.
    public static let signatureMismatch = Code(name: "signatureMismatch")
    /// The request's `X-Amz-Date` is missing, malformed or too far from the verifier's clock.
    public static let requestTimeInvalid = Code(name: "requestTimeInvalid")
  }

  public let code: Code
  public let message: String

  public init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }

  public var description: String { message }
}
