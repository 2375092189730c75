import XCTest

@testable import KinesisClient

final class ErrorMappingTests: XCTestCase {
  func testJSONTypeWithNamespaceAndXMLCodes() {
    let json = KinesisErrorResponse.parse(
      body: Array(
        #"{"__type":"com.amazonaws.kinesis.v20131202#ResourceNotFoundException","message":"Stream x not found"}"#
          .utf8),
      typeHeader: nil)
    XCTAssertEqual(json.type, "ResourceNotFoundException")
    XCTAssertEqual(json.message, "Stream x not found")
    let xml = KinesisErrorResponse.parse(
      body: Array(
        "<ErrorResponse><Error><Code>SignatureDoesNotMatch</Code><Message>bad sig</Message></Error></ErrorResponse>"
          .utf8),
      typeHeader: nil)
    XCTAssertEqual(xml.type, "SignatureDoesNotMatch")
    XCTAssertEqual(xml.message, "bad sig")
    XCTAssertEqual(
      KinesisErrorResponse.cleanType("ExpiredIteratorException:http://internal"), "ExpiredIteratorException")
  }

  func testCodesForTypesAndStatuses() {
    XCTAssertEqual(
      KinesisError.code(forType: "ProvisionedThroughputExceededException", status: 400), .throughputExceeded)
    XCTAssertEqual(KinesisError.code(forType: "ExpiredIteratorException", status: 400), .expiredIterator)
    XCTAssertEqual(KinesisError.code(forType: "UnrecognizedClientException", status: 400), .accessDenied)
    XCTAssertEqual(KinesisError.code(forType: "InvalidSignatureException", status: 400), .accessDenied)
    XCTAssertEqual(KinesisError.code(forType: "AccessDeniedException", status: 400), .accessDenied)
    XCTAssertEqual(KinesisError.code(forType: nil, status: 403), .accessDenied)
    XCTAssertEqual(KinesisError.code(forType: "InternalFailure", status: 500), .serviceUnavailable)
    XCTAssertEqual(KinesisError.code(forType: nil, status: 503), .serviceUnavailable)
    XCTAssertEqual(KinesisError.code(forType: "ResourceNotFoundException", status: 400), .resourceNotFound)
  }

  func testSequenceNumbersCompareAsBigIntegers() {
    XCTAssertEqual(SequenceNumber.compare("2", "10"), -1)
    XCTAssertEqual(SequenceNumber.compare("10", "10"), 0)
    XCTAssertEqual(SequenceNumber.compare("010", "9"), 1)
    let a = "49590338271490256608559692538361571095921575989136588898"
    let b = "49590338271490256608559692538361571095921575989136588899"
    XCTAssertEqual(SequenceNumber.compare(a, b), -1)
    XCTAssertEqual(SequenceNumber.compare(b, a), 1)
    XCTAssertEqual(SequenceNumber.compare("9", a), -1)
    XCTAssertTrue(SequenceNumber.isValid(a))
    XCTAssertTrue(SequenceNumber.isValid("0"))
    XCTAssertFalse(SequenceNumber.isValid("012"))
    XCTAssertFalse(SequenceNumber.isValid("12a"))
    XCTAssertFalse(SequenceNumber.isValid(""))
  }

  func testEndpointResolution() throws {
    XCTAssertEqual(KinesisEndpoint(region: "eu-west-1").url, "https://kinesis.eu-west-1.amazonaws.com")
    XCTAssertEqual(KinesisEndpoint(region: "cn-north-1").hostHeader, "kinesis.cn-north-1.amazonaws.com.cn")
    let local = try KinesisEndpoint(url: "http://127.0.0.1:4566")
    XCTAssertEqual(local.hostHeader, "127.0.0.1:4566")
    XCTAssertFalse(local.isTLS)
    XCTAssertEqual(try KinesisEndpoint(url: "https://example.com:443").hostHeader, "example.com")
    XCTAssertThrowsError(try KinesisEndpoint(url: "ftp://x"))
    XCTAssertEqual(StreamAddress.arn("arn:aws:kinesis:us-east-1:123:stream/pin").streamName, "pin")
  }
}
