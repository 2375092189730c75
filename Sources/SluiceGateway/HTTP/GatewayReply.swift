import Hummingbird

/// A response body with its status and content type, before it becomes a Hummingbird `Response`.
struct GatewayReply: Sendable {
  var status: HTTPResponse.Status
  var contentType: String
  var body: [UInt8]
  /// Records appended and their key + value bytes (for the metrics).
  var records = 0
  var recordBytes = 0

  init(status: HTTPResponse.Status = .ok, contentType: String, body: [UInt8]) {
    self.status = status
    self.contentType = contentType
    self.body = body
  }

  var response: Response {
    var headers = HTTPFields()
    headers[.contentType] = contentType
    return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
  }
}
