/// A broker's `host:port`.
public struct BrokerAddress: Sendable, Hashable, CustomStringConvertible {
  public var host: String
  public var port: Int

  public init(host: String, port: Int) {
    self.host = host
    self.port = port
  }

  /// Parses `host:port` (`[v6addr]:port` for IPv6); the port defaults to 9092.
  public init(parsing text: String) throws(KafkaClientError) {
    let trimmed = text.trimmingSpaces
    guard !trimmed.isEmpty else {
      throw KafkaClientError(
        .invalidConfiguration, "empty broker address; use host:port, e.g. localhost:9092")
    }
    var host = trimmed
    var portText: Substring? = nil
    if trimmed.hasPrefix("[") {
      guard let close = trimmed.firstIndex(of: "]") else {
        throw KafkaClientError(
          .invalidConfiguration, "broker address '\(text)': missing ']' after an IPv6 address")
      }
      host = String(trimmed[trimmed.index(after: trimmed.startIndex)..<close])
      let rest = trimmed[trimmed.index(after: close)...]
      if rest.hasPrefix(":") { portText = rest.dropFirst() }
    } else if let colon = trimmed.lastIndex(of: ":") {
      host = String(trimmed[..<colon])
      portText = trimmed[trimmed.index(after: colon)...]
    }
    var port = 9092
    if let portText {
      guard let value = Int(portText), (1...65535).contains(value) else {
        throw KafkaClientError(
          .invalidConfiguration,
          "broker address '\(text)': '\(portText)' is not a port (1–65535); use host:port")
      }
      port = value
    }
    guard !host.isEmpty else {
      throw KafkaClientError(.invalidConfiguration, "broker address '\(text)' has no host; use host:port")
    }
    self.host = host
    self.port = port
  }

  /// Parses a comma-separated list (`host1:9092,host2:9092`).
  public static func parseList(_ text: String) throws(KafkaClientError) -> [BrokerAddress] {
    var result: [BrokerAddress] = []
    for part in text.split(separator: ",") where !String(part).trimmingSpaces.isEmpty {
      result.append(try BrokerAddress(parsing: String(part)))
    }
    guard !result.isEmpty else {
      throw KafkaClientError(
        .invalidConfiguration, "no bootstrap servers given; use host:port[,host:port…], e.g. localhost:9092")
    }
    return result
  }

  public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

extension String {
  var trimmingSpaces: String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
    while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
    return String(s)
  }
}
