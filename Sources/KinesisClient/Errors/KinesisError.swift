/// Errors of the Kinesis client and its in-memory twin. The message says which operation failed on
/// which stream/shard, what the service answered and what the user can do; `code` is what programs
/// match on, `awsType` is the service's `__type` (e.g. `ResourceNotFoundException`).
public struct KinesisError: Error, Sendable, Hashable, CustomStringConvertible {
  public struct Code: Sendable, Hashable, CustomStringConvertible {
    let name: String
    public var description: String { name }
    /// The stream or shard does not exist (`ResourceNotFoundException`).
    public static let resourceNotFound = Code(name: "resourceNotFound")
    /// The stream exists but is not ACTIVE, or already exists (`ResourceInUseException`).
    public static let resourceInUse = Code(name: "resourceInUse")
    /// Too many requests for a shard (`ProvisionedThroughputExceededException`); retried with backoff.
    public static let throughputExceeded = Code(name: "throughputExceeded")
    /// Too many control-plane requests or a quota (`LimitExceededException`); retried with backoff.
    public static let limitExceeded = Code(name: "limitExceeded")
    /// A shard iterator older than 5 minutes (`ExpiredIteratorException`); get a new one.
    public static let expiredIterator = Code(name: "expiredIterator")
    /// A ListShards `NextToken` older than 5 minutes (`ExpiredNextTokenException`).
    public static let expiredNextToken = Code(name: "expiredNextToken")
    /// Credentials were rejected or lack permission (`AccessDeniedException`,
    /// `UnrecognizedClientException`, `InvalidSignatureException`, `SignatureDoesNotMatch`, 403).
    public static let accessDenied = Code(name: "accessDenied")
    /// The request was invalid (`InvalidArgumentException`, `ValidationException`, other 4xx).
    public static let invalidArgument = Code(name: "invalidArgument")
    /// The service failed (`InternalFailure`, `ServiceUnavailable`, any 5xx); retried for reads.
    public static let serviceUnavailable = Code(name: "serviceUnavailable")
    /// The endpoint could not be reached or the connection broke.
    public static let transport = Code(name: "transport")
    /// The service answered something this client cannot read.
    public static let malformedResponse = Code(name: "malformedResponse")
    /// Any other service error (see `awsType`).
    public static let serviceError = Code(name: "serviceError")
  }

  public let code: Code
  public let message: String
  /// The service's error type (`__type` without namespace), when the service named one.
  public let awsType: String?
  /// The HTTP status, when the error came from an HTTP answer.
  public let httpStatus: Int?

  public init(_ code: Code, _ message: String, awsType: String? = nil, httpStatus: Int? = nil) {
    self.code = code
    self.message = message
    self.awsType = awsType
    self.httpStatus = httpStatus
  }

  public var description: String { message }

  /// True for errors that a later identical request may not get: throttling and service failures.
  public var isRetryable: Bool {
    code == .throughputExceeded || code == .limitExceeded || code == .serviceUnavailable || code == .transport
  }

  /// Maps a service error type (and HTTP status) to a code.
  public static func code(forType type: String?, status: Int) -> Code {
    switch type {
    case "ResourceNotFoundException": return .resourceNotFound
    case "ResourceInUseException": return .resourceInUse
    case "ProvisionedThroughputExceededException", "ThrottlingException": return .throughputExceeded
    case "LimitExceededException": return .limitExceeded
    case "ExpiredIteratorException": return .expiredIterator
    case "ExpiredNextTokenException": return .expiredNextToken
    case "AccessDeniedException", "UnrecognizedClientException", "InvalidSignatureException",
      "SignatureDoesNotMatch", "IncompleteSignatureException", "MissingAuthenticationTokenException",
      "InvalidClientTokenId", "ExpiredTokenException", "AuthFailure":
      return .accessDenied
    case "InvalidArgumentException", "ValidationException", "SerializationException": return .invalidArgument
    case "InternalFailure", "InternalFailureException", "ServiceUnavailable", "ServiceUnavailableException":
      return .serviceUnavailable
    default:
      if status == 403 || status == 401 { return .accessDenied }
      if status >= 500 { return .serviceUnavailable }
      if status == 429 { return .throughputExceeded }
      if type == nil && status >= 400 { return .invalidArgument }
      return .serviceError
    }
  }

  /// What the user can do about an error of `code`.
  public static func advice(for code: Code) -> String {
    switch code {
    case .resourceNotFound: "check the stream name/ARN, the region and the endpoint"
    case .resourceInUse: "wait until the stream is ACTIVE (aws kinesis describe-stream-summary)"
    case .throughputExceeded: "reads or writes exceed the shard's throughput; lower the rate or add shards"
    case .limitExceeded: "too many control-plane calls; they are retried with backoff"
    case .expiredIterator: "the shard iterator is older than 5 minutes; a new one is requested"
    case .accessDenied:
      "check the access key and secret (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or the profile), "
        + "that the secret belongs to the key, that the clock is right, and the IAM permissions "
        + "(kinesis:ListShards, GetShardIterator, GetRecords, DescribeStreamSummary)"
    case .serviceUnavailable: "the service failed; the request is retried, try again later if it persists"
    case .transport: "check the endpoint URL, the network and that the service is running"
    default: "see the service message"
    }
  }
}
