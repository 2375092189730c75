import SluiceCore
import SluiceKinesis
import XCTest

final class KinesisOffsetTests: XCTestCase {
  func testJSONRoundTripAndCanonicalForm() throws {
    let long = "49590338271490256608559692538361571095921575989136588898"
    let offset = KinesisOffset(
      stream: "pin",
      shards: [
        "shardId-000000000000": ShardState(position: .after(long), closed: true),
        "shardId-000000000001": ShardState(position: .after("17")),
        "shardId-000000000002": ShardState(position: .trimHorizon, parents: ["shardId-000000000000"]),
        "shardId-000000000003": ShardState(position: .atTimestamp(1_700_000_000_000)),
        "shardId-000000000004": ShardState(position: .at("5")),
        "shardId-000000000005": ShardState(position: .latest),
      ])
    let text = offset.serialized.text
    XCTAssertEqual(
      text,
      #"{"shards":{"shardId-000000000000":{"closed":true,"seq":"\#(long)"},"shardId-000000000001":{"seq":"17"},"#
        + #""shardId-000000000002":{"parents":["shardId-000000000000"],"start":"TRIM_HORIZON"},"#
        + #""shardId-000000000003":{"start":"AT_TIMESTAMP","timestamp":1700000000000},"#
        + #""shardId-000000000004":{"at":"5","start":"AT_SEQUENCE_NUMBER"},"shardId-000000000005":{"start":"LATEST"}},"#
        + #""stream":"pin"}"#)
    XCTAssertEqual(try KinesisOffset(offset.serialized), offset)
  }

  func testReadableShardsWaitForParents() {
    var offset = KinesisOffset(
      stream: "s",
      shards: [
        "shardId-000000000000": ShardState(position: .after("3")),
        "shardId-000000000001": ShardState(position: .after("4")),
        "shardId-000000000002": ShardState(position: .trimHorizon, parents: ["shardId-000000000000"]),
        "shardId-000000000003": ShardState(
          position: .trimHorizon, parents: ["shardId-000000000000", "shardId-000000000001"]),
        "shardId-000000000009": ShardState(position: .trimHorizon, parents: ["shardId-000000000007"]),
      ])
    XCTAssertEqual(
      offset.readableShards, ["shardId-000000000000", "shardId-000000000001", "shardId-000000000009"])
    offset.shards["shardId-000000000000"]?.closed = true
    XCTAssertEqual(
      offset.readableShards, ["shardId-000000000001", "shardId-000000000002", "shardId-000000000009"])
    offset.shards["shardId-000000000001"]?.closed = true
    XCTAssertEqual(
      offset.readableShards, ["shardId-000000000002", "shardId-000000000003", "shardId-000000000009"])
  }

  func testMalformedOffsetsAreRejected() {
    for text in [
      #"{"pinterest.pin":{"0":3}}"#, #"{"stream":"s","shards":{"a":{"seq":"01"}}}"#,
      #"{"stream":"s","shards":{"a":{"start":"SOMEWHERE"}}}"#,
      #"{"stream":"s","shards":{"a":{"start":"AT_TIMESTAMP"}}}"#,
    ] {
      XCTAssertThrowsError(try KinesisOffset(SerializedOffset(text: text)), text) { error in
        XCTAssertEqual((error as? KinesisSourceError)?.code, .invalidOffset, text)
      }
    }
  }
}
