/// Errors raised by the ingestion gateway. The message says what was wrong with the request (or
/// the server), where (the byte, the record index, the member), and what the client can do;
/// `code` is what the API front ends map to their own status and error shape (Confluent REST
/// proxy `error_code`, AWS `__type`). Never match on the message.
public struct GatewayError: Error, Sendable, Hashable, CustomStringConvertible {
  public struct Code: Sendable, Hashable, CustomStringConvertible {
    let name: String
    public var description: String { name }
    /// The topic / stream does not exist (and is not created automatically).
    public static let topicNotFound = Code(name: "topicNotFound")
    /// An explicit partition / shard does not exist in the topic / stream.
    public static let partitionNotFound = Code(name: "partitionNotFound")
    /// CreateStream for a stream that exists.
    public static let topicExists = Code(name: "topicExists")
    /// The body is not valid JSON (syntax).
    public static let malformedJSON = Code(name: "malformedJSON")
    /// The body is JSON but not the request the route expects (a member missing or of the wrong
    /// type, an empty record list).
    public static let invalidRequest = Code(name: "invalidRequest")
    /// A value is out of its allowed range (shard count, limit, sequence number, iterator type).
    public static let invalidArgument = Code(name: "invalidArgument")
    /// One record's key + value exceeds the per-record limit.
    public static let recordTooLarge = Code(name: "recordTooLarge")
    /// The request body exceeds the per-request limit.
    public static let requestTooLarge = Code(name: "requestTooLarge")
    /// The `Content-Type` is not one the route accepts.
    public static let unsupportedMediaType = Code(name: "unsupportedMediaType")
    /// An `X-Amz-Target` operation the gateway does not implement.
    public static let unknownOperation = Code(name: "unknownOperation")
    /// A shard iterator older than its lifetime.
    public static let expiredIterator = Code(name: "expiredIterator")
    /// Authentication is required and the request carries none, or an unknown access key.
    public static let unauthenticated = Code(name: "unauthenticated")
    /// The request's signature does not match the one computed with the configured secret.
    public static let signatureMismatch = Code(name: "signatureMismatch")
    /// The log cannot take writes for the topic right now (another process holds its writer).
    public static let unavailable = Code(name: "unavailable")
    /// The log failed (I/O) or the server is shutting down.
    public static let internalFailure = Code(name: "internalFailure")
  }

  public let code: Code
  public let message: String

  public init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }

  public var description: String { message }
}
