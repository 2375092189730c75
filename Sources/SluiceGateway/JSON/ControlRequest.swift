import SluiceCore

/// A small control-plane request body (CreateStream, GetShardIterator, ListShards, …) parsed
/// into a ``JSONValue`` — one document per request, never per record — with typed member access
/// whose errors name the member.
struct ControlRequest {
  let json: JSONValue

  init(body: [UInt8]) throws(GatewayError) {
    if body.isEmpty {
      json = .object([])
      return
    }
    let parsed = body.withUnsafeBytes { buffer in
      Result { () throws(CoreError) -> JSONValue in try JSONValue.parse(buffer) }
    }
    switch parsed {
    case .success(let value): json = value
    case .failure(let error): throw GatewayError(.malformedJSON, error.message)
    }
    guard json.objectMembers != nil else {
      throw GatewayError(.invalidRequest, "the body must be a JSON object")
    }
  }

  func string(_ name: String) throws(GatewayError) -> String? {
    guard let value = json[name], value != .null else { return nil }
    guard let text = value.stringValue else {
      throw GatewayError(.invalidRequest, "\(name) must be a string, found \(value.compact)")
    }
    return text
  }

  func requiredString(_ name: String) throws(GatewayError) -> String {
    guard let text = try string(name) else { throw GatewayError(.invalidRequest, "\(name) is required") }
    return text
  }

  func int(_ name: String) throws(GatewayError) -> Int? {
    guard let value = json[name], value != .null else { return nil }
    guard let number = value.intValue, let int = Int(exactly: number) else {
      throw GatewayError(.invalidRequest, "\(name) must be an integer, found \(value.compact)")
    }
    return int
  }

  /// An AWS timestamp: epoch seconds (fractional allowed) → milliseconds.
  func epochMilliseconds(_ name: String) throws(GatewayError) -> Int64? {
    guard let value = json[name], value != .null else { return nil }
    guard let seconds = value.doubleValue, seconds.isFinite, abs(seconds) < 1e12 else {
      throw GatewayError(.invalidRequest, "\(name) must be epoch seconds, found \(value.compact)")
    }
    return Int64((seconds * 1000).rounded())
  }

  /// The stream a request names by `StreamName` or `StreamARN` (…:stream/<name>).
  func streamName() throws(GatewayError) -> String? {
    if let name = try string("StreamName") { return name }
    guard let arn = try string("StreamARN") else { return nil }
    return try KinesisStreams.streamName(fromARN: arn)
  }

  func requiredStreamName() throws(GatewayError) -> String {
    guard let name = try streamName() else {
      throw GatewayError(.invalidRequest, "StreamName (or StreamARN) is required")
    }
    return name
  }
}
