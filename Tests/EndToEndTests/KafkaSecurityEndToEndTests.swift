import Foundation
import XCTest

/// `security:` of the Kafka source against TLS (Python's OpenSSL) and SASL PLAIN / SCRAM-SHA-256
/// / SCRAM-SHA-512 (a proxy in front of Tansu; kafka-python authenticates through the same proxy,
/// so an independent client agrees on the exchange).
final class KafkaSecurityEndToEndTests: XCTestCase {
  var sluice: SluiceProcess!
  var broker: TansuBroker?
  var proxy: KafkaSecurityProxy?

  override func setUpWithError() throws {
    sluice = try SluiceProcess.scratch()
  }

  override func tearDown() {
    proxy?.stop()
    broker?.stop()
    sluice?.remove()
  }

  /// Starts Tansu behind the proxy and produces 12 records through it with kafka-python.
  func start(tls: Bool, mechanism: String?) throws {
    let proxyPort = try TansuBroker.freePort()
    broker = try TansuBroker(advertisedPort: proxyPort)
    proxy = try KafkaSecurityProxy(
      port: proxyPort, upstream: broker!.port, tls: tls, mechanisms: mechanism.map { [$0] } ?? [])
    var options: [String: String] = ["security_protocol": protocolName(tls: tls, sasl: mechanism != nil)]
    if tls { options["ssl_cafile"] = proxy!.caFile }
    if let mechanism {
      options["sasl_mechanism"] = mechanism
      options["sasl_plain_username"] = KafkaSecurityProxy.user
      options["sasl_plain_password"] = KafkaSecurityProxy.password
    }
    let script = """
      from kafka import KafkaProducer
      from kafka.admin import KafkaAdminClient, NewTopic
      opts = json.loads(sys.argv[1])
      bootstrap = "127.0.0.1:" + sys.argv[2]
      admin = KafkaAdminClient(bootstrap_servers=bootstrap, **opts)
      admin.create_topics([NewTopic("secure", 2, 1)])
      admin.close()
      p = KafkaProducer(bootstrap_servers=bootstrap, **opts)
      for i in range(12):
          p.send("secure", value=json.dumps({"id": "r%d" % i}).encode())
      p.flush()
      print(json.dumps({"ok": True}))
      """
    let json = String(decoding: try JSONSerialization.data(withJSONObject: options), as: UTF8.self)
    try broker!.python(script, [json, String(proxyPort)])
  }

  func protocolName(tls: Bool, sasl: Bool) -> String {
    switch (tls, sasl) {
    case (false, false): "PLAINTEXT"
    case (true, false): "SSL"
    case (false, true): "SASL_PLAINTEXT"
    case (true, true): "SASL_SSL"
    }
  }

  func runJob(security: String) throws -> SluiceProcess.Result {
    let job = """
      name: secure
      source:
        kind: kafka
        bootstrapServers: "127.0.0.1:\(proxy!.port)"
        topics: [secure]
        security: \(security)
        requestTimeout: 5s
      schema:
        - id: string
      sink: {kind: jsonl, path: out/secure}
      checkpoint: ckpt/secure
      trigger: availableNow

      """
    try sluice.write(job, to: "secure.yaml")
    return try sluice.run(
      ["run", "secure.yaml"], environment: ["KAFKA_TEST_PASSWORD": KafkaSecurityProxy.password])
  }

  func assertAllRows(file: StaticString = #filePath, line: UInt = #line) throws {
    let ids = try sluice.sinkRows("out/secure").compactMap { $0["id"] as? String }
    XCTAssertEqual(ids.sorted(), (0..<12).map { "r\($0)" }.sorted(), file: file, line: line)
  }

  func testTLSWithTheCAFile() throws {
    try start(tls: true, mechanism: nil)
    let result = try runJob(security: "{protocol: SSL, caFile: \"\(proxy!.caFile)\"}")
    XCTAssertEqual(result.status, 0, result.output)
    try assertAllRows()
  }

  func testTLSRefusesAnUntrustedCertificate() throws {
    try start(tls: true, mechanism: nil)
    let result = try runJob(security: "{protocol: SSL}")
    XCTAssertNotEqual(result.status, 0)
    XCTAssertTrue(result.stderr.contains("caFile"), result.output)
    XCTAssertEqual(sluice.committedBatches("ckpt/secure"), [])
  }

  func testSASLSSLWithSCRAMSHA512() throws {
    try start(tls: true, mechanism: "SCRAM-SHA-512")
    let result = try runJob(
      security:
        "{protocol: SASL_SSL, mechanism: SCRAM-SHA-512, username: alice, passwordEnv: KAFKA_TEST_PASSWORD, caFile: \"\(proxy!.caFile)\"}"
    )
    XCTAssertEqual(result.status, 0, result.output)
    try assertAllRows()
  }

  func testSCRAMSHA256AndPlainAndAWrongPassword() throws {
    try start(tls: false, mechanism: "SCRAM-SHA-256")
    var result = try runJob(
      security: "{protocol: SASL_PLAINTEXT, mechanism: SCRAM-SHA-256, username: alice, password: wrong}")
    XCTAssertNotEqual(result.status, 0)
    XCTAssertTrue(result.stderr.contains("authentication of user 'alice'"), result.output)
    XCTAssertTrue(result.stderr.contains("Invalid username or password"), result.output)
    result = try runJob(
      security:
        "{protocol: SASL_PLAINTEXT, mechanism: PLAIN, username: alice, password: \(KafkaSecurityProxy.password)}"
    )
    XCTAssertNotEqual(result.status, 0)
    XCTAssertTrue(result.stderr.contains("does not enable SASL mechanism PLAIN"), result.output)
    result = try runJob(
      security:
        "{protocol: SASL_PLAINTEXT, mechanism: SCRAM-SHA-256, username: alice, passwordEnv: KAFKA_TEST_PASSWORD}"
    )
    XCTAssertEqual(result.status, 0, result.output)
    try assertAllRows()
  }
}
