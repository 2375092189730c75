import SluiceAWS
import XCTest

final class SigV4SignerTests: XCTestCase {
  let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"

  /// AWS's documented signing-key example (IAM, 20120215).
  func testSigningKeyDerivationMatchesThePublishedExample() {
    XCTAssertEqual(
      SigV4Signer.signingKeyHex(
        secretAccessKey: secret, dateStamp: "20120215", region: "us-east-1", service: "iam"),
      "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d")
  }

  func testAMZDateFormatsAndParsesUTC() {
    XCTAssertEqual(AMZDate(epochSeconds: 1_440_938_160).text, "20150830T123600Z")
    XCTAssertEqual(AMZDate(epochSeconds: 0).text, "19700101T000000Z")
    XCTAssertEqual(AMZDate(epochSeconds: 951_782_400).text, "20000229T000000Z")
    XCTAssertEqual(AMZDate(parsing: "20150830T123600Z")?.epochSeconds, 1_440_938_160)
    XCTAssertEqual(AMZDate(parsing: "20150830T123600Z")?.dateStamp, "20150830")
    XCTAssertNil(AMZDate(parsing: "2015-08-30T12:36:00Z"))
    XCTAssertNil(AMZDate(parsing: "20151330T123600Z"))
  }

  func testAKinesisRequestGetsDateTokenAndAuthorization() throws {
    let signer = SigV4Signer(region: "eu-west-1", service: "kinesis")
    let request = SigV4Request(
      method: "POST", path: "/",
      headers: [
        HTTPHeaderField("Host", "kinesis.eu-west-1.amazonaws.com"),
        HTTPHeaderField("Content-Type", "application/x-amz-json-1.1"),
        HTTPHeaderField("X-Amz-Target", "Kinesis_20131202.ListShards"),
        HTTPHeaderField("User-Agent", "sluice"),
      ], body: Array(#"{"StreamName":"pin"}"#.utf8))
    let credentials = AWSCredentials(accessKeyID: "AKID", secretAccessKey: secret, sessionToken: "TOKEN")
    let date = AMZDate(epochSeconds: 1_700_000_000)
    let signed = signer.sign(request, credentials: credentials, date: date)
    XCTAssertEqual(signed.value(of: "x-amz-date"), "20231114T221320Z")
    XCTAssertEqual(signed.value(of: "x-amz-security-token"), "TOKEN")
    let authorization = try SigV4Authorization(parsing: try XCTUnwrap(signed.value(of: "authorization")))
    XCTAssertEqual(
      authorization.signedHeaders,
      ["content-type", "host", "x-amz-date", "x-amz-security-token", "x-amz-target"])
    XCTAssertEqual(authorization.region, "eu-west-1")
    XCTAssertEqual(authorization.service, "kinesis")
    XCTAssertEqual(authorization.dateStamp, "20231114")
    // The verifier accepts it with the same secret and rejects another secret.
    XCTAssertNoThrow(try SigV4Verifier.verify(signed, now: date.epochSeconds) { _ in self.secret })
    XCTAssertThrowsError(try SigV4Verifier.verify(signed, now: date.epochSeconds) { _ in "other" }) { error in
      XCTAssertEqual((error as? AWSError)?.code, .signatureMismatch)
      XCTAssertTrue("\(error)".contains("canonical request"), "\(error)")
    }
    // Changing a signed header breaks it; changing the unsigned User-Agent does not.
    var changedTarget = signed
    changedTarget.setHeader("X-Amz-Target", "Kinesis_20131202.DeleteStream")
    XCTAssertThrowsError(try SigV4Verifier.verify(changedTarget, now: date.epochSeconds) { _ in self.secret })
    var changedAgent = signed
    changedAgent.setHeader("User-Agent", "curl")
    XCTAssertNoThrow(try SigV4Verifier.verify(changedAgent, now: date.epochSeconds) { _ in self.secret })
  }

  func testPayloadHashHeaderForS3StyleSigning() {
    let signer = SigV4Signer(
      region: "us-east-1", service: "s3", normalizesPath: false, includesPayloadHashHeader: true)
    let request = SigV4Request(
      method: "PUT", path: "/bucket/a//b", headers: [HTTPHeaderField("Host", "h")], body: [])
    let signed = signer.sign(
      request, credentials: AWSCredentials(accessKeyID: "A", secretAccessKey: "S"),
      date: AMZDate(epochSeconds: 0))
    XCTAssertEqual(
      signed.value(of: "x-amz-content-sha256"),
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    let result = signer.signature(
      for: signed, accessKeyID: "A", secretAccessKey: "S", date: AMZDate(epochSeconds: 0))
    XCTAssertTrue(result.canonicalRequest.hasPrefix("PUT\n/bucket/a//b\n"), result.canonicalRequest)
  }

  func testCanonicalQueryDecodesThenReencodesAndSorts() {
    XCTAssertEqual(CanonicalRequest.query("b=2&a=%7e&a=1&c"), "a=1&a=~&b=2&c=")
    XCTAssertEqual(CanonicalRequest.query("k=a b+c"), "k=a%20b%2Bc")
    XCTAssertEqual(CanonicalRequest.uri("/a/./b/../c//d/"), "/a/c/d/")
    XCTAssertEqual(CanonicalRequest.uri("/streams/my%20stream"), "/streams/my%2520stream")
  }

  func testVerifierRejectsSkewUnknownKeysAndMalformedHeaders() throws {
    let signer = SigV4Signer(region: "us-east-1", service: "kinesis")
    let date = AMZDate(epochSeconds: 1_700_000_000)
    let signed = signer.sign(
      SigV4Request(method: "POST", headers: [HTTPHeaderField("Host", "localhost:1")]),
      credentials: AWSCredentials(accessKeyID: "AK", secretAccessKey: "S"), date: date)
    XCTAssertThrowsError(try SigV4Verifier.verify(signed, now: date.epochSeconds + 3600) { _ in "S" }) {
      XCTAssertEqual(($0 as? AWSError)?.code, .requestTimeInvalid)
    }
    XCTAssertThrowsError(try SigV4Verifier.verify(signed, now: date.epochSeconds) { _ in nil }) {
      XCTAssertEqual(($0 as? AWSError)?.code, .unknownAccessKey)
    }
    var malformed = signed
    malformed.setHeader("Authorization", "AWS4-HMAC-SHA256 Credential=AK/2023/us-east-1, Signature=00")
    XCTAssertThrowsError(try SigV4Verifier.verify(malformed, now: date.epochSeconds) { _ in "S" }) {
      XCTAssertEqual(($0 as? AWSError)?.code, .malformedAuthorization)
    }
    var basic = signed
    basic.setHeader("Authorization", "Basic dXNlcjpwYXNz")
    XCTAssertThrowsError(try SigV4Verifier.verify(basic, now: date.epochSeconds) { _ in "S" }) {
      XCTAssertEqual(($0 as? AWSError)?.code, .malformedAuthorization)
    }
  }
}
