import XCTest

@testable import SluiceGateway

final class RequestParsingTests: XCTestCase {
  private func text(_ records: IncomingRecords, _ range: Range<Int>?) -> String? {
    range.map { String(decoding: records.bytes[$0], as: UTF8.self) }
  }

  func testKafkaJSONRecordsKeepTheValueBytesAsSent() throws {
    let body = Array(
      #"{"value_schema":"x","records":[{"value":{"index": 7528, "t":"é"}},{"key":"k1","value":[1,2],"partition":1},{"value":null,"key":null}]}"#
        .utf8)
    let request = try KafkaProduceRequest(body: body, format: .json, maxRecordBytes: 1000)
    let records = request.records
    XCTAssertEqual(records.count, 3)
    XCTAssertEqual(text(records, records.values[0]), #"{"index": 7528, "t":"é"}"#)
    XCTAssertNil(records.keys[0])
    XCTAssertNil(records.partitions[0])
    XCTAssertEqual(
      text(records, records.keys[1]), "\"k1\"", "a JSON key is stored as its JSON text, as the proxy does")
    XCTAssertEqual(records.partitions[1], 1)
    XCTAssertEqual(text(records, records.values[2]), "null")
  }

  func testKafkaBinaryRecordsAreBase64Decoded() throws {
    let body = Array(#"{"records":[{"key":"a2V5","value":"aGVsbG8="}]}"#.utf8)
    let records = try KafkaProduceRequest(body: body, format: .binary, maxRecordBytes: 1000).records
    XCTAssertEqual(text(records, records.keys[0]), "key")
    XCTAssertEqual(text(records, records.values[0]), "hello")
  }

  func testKafkaRejectsBadBodies() {
    let cases: [(String, GatewayError.Code)] = [
      (#"{"records":[]}"#, .invalidRequest),
      (#"{"values":[{"value":1}]}"#, .invalidRequest),
      (#"{"records":{"value":1}}"#, .invalidRequest),
      (#"{"records":[1]}"#, .invalidRequest),
      (#"{"records":[{"value":1,"partition":-1}]}"#, .invalidArgument),
      (#"{"records":[{"value":1,"partition":"0"}]}"#, .invalidRequest),
      (#"{"records":[{"value":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}]}"#, .recordTooLarge),
      (#"{"records":[{"value":{"a":1}]}"#, .malformedJSON),
      (#"[]"#, .invalidRequest),
    ]
    for (body, code) in cases {
      XCTAssertThrowsError(
        try KafkaProduceRequest(body: Array(body.utf8), format: .json, maxRecordBytes: 20), body
      ) {
        XCTAssertEqual(($0 as? GatewayError)?.code, code, "\(body): \($0)")
      }
    }
  }

  func testAPIGatewayRecordStoresTheDataObjectAsItsJSON() throws {
    let body = Array(
      #"{"StreamName": "streaming-x-pin", "Data": {"index": 1, "title": "a\"b"}, "PartitionKey": "partition-1"}"#
        .utf8)
    let request = try KinesisPutRequest(body: body, shape: .apiGateway, batch: false, maxRecordBytes: 1000)
    XCTAssertEqual(request.streamName, "streaming-x-pin")
    XCTAssertEqual(text(request.records, request.records.values[0]), #"{"index": 1, "title": "a\"b"}"#)
    XCTAssertEqual(text(request.records, request.records.keys[0]), "partition-1")
  }

  func testAPIGatewayRecordsAcceptTheTemplateAndTheSDKSpelling() throws {
    let template = Array(
      #"{"records":[{"data":{"a":1},"partition-key":"p"},{"data":"plain text","partition-key":"q"}]}"#.utf8)
    let a = try KinesisPutRequest(body: template, shape: .apiGateway, batch: true, maxRecordBytes: 1000)
    XCTAssertEqual(a.records.count, 2)
    XCTAssertEqual(text(a.records, a.records.values[0]), #"{"a":1}"#)
    XCTAssertEqual(text(a.records, a.records.values[1]), "plain text", "a string is stored as its characters")
    let sdk = Array(#"{"StreamName":"s","Records":[{"Data":{"b":2},"PartitionKey":"k"}]}"#.utf8)
    let b = try KinesisPutRequest(body: sdk, shape: .apiGateway, batch: true, maxRecordBytes: 1000)
    XCTAssertEqual(text(b.records, b.records.values[0]), #"{"b":2}"#)
    XCTAssertEqual(text(b.records, b.records.keys[0]), "k")
  }

  func testNativePutDecodesBase64AndReadsTheARN() throws {
    let body = Array(
      #"{"StreamARN":"arn:aws:kinesis:us-east-1:000000000000:stream/orders","Data":"eyJhIjoxfQ==","PartitionKey":"k","ExplicitHashKey":"5"}"#
        .utf8)
    let request = try KinesisPutRequest(body: body, shape: .native, batch: false, maxRecordBytes: 1000)
    XCTAssertEqual(request.streamName, "orders")
    XCTAssertEqual(text(request.records, request.records.values[0]), #"{"a":1}"#)
    XCTAssertEqual(request.explicitHashKeys, [5])
  }

  func testKinesisRejectsBadRecords() {
    let cases: [(String, KinesisPutRequest.Shape, Bool, GatewayError.Code)] = [
      (#"{"Data":{"a":1}}"#, .apiGateway, false, .invalidRequest),
      (#"{"PartitionKey":"k"}"#, .apiGateway, false, .invalidRequest),
      (#"{"Data":null,"PartitionKey":"k"}"#, .apiGateway, false, .invalidRequest),
      (#"{"Data":{"a":1},"PartitionKey":""}"#, .apiGateway, false, .invalidRequest),
      (#"{"Data":"not base64!","PartitionKey":"k"}"#, .native, false, .malformedJSON),
      (#"{"Data":{"a":1},"PartitionKey":"k"}"#, .native, false, .invalidRequest),
      (
        #"{"Data":"\#(String(repeating: "x", count: 40))","PartitionKey":"k"}"#, .apiGateway, false,
        .recordTooLarge
      ),
      (#"{"Records":[]}"#, .native, true, .invalidRequest),
      (#"{"StreamName":"s"}"#, .native, true, .invalidRequest),
      (#"{"Records":[{"Data":"YQ==","PartitionKey":"k"},{"Data":"YQ=="}]}"#, .native, true, .invalidRequest),
      (#"{"Data": {"a":1}, "PartitionKey": "k""#, .apiGateway, false, .malformedJSON),
    ]
    for (body, shape, batch, code) in cases {
      XCTAssertThrowsError(
        try KinesisPutRequest(body: Array(body.utf8), shape: shape, batch: batch, maxRecordBytes: 32), body
      ) { XCTAssertEqual(($0 as? GatewayError)?.code, code, "\(body): \($0)") }
    }
    let tooMany =
      "{\"Records\":["
      + Array(repeating: #"{"Data":"YQ==","PartitionKey":"k"}"#, count: 501).joined(separator: ",") + "]}"
    XCTAssertThrowsError(
      try KinesisPutRequest(body: Array(tooMany.utf8), shape: .native, batch: true, maxRecordBytes: 32)
    ) {
      XCTAssertEqual(($0 as? GatewayError)?.code, .invalidArgument)
    }
  }
}
