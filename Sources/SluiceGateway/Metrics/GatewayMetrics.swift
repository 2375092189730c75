import Synchronization

/// Counters and latency histograms of the gateway, rendered in the Prometheus text format by
/// ``prometheusText()`` for `GET /metrics`. Routes are fixed labels (`kafka.produce`,
/// `apigw.putRecord`, `kinesis.GetRecords`, …), never raw paths, so label sets stay small.
public final class GatewayMetrics: Sendable {
  /// Upper bounds (seconds) of the latency histogram buckets.
  static let latencyBuckets: [Double] = [
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
  ]

  struct RouteStatus: Hashable, Comparable {
    var route: String
    var status: Int
    static func < (a: Self, b: Self) -> Bool { (a.route, a.status) < (b.route, b.status) }
  }

  struct RouteCode: Hashable, Comparable {
    var route: String
    var code: String
    static func < (a: Self, b: Self) -> Bool { (a.route, a.code) < (b.route, b.code) }
  }

  struct Histogram {
    var counts = [Int](repeating: 0, count: GatewayMetrics.latencyBuckets.count)
    var sum = 0.0
    var count = 0

    mutating func observe(_ seconds: Double) {
      for (i, bound) in GatewayMetrics.latencyBuckets.enumerated() where seconds <= bound { counts[i] += 1 }
      sum += seconds
      count += 1
    }
  }

  struct State {
    var requests: [RouteStatus: Int] = [:]
    var records: [String: Int] = [:]
    var bytes: [String: Int] = [:]
    var errors: [RouteCode: Int] = [:]
    var latency: [String: Histogram] = [:]
  }

  private let state = Mutex(State())

  public init() {}

  /// Records one answered request.
  func record(
    route: String, status: Int, seconds: Double, records: Int, bytes: Int, error: GatewayError.Code?
  ) {
    state.withLock { state in
      state.requests[RouteStatus(route: route, status: status), default: 0] += 1
      if records > 0 {
        state.records[route, default: 0] += records
        state.bytes[route, default: 0] += bytes
      }
      if let error { state.errors[RouteCode(route: route, code: error.description), default: 0] += 1 }
      state.latency[route, default: Histogram()].observe(seconds)
    }
  }

  /// Records appended over all routes (for tests and the shutdown summary).
  public var totalRecords: Int { state.withLock { $0.records.values.reduce(0, +) } }

  /// The Prometheus text exposition (version 0.0.4).
  public func prometheusText() -> String {
    let snapshot = state.withLock { $0 }
    var out = ""
    func header(_ name: String, _ type: String, _ help: String) {
      out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
    }
    header("sluice_gateway_requests_total", "counter", "HTTP requests answered, by route and status.")
    for key in snapshot.requests.keys.sorted() {
      out +=
        "sluice_gateway_requests_total{route=\"\(key.route)\",status=\"\(key.status)\"} \(snapshot.requests[key]!)\n"
    }
    header("sluice_gateway_records_total", "counter", "Records appended to the log, by route.")
    for route in snapshot.records.keys.sorted() {
      out += "sluice_gateway_records_total{route=\"\(route)\"} \(snapshot.records[route]!)\n"
    }
    header("sluice_gateway_record_bytes_total", "counter", "Key + value bytes appended to the log, by route.")
    for route in snapshot.bytes.keys.sorted() {
      out += "sluice_gateway_record_bytes_total{route=\"\(route)\"} \(snapshot.bytes[route]!)\n"
    }
    header(
      "sluice_gateway_errors_total", "counter", "Requests answered with an error, by route and error code.")
    for key in snapshot.errors.keys.sorted() {
      out +=
        "sluice_gateway_errors_total{route=\"\(key.route)\",code=\"\(key.code)\"} \(snapshot.errors[key]!)\n"
    }
    header("sluice_gateway_request_duration_seconds", "histogram", "Time from request to response, by route.")
    for route in snapshot.latency.keys.sorted() {
      let histogram = snapshot.latency[route]!
      for (i, bound) in Self.latencyBuckets.enumerated() {
        out +=
          "sluice_gateway_request_duration_seconds_bucket{route=\"\(route)\",le=\"\(bound)\"} \(histogram.counts[i])\n"
      }
      out +=
        "sluice_gateway_request_duration_seconds_bucket{route=\"\(route)\",le=\"+Inf\"} \(histogram.count)\n"
      out += "sluice_gateway_request_duration_seconds_sum{route=\"\(route)\"} \(histogram.sum)\n"
      out += "sluice_gateway_request_duration_seconds_count{route=\"\(route)\"} \(histogram.count)\n"
    }
    return out
  }
}
