import Hummingbird

/// Registers every endpoint on a Hummingbird router and runs each request through the same
/// steps: read the body within the limit, authenticate (when configured), handle, shape errors
/// in the API's own format, and count it in the metrics.
struct GatewayRoutes: Sendable {
  /// Whose error format a route answers in.
  enum API: Sendable {
    case kafka, apiGateway, native

    func reply(_ error: GatewayError) -> GatewayReply {
      switch self {
      case .kafka: KafkaRESTError.reply(error)
      case .apiGateway:
        KinesisError.reply(error, contentType: APIGatewayKinesisAPI.contentType, restStyle: true)
      case .native: KinesisError.reply(error, contentType: NativeKinesisAPI.contentType)
      }
    }
  }

  let kafka: KafkaRESTAPI
  let apiGateway: APIGatewayKinesisAPI
  let native: NativeKinesisAPI
  let metrics: GatewayMetrics
  let bodyReader: RequestBodyReader
  let authenticator: (any RequestAuthenticator)?

  /// One line naming the endpoints, for the start-up message.
  static let summary =
    "Kafka REST v2: POST /topics/{topic}, GET /topics[/{topic}] · API-Gateway Kinesis: PUT /streams/{s}/record[s], "
    + "GET|POST|DELETE /streams/{s}, GET /streams · Kinesis JSON 1.1: POST / (X-Amz-Target) · GET /health, /metrics"

  func register(on router: Router<BasicRequestContext>) {
    router.get("/health") { _, _ in
      GatewayReply(contentType: "application/json", body: Array("{\"status\":\"ok\"}".utf8)).response
    }
    router.get("/metrics") { _, _ in
      GatewayReply(contentType: "text/plain; version=0.0.4", body: Array(metrics.prometheusText().utf8))
        .response
    }

    // Kafka REST Proxy v2 (also under an API-Gateway stage prefix, /<stage>/topics/{topic}).
    let produce: @Sendable (Request, BasicRequestContext) async -> Response = { request, context in
      let topic = context.parameters.get("topic") ?? ""
      return await serve("kafka.produce", .kafka, request) { (request, body) throws(GatewayError) in
        try await kafka.produce(topic: topic, contentType: request.bareContentType, body: body)
      }
    }
    router.post("/topics/:topic", use: produce)
    router.post("/:stage/topics/:topic", use: produce)
    router.get("/topics") { request, _ in
      await serve("kafka.listTopics", .kafka, request) { (_, _) throws(GatewayError) in try kafka.listTopics()
      }
    }
    router.get("/topics/:topic") { request, context in
      let topic = context.parameters.get("topic") ?? ""
      return await serve("kafka.describeTopic", .kafka, request) { (_, _) throws(GatewayError) in
        try kafka.describeTopic(topic)
      }
    }

    // API-Gateway Kinesis shape (also under a stage prefix).
    let putRecord: @Sendable (Request, BasicRequestContext) async -> Response = { request, context in
      let stream = context.parameters.get("stream") ?? ""
      return await serve("apigw.putRecord", .apiGateway, request) { (request, body) throws(GatewayError) in
        try await apiGateway.putRecord(stream: stream, contentType: request.bareContentType, body: body)
      }
    }
    let putRecords: @Sendable (Request, BasicRequestContext) async -> Response = { request, context in
      let stream = context.parameters.get("stream") ?? ""
      return await serve("apigw.putRecords", .apiGateway, request) { (request, body) throws(GatewayError) in
        try await apiGateway.putRecords(stream: stream, contentType: request.bareContentType, body: body)
      }
    }
    for prefix in ["", "/:stage"] {
      router.put("\(prefix)/streams/:stream/record", use: putRecord)
      router.put("\(prefix)/streams/:stream/records", use: putRecords)
      router.post("\(prefix)/streams/:stream/records", use: putRecords)
    }
    router.get("/streams") { request, _ in
      await serve("apigw.listStreams", .apiGateway, request) { (_, _) throws(GatewayError) in
        try apiGateway.listStreams()
      }
    }
    router.get("/streams/:stream") { request, context in
      let stream = context.parameters.get("stream") ?? ""
      return await serve("apigw.describeStream", .apiGateway, request) { (_, _) throws(GatewayError) in
        try apiGateway.describeStream(stream)
      }
    }
    router.post("/streams/:stream") { request, context in
      let stream = context.parameters.get("stream") ?? ""
      return await serve("apigw.createStream", .apiGateway, request) { (request, body) throws(GatewayError) in
        try apiGateway.createStream(stream, contentType: request.bareContentType, body: body)
      }
    }
    router.delete("/streams/:stream") { request, context in
      let stream = context.parameters.get("stream") ?? ""
      return await serve("apigw.deleteStream", .apiGateway, request) { (_, _) throws(GatewayError) in
        try await apiGateway.deleteStream(stream)
      }
    }

    // Native Kinesis JSON 1.1.
    router.post("/") { request, _ in
      let target = request.headers.first { $0.name.canonicalName == "x-amz-target" }?.value
      let operation = try? NativeKinesisAPI.operation(target: target)
      return await serve("kinesis.\(operation?.rawValue ?? "unknown")", .native, request) {
        (request, body) throws(GatewayError) in
        try await native.handle(
          try NativeKinesisAPI.operation(target: target), contentType: request.bareContentType, body: body)
      }
    }
  }

  /// The common steps of every API request.
  private func serve(
    _ route: String, _ api: API, _ request: Request,
    _ handler: (Request, [UInt8]) async throws(GatewayError) -> GatewayReply
  ) async -> Response {
    let start = ContinuousClock.now
    var reply: GatewayReply
    var failure: GatewayError.Code?
    do {
      let body = try await bodyReader.read(request)
      if let authenticator { try authenticator.authenticate(Self.incoming(request, body: body)) }
      reply = try await handler(request, body)
    } catch {
      failure = error.code
      reply = api.reply(error)
    }
    let elapsed = ContinuousClock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    metrics.record(
      route: route, status: Int(reply.status.code), seconds: seconds, records: reply.records,
      bytes: reply.recordBytes, error: failure)
    return reply.response
  }

  static func incoming(_ request: Request, body: [UInt8]) -> IncomingRequest {
    let target = request.head.path ?? "/"
    let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
    var headers = request.headers.map { (name: $0.name.rawName, value: $0.value) }
    // HTTP/1's Host header arrives as the request's authority; signatures cover it as `host`.
    if let authority = request.head.authority, !headers.contains(where: { $0.name.lowercased() == "host" }) {
      headers.insert((name: "Host", value: authority), at: 0)
    }
    return IncomingRequest(
      method: request.method.rawValue, path: String(parts[0]), query: parts.count > 1 ? String(parts[1]) : "",
      headers: headers, body: body)
  }
}
