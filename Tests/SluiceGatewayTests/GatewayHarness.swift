import Foundation
import Hummingbird
import HummingbirdTesting
import SluiceGateway
import SluiceLog
import XCTest

/// A gateway over a fresh temporary log, driven in process through Hummingbird's router tester.
final class GatewayHarness: @unchecked Sendable {
  let root: String
  let store: LogStore
  let server: GatewayServer

  init(
    configuration: GatewayConfiguration = GatewayConfiguration(),
    authenticator: (any RequestAuthenticator)? = nil
  ) throws {
    root =
      FileManager.default.temporaryDirectory.appendingPathComponent("sluice-gateway-\(UUID().uuidString)")
      .path
    store = try LogStore(root: root, configuration: LogConfiguration(fsync: .always))
    server = try GatewayServer(
      log: GatewayLog(store: store, clock: GatewayServer.nowMilliseconds), configuration: configuration,
      authenticator: authenticator)
  }

  deinit { try? FileManager.default.removeItem(atPath: root) }

  func run(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
    try await server.makeApplication().test(.router, body)
    await server.log.closeAll()
  }

  /// Every topic's end offsets, to show a rejected request changed nothing.
  func endOffsets() throws -> [String: [Int64]] {
    var result: [String: [Int64]] = [:]
    for name in try store.topicNames() {
      result[name] = try store.describe(topic: name).partitions.map(\.latestOffset)
    }
    return result
  }

  /// Values of a topic's partition as text.
  func values(_ topic: String, partition: Int32 = 0) throws -> [String] {
    let records = try store.read(topic: topic, partition: partition, from: 0, maxRecords: 10_000)
    return (0..<records.count).map { String(decoding: records.value($0), as: UTF8.self) }
  }
}

extension TestClientProtocol {
  /// Sends `body` with `headers` and returns status and the parsed JSON answer (nil when not JSON).
  func send(
    _ method: HTTPRequest.Method, _ uri: String, _ body: String? = nil, headers: [String: String] = [:]
  ) async throws -> (status: Int, json: Any?, text: String) {
    var fields = HTTPFields()
    for (name, value) in headers { fields[HTTPFields.Element.Name(name)!] = value }
    let response = try await execute(
      uri: uri, method: method, headers: fields, body: body.map { ByteBuffer(string: $0) })
    let text = String(buffer: response.body)
    let json = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    return (Int(response.status.code), json, text)
  }

  func kinesis(_ operation: String, _ body: [String: Any], contentType: String = "application/x-amz-json-1.1")
    async throws -> (status: Int, json: [String: Any], text: String)
  {
    let data = try JSONSerialization.data(withJSONObject: body)
    let result = try await send(
      .post, "/", String(decoding: data, as: UTF8.self),
      headers: ["X-Amz-Target": "Kinesis_20131202.\(operation)", "Content-Type": contentType])
    return (result.status, result.json as? [String: Any] ?? [:], result.text)
  }
}

let kafkaJSON = ["Content-Type": "application/vnd.kafka.json.v2+json"]
let plainJSON = ["Content-Type": "application/json"]
