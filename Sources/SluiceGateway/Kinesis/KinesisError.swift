import Hummingbird

/// AWS JSON error bodies, `{"__type":"ResourceNotFoundException","message":"…"}`, as Kinesis
/// sends them and botocore reads them (it raises the exception named by `__type`).
///
/// Statuses follow AWS for the native API (400 for client errors, including an unknown stream;
/// 403 for authentication; 500/503 for the server). The API-Gateway REST shape answers an
/// unknown stream with 404 instead (`restStyle`), like a REST resource.
enum KinesisError {
  static func type(of error: GatewayError) -> (HTTPResponse.Status, String) {
    switch error.code {
    case .topicNotFound, .partitionNotFound: (.badRequest, "ResourceNotFoundException")
    case .topicExists: (.badRequest, "ResourceInUseException")
    case .malformedJSON: (.badRequest, "SerializationException")
    case .invalidRequest, .recordTooLarge: (.badRequest, "ValidationException")
    case .invalidArgument: (.badRequest, "InvalidArgumentException")
    case .requestTooLarge: (.contentTooLarge, "RequestEntityTooLargeException")
    case .unsupportedMediaType: (.unsupportedMediaType, "UnsupportedMediaTypeException")
    case .unknownOperation: (.badRequest, "UnknownOperationException")
    case .expiredIterator: (.badRequest, "ExpiredIteratorException")
    case .unauthenticated: (.forbidden, "UnrecognizedClientException")
    case .signatureMismatch: (.forbidden, "InvalidSignatureException")
    case .unavailable: (.serviceUnavailable, "ServiceUnavailable")
    default: (.internalServerError, "InternalFailure")
    }
  }

  static func reply(_ error: GatewayError, contentType: String, restStyle: Bool = false) -> GatewayReply {
    var (status, type) = type(of: error)
    if restStyle, error.code == .topicNotFound || error.code == .partitionNotFound { status = .notFound }
    var out = JSONWriter()
    out.raw("{\"__type\":")
    out.string(type)
    out.raw(",\"message\":")
    out.string(error.message)
    out.raw("}")
    return GatewayReply(status: status, contentType: contentType, body: out.bytes)
  }
}
