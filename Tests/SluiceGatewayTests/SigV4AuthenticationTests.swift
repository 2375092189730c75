import Foundation
import SluiceAWS
import SluiceGateway
import SluiceLog
import XCTest

final class SigV4AuthenticationTests: XCTestCase {
  static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"

  /// The headers boto3 would send for `body`, signed with `secret` by SluiceAWS's signer.
  private static func signedHeaders(
    _ body: String, accessKey: String = "AKIDEXAMPLE", secret: String = secret
  )
    -> [String: String]
  {
    let request = SigV4Request(
      method: "POST", path: "/", query: "",
      headers: [
        HTTPHeaderField("Host", "127.0.0.1:8080"),
        HTTPHeaderField("Content-Type", "application/x-amz-json-1.1"),
        HTTPHeaderField("X-Amz-Target", "Kinesis_20131202.PutRecord"),
      ], body: Array(body.utf8))
    let signer = SigV4Signer(region: "us-east-1", service: "kinesis")
    let signed = signer.sign(
      request, credentials: AWSCredentials(accessKeyID: accessKey, secretAccessKey: secret),
      date: AMZDate(epochSeconds: GatewayServer.nowMilliseconds() / 1000))
    return Dictionary(signed.headers.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
  }

  func testKeysFileLoadsAPlainOrNestedMap() throws {
    XCTAssertEqual(
      try SigV4Authenticator.load(keysFile: "k.yaml", text: "AKIDEXAMPLE: \(Self.secret)\n").secrets,
      ["AKIDEXAMPLE": Self.secret])
    XCTAssertEqual(
      try SigV4Authenticator.load(keysFile: "k.yaml", text: "keys:\n  A: one\n  B: two\n").secrets,
      ["A": "one", "B": "two"])
    XCTAssertThrowsError(try SigV4Authenticator.load(keysFile: "k.yaml", text: "- a\n- b\n")) { error in
      XCTAssertTrue("\(error)".contains("k.yaml"), "\(error)")
    }
  }

  func testSignedRequestsPassAndBadSignaturesAreRefused() async throws {
    let harness = try GatewayHarness(authenticator: SigV4Authenticator(secrets: ["AKIDEXAMPLE": Self.secret]))
    try harness.store.createTopic("s", partitions: 1)
    try await harness.run { client in
      let body = #"{"StreamName":"s","Data":"YQ==","PartitionKey":"k"}"#
      let good = try await client.send(.post, "/", body, headers: Self.signedHeaders(body))
      XCTAssertEqual(good.status, 200, good.text)

      let tampered = try await client.send(
        .post, "/", body.replacingOccurrences(of: "YQ==", with: "Yg=="), headers: Self.signedHeaders(body))
      XCTAssertEqual(tampered.status, 403, tampered.text)
      XCTAssertEqual((tampered.json as? [String: Any])?["__type"] as? String, "InvalidSignatureException")

      let wrongSecret = try await client.send(
        .post, "/", body, headers: Self.signedHeaders(body, secret: "nope"))
      XCTAssertEqual(wrongSecret.status, 403)
      XCTAssertEqual((wrongSecret.json as? [String: Any])?["__type"] as? String, "InvalidSignatureException")

      let unknownKey = try await client.send(
        .post, "/", body, headers: Self.signedHeaders(body, accessKey: "AKIDOTHER"))
      XCTAssertEqual(unknownKey.status, 403)
      XCTAssertEqual((unknownKey.json as? [String: Any])?["__type"] as? String, "UnrecognizedClientException")
    }
    XCTAssertEqual(try harness.endOffsets()["s"], [1], "only the correctly signed request was appended")
  }
}
