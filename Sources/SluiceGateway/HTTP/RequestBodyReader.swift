import Hummingbird

/// Reads a request body up to the configured limit: `requestTooLarge` as soon as the declared
/// `Content-Length` or the bytes received exceed it, before anything is parsed.
struct RequestBodyReader: Sendable {
  let limit: Int

  func read(_ request: Request) async throws(GatewayError) -> [UInt8] {
    if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
      throw tooLarge(declared)
    }
    do {
      let buffer = try await request.body.collect(upTo: limit)
      return Array(buffer.readableBytesView)
    } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
      throw tooLarge(nil)
    } catch {
      throw GatewayError(.internalFailure, "reading the request body failed: \(error)")
    }
  }

  private func tooLarge(_ declared: Int?) -> GatewayError {
    GatewayError(
      .requestTooLarge,
      "the request body \(declared.map { "(\($0) bytes) " } ?? "")exceeds the server's limit of \(limit) bytes "
        + "(--max-request-bytes); send fewer records per request")
  }
}
