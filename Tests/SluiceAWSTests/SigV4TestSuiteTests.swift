import SluiceAWS
import XCTest

/// Runs AWS's published SigV4 test suite: canonical request, string to sign and Authorization
/// header of each request must match exactly, and the verifier must accept each signed request.
final class SigV4TestSuiteTests: XCTestCase {
  let signer = SigV4Signer(region: "us-east-1", service: "service")
  let date = AMZDate(parsing: "20150830T123600Z")!
  let accessKey = "AKIDEXAMPLE"
  let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"

  func testTheSuiteHasTheRepresentativeVectors() {
    let names = Set(SigV4TestSuite.vectors.map(\.name))
    for required in [
      "get-vanilla", "get-vanilla-query-order-key-case", "post-x-www-form-urlencoded",
      "get-header-value-trim",
      "post-vanilla-query", "get-utf8", "get-space", "get-slashes", "get-relative-relative",
      "get-slash-dot-slash", "post-sts-header-before", "get-vanilla-utf8-query", "get-header-key-duplicate",
    ] {
      XCTAssertTrue(names.contains(required), "missing vector \(required)")
    }
    XCTAssertGreaterThanOrEqual(names.count, 28)
  }

  func testCanonicalRequestStringToSignAndAuthorizationMatchEveryVector() throws {
    for vector in SigV4TestSuite.vectors {
      let request = try RawHTTPRequest.parse(vector.request)
      let result = signer.signature(for: request, accessKeyID: accessKey, secretAccessKey: secret, date: date)
      XCTAssertEqual(result.canonicalRequest, vector.canonicalRequest, "canonical request of \(vector.name)")
      XCTAssertEqual(result.stringToSign, vector.stringToSign, "string to sign of \(vector.name)")
      XCTAssertEqual(result.authorization, vector.authorization, "authorization of \(vector.name)")
    }
  }

  func testSignAddsTheAuthorizationHeaderOfEveryVector() throws {
    for vector in SigV4TestSuite.vectors {
      let request = try RawHTTPRequest.parse(vector.request)
      let signed = signer.sign(
        request, credentials: AWSCredentials(accessKeyID: accessKey, secretAccessKey: secret), date: date)
      XCTAssertEqual(signed.value(of: "Authorization"), vector.authorization, vector.name)
    }
  }

  func testTheVerifierAcceptsEverySignedVectorAndRejectsATamperedOne() throws {
    for vector in SigV4TestSuite.vectors {
      var request = try RawHTTPRequest.parse(vector.request)
      request.headers.append(HTTPHeaderField("Authorization", vector.authorization))
      let authorization = try SigV4Verifier.verify(request, now: date.epochSeconds + 60) { key in
        key == self.accessKey ? self.secret : nil
      }
      XCTAssertEqual(authorization.accessKeyID, accessKey)
      XCTAssertEqual(authorization.service, "service")

      var tampered = request
      tampered.body += Array("x".utf8)
      XCTAssertThrowsError(
        try SigV4Verifier.verify(tampered, now: date.epochSeconds) { _ in self.secret }, vector.name
      ) { error in
        XCTAssertEqual((error as? AWSError)?.code, .signatureMismatch, vector.name)
      }
    }
  }

  func testTheParsedRequestsKeepRawPathsAndQueries() throws {
    let space = try RawHTTPRequest.parse(
      SigV4TestSuite.vectors.first { $0.name == "get-space" }!.request)
    XCTAssertEqual(space.path, "/example space/")
    let query = try RawHTTPRequest.parse(
      SigV4TestSuite.vectors.first { $0.name == "get-vanilla-query-order-key-case" }!.request)
    XCTAssertEqual(query.query, "Param2=value2&Param1=value1")
  }
}

/// Parses the suite's `.req` files: `METHOD target HTTP/1.1`, `Name:value` lines (a line starting
/// with whitespace is a further value of the previous header), a blank line, the body.
enum RawHTTPRequest {
  struct Malformed: Error {}

  static func parse(_ text: String) throws -> SigV4Request {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
    guard let first = lines.popFirst(), let space = first.firstIndex(of: " "), first.hasSuffix(" HTTP/1.1")
    else {
      throw Malformed()
    }
    let method = String(first[..<space])
    let target = first[first.index(after: space)..<first.index(first.endIndex, offsetBy: -9)]
    var request = SigV4Request(method: method)
    if let question = target.firstIndex(of: "?") {
      request.path = String(target[..<question])
      request.query = String(target[target.index(after: question)...])
    } else {
      request.path = String(target)
    }
    while let line = lines.popFirst() {
      if line.isEmpty { break }
      if line.first == " " || line.first == "\t", let previous = request.headers.last {
        request.headers.append(HTTPHeaderField(previous.name, String(line)))
        continue
      }
      guard let colon = line.firstIndex(of: ":") else { throw Malformed() }
      request.headers.append(
        HTTPHeaderField(String(line[..<colon]), String(line[line.index(after: colon)...])))
    }
    request.body = Array(lines.joined(separator: "\n").utf8)
    return request
  }
}
