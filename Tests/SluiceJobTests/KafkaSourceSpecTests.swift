import Foundation
import KafkaClient
import SluiceCore
import XCTest

@testable import SluiceJob

final class KafkaSourceSpecTests: XCTestCase {
  func job(_ source: String) -> String {
    "name: k\nsource:\n" + source.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
      + "\ntransforms:\n  - clean: pin\nsink: {kind: jsonl, path: out}\n"
  }

  func kafka(_ source: String) throws -> (KafkaSourceSpec, JobSpec) {
    let spec = try JobSpec.parse(yaml: job(source))
    guard case .kafka(let kafka) = spec.source else {
      XCTFail("not a kafka source")
      throw JobError(.invalid, "")
    }
    return (kafka, spec)
  }

  func testFullKafkaSourceDecodes() throws {
    let (kafka, spec) = try kafka(
      """
      kind: kafka
      bootstrapServers: "b1:9093, b2"
      topics: [pinterest.pin]
      startingOffsets: {"pinterest.pin": {"0": 5, "1": -2}}
      maxOffsetsPerTrigger: 5000
      failOnDataLoss: false
      commitOffsetsToGroup: sluice-pin
      requestTimeout: 5s
      metadata: [key, offset]
      security: {protocol: SASL_SSL, mechanism: SCRAM-SHA-512, username: u, passwordEnv: KAFKA_PW, caFile: ca.pem}
      """)
    XCTAssertEqual(
      kafka.bootstrapServers, [BrokerAddress(host: "b1", port: 9093), BrokerAddress(host: "b2", port: 9092)])
    XCTAssertEqual(kafka.subscription, .topics(["pinterest.pin"]))
    guard case .specific(let offsets) = kafka.startingOffsets else {
      return XCTFail("\(kafka.startingOffsets)")
    }
    XCTAssertEqual(offsets.json.canonical, #"{"pinterest.pin":{"0":5,"1":-2}}"#)
    XCTAssertEqual(spec.readLimit.maxRecords, 5000)
    XCTAssertFalse(kafka.failOnDataLoss)
    XCTAssertEqual(kafka.commitOffsetsToGroup, "sluice-pin")
    XCTAssertEqual(kafka.requestTimeout, .seconds(5))
    XCTAssertEqual(kafka.security.mechanism, .scramSHA512)
    XCTAssertEqual(kafka.security.password, .environment("KAFKA_PW"))
    XCTAssertEqual(spec.source.kind, "kafka")
    XCTAssertThrowsError(try kafka.clientConfiguration()) {
      XCTAssertTrue("\($0)".contains("KAFKA_PW"), "\($0)")
    }
  }

  func testPatternListOfServersAndTimestampStart() throws {
    let (kafka, spec) = try kafka(
      """
      kind: kafka
      bootstrapServers: [a:1, b:2]
      topicPattern: "pinterest\\\\..*"
      startingOffsets: timestamp:1700000000000
      security: {protocol: SSL, insecureSkipVerify: true}
      """)
    XCTAssertEqual(kafka.subscription, .pattern(#"pinterest\..*"#))
    XCTAssertEqual(kafka.startingOffsets, .timestamp(1_700_000_000_000))
    XCTAssertEqual(spec.readLimit.maxRecords, 100_000)
    let configuration = try kafka.clientConfiguration()
    XCTAssertEqual(configuration.security.tls?.insecureSkipVerify, true)
    XCTAssertNil(configuration.security.sasl)
    XCTAssertEqual(configuration.bootstrapServers.count, 2)
  }

  func testMistakesAreNamed() {
    let cases: [(String, String)] = [
      ("kind: kafka\ntopics: [t]", "bootstrapServers is required"),
      ("kind: kafka\nbootstrapServers: h:1", "needs `topics:`"),
      ("kind: kafka\nbootstrapServers: h:1\ntopics: [t]\ntopicPattern: x", "not both"),
      ("kind: kafka\nbootstrapServers: h:1\ntopicPattern: '('", "not a valid regular expression"),
      ("kind: kafka\nbootstrapServers: 'h:x'\ntopics: [t]", "not a port"),
      ("kind: kafka\nbootstrapServers: h:1\ntopics: [t]\nstartingOffsets: newest", "'newest' is not allowed"),
      (
        "kind: kafka\nbootstrapServers: h:1\ntopics: [t]\nsecurity: {protocol: SASL_SSL}",
        "needs `mechanism:`"
      ),
      (
        "kind: kafka\nbootstrapServers: h:1\ntopics: [t]\nsecurity: {protocol: SSL, mechanism: PLAIN}",
        "need protocol SASL"
      ),
      (
        "kind: kafka\nbootstrapServers: h:1\ntopics: [t]\nmaxOffsetsPerTrigger: 5\nmaxRecordsPerBatch: 5",
        "not both"
      ),
      ("kind: kafka\nbootstrapServers: h:1\ntopics: [t]\nfailOnDataloss: true", "failOnDataLoss"),
      ("kind: kafka\nbootstrapServers: h:1\ntopics: [t]\nrequestTimeout: soon", "not a duration"),
      ("kind: kafka\nbootstrapServers: h:1\ntopics: [t]\nmaxBytesPerBatch: 100", "records only"),
    ]
    for (source, fragment) in cases {
      XCTAssertThrowsError(try JobSpec.parse(yaml: job(source)), source) {
        XCTAssertTrue("\($0)".contains(fragment), "\(source): \($0)")
      }
    }
  }

  func testSourceIdentityNamesTopics() throws {
    let (kafka, _) = try kafka("kind: kafka\nbootstrapServers: h:1\ntopics: [b, a]")
    let source = try kafka.makeSource()
    XCTAssertEqual(source.identity, "kafka:a,b")
  }
}
