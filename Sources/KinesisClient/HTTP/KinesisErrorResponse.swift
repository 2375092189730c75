import SluiceAWS
import SluiceCore

/// Turns a non-200 Kinesis answer into a ``KinesisError``: the type from `__type` (JSON, text
/// after the last `#` and before any `:`), `x-amzn-ErrorType`, or `<Code>` (XML); the message from
/// `message`/`Message`.
enum KinesisErrorResponse {
  static func error(
    operation: String, status: Int, body: [UInt8], typeHeader: String?, stream: StreamAddress, shard: String?,
    credentials: AWSCredentials, endpoint: KinesisEndpoint
  ) -> KinesisError {
    let (type, serviceMessage) = parse(body: body, typeHeader: typeHeader)
    let code = KinesisError.code(forType: type, status: status)
    var what = "Kinesis \(operation) on stream \(stream)"
    if let shard { what += " shard \(shard)" }
    var message = "\(what) via \(endpoint) failed with HTTP \(status)"
    if let type { message += " \(type)" }
    if let serviceMessage, !serviceMessage.isEmpty { message += ": \(serviceMessage)" }
    if code == .accessDenied {
      message += "; the request was signed with \(credentials); " + KinesisError.advice(for: code)
    } else {
      message += "; " + KinesisError.advice(for: code)
    }
    return KinesisError(code, message, awsType: type, httpStatus: status)
  }

  static func parse(body: [UInt8], typeHeader: String?) -> (type: String?, message: String?) {
    var type = typeHeader.map(cleanType)
    var message: String?
    let text = String(decoding: body, as: UTF8.self)
    if let json = try? JSONValue.parse(text), json.objectMembers != nil {
      if let raw = json["__type"]?.stringValue ?? json["code"]?.stringValue { type = cleanType(raw) }
      message = json["message"]?.stringValue ?? json["Message"]?.stringValue
    } else if text.contains("<") {
      if let code = xmlElement("Code", in: text) { type = cleanType(code) }
      message = xmlElement("Message", in: text)
    } else if !text.isEmpty {
      message = String(text.prefix(300))
    }
    return (type, message)
  }

  /// `com.amazonaws.kinesis.v20131202#ResourceNotFoundException:http://…` → `ResourceNotFoundException`.
  static func cleanType(_ raw: String) -> String {
    var type = Substring(raw)
    if let hash = type.lastIndex(of: "#") { type = type[type.index(after: hash)...] }
    if let colon = type.firstIndex(of: ":") { type = type[..<colon] }
    return String(type)
  }

  /// The text of the first `<name>…</name>` element.
  static func xmlElement(_ name: String, in text: String) -> String? {
    let open = "<\(name)>"
    let close = "</\(name)>"
    guard let start = text.firstRange(of: open), let end = text[start.upperBound...].firstRange(of: close)
    else {
      return nil
    }
    return String(text[start.upperBound..<end.lowerBound])
  }
}
