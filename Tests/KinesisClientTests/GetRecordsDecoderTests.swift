import XCTest

@testable import KinesisClient

final class GetRecordsDecoderTests: XCTestCase {
  func testDecodesRecordsIntoContiguousBuffers() throws {
    let body = #"""
      {"Records":[
        {"SequenceNumber":"49590338271490256608559692538361571095921575989136588898","ApproximateArrivalTimestamp":1700000000.123,
         "Data":"eyJpbmRleCI6MX0=","PartitionKey":"k1","EncryptionType":"NONE"},
        {"Data":"aGk=","PartitionKey":"caf\u00e9","SequenceNumber":"2","ApproximateArrivalTimestamp":1.7E9}],
       "NextShardIterator":"AAAA\/BBB","MillisBehindLatest":1500}
      """#
    let result = try GetRecordsDecoder.decode(Array(body.utf8))
    XCTAssertEqual(result.records.count, 2)
    XCTAssertEqual(String(decoding: result.records.data(0), as: UTF8.self), #"{"index":1}"#)
    XCTAssertEqual(String(decoding: result.records.data(1), as: UTF8.self), "hi")
    XCTAssertEqual(result.records.partitionKey(0), "k1")
    XCTAssertEqual(result.records.partitionKey(1), "café")
    XCTAssertEqual(
      result.records.sequenceNumbers, ["49590338271490256608559692538361571095921575989136588898", "2"])
    XCTAssertEqual(result.records.arrivalTimestampsMs, [1_700_000_000_123, 1_700_000_000_000])
    XCTAssertEqual(result.nextShardIterator, "AAAA/BBB")
    XCTAssertEqual(result.millisBehindLatest, 1500)
    XCTAssertTrue(result.childShards.isEmpty)
  }

  func testClosedShardAnswerHasNoIteratorAndChildShards() throws {
    let body = #"""
      {"Records":[],"NextShardIterator":null,"MillisBehindLatest":0,
       "ChildShards":[{"ShardId":"shardId-000000000002","ParentShards":["shardId-000000000000"],
                       "HashKeyRange":{"StartingHashKey":"0","EndingHashKey":"17"}}]}
      """#
    let result = try GetRecordsDecoder.decode(Array(body.utf8))
    XCTAssertNil(result.nextShardIterator)
    XCTAssertEqual(result.childShards.map(\.shardID), ["shardId-000000000002"])
    XCTAssertEqual(result.childShards[0].parentShards, ["shardId-000000000000"])
    XCTAssertEqual(result.childShards[0].hashKeyRange?.endingHashKey, "17")
  }

  func testMalformedAnswersAreErrorsWithPositions() {
    for body in [
      #"{"Records":[{"Data":"!!!","SequenceNumber":"1"}]}"#, #"{"Records":[{"Data":"aGk="}]}"#,
      #"{"Records":["#,
    ] {
      XCTAssertThrowsError(try GetRecordsDecoder.decode(Array(body.utf8)), body) { error in
        XCTAssertEqual((error as? KinesisError)?.code, .malformedResponse)
      }
    }
  }

  func testBase64RoundTrip() {
    for text in ["", "a", "ab", "abc", "abcd", "{\"x\":\"é\"}"] {
      let encoded = Base64Decoder.encode(Array(text.utf8))
      var decoded: [UInt8] = []
      let bytes = Array(encoded.utf8)
      XCTAssertTrue(Base64Decoder.decode(bytes, 0..<bytes.count, into: &decoded))
      XCTAssertEqual(String(decoding: decoded, as: UTF8.self), text)
    }
    XCTAssertEqual(Base64Decoder.encode(Array("hi".utf8)), "aGk=")
  }
}
