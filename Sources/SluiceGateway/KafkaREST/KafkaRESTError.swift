import Hummingbird

/// Confluent REST Proxy error bodies: `{"error_code":40401,"message":"…"}`, where `error_code`
/// is the HTTP status × 100 plus a sub-code for the proxy's own errors (40401 topic not found,
/// 40402 partition not found, 42201 key/value too large, 42202 invalid partition), and the bare
/// status for generic HTTP errors (400 malformed JSON, 413, 415, 422 invalid body, 500).
enum KafkaRESTError {
  static let contentType = "application/vnd.kafka.v2+json"

  static func status(of error: GatewayError) -> (HTTPResponse.Status, Int) {
    switch error.code {
    case .topicNotFound: (.notFound, 40401)
    case .partitionNotFound: (.notFound, 40402)
    case .recordTooLarge: (.unprocessableContent, 42201)
    case .invalidArgument: (.unprocessableContent, 42202)
    case .invalidRequest: (.unprocessableContent, 422)
    case .malformedJSON: (.badRequest, 400)
    case .requestTooLarge: (.contentTooLarge, 413)
    case .unsupportedMediaType: (.unsupportedMediaType, 415)
    case .unauthenticated, .signatureMismatch: (.unauthorized, 40101)
    case .topicExists: (.conflict, 409)
    case .unavailable: (.serviceUnavailable, 503)
    case .unknownOperation, .expiredIterator: (.badRequest, 400)
    default: (.internalServerError, 500)
    }
  }

  static func reply(_ error: GatewayError) -> GatewayReply {
    let (status, code) = status(of: error)
    var out = JSONWriter()
    out.raw("{\"error_code\":\(code),\"message\":")
    out.string(error.message)
    out.raw("}")
    return GatewayReply(status: status, contentType: contentType, body: out.bytes)
  }
}
