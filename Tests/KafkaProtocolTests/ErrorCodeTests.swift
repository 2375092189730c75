import KafkaProtocol
import XCTest

final class ErrorCodeTests: XCTestCase {
  func testKnownCodesHaveNamesAndRetriableFlags() {
    XCTAssertEqual(KafkaErrorCode(6).name, "NOT_LEADER_OR_FOLLOWER")
    XCTAssertTrue(KafkaErrorCode.notLeaderOrFollower.isRetriable)
    XCTAssertTrue(KafkaErrorCode.unknownTopicOrPartition.isRetriable)
    XCTAssertFalse(KafkaErrorCode.offsetOutOfRange.isRetriable)
    XCTAssertFalse(KafkaErrorCode.saslAuthenticationFailed.isRetriable)
    XCTAssertFalse(KafkaErrorCode.topicAuthorizationFailed.isRetriable)
    XCTAssertEqual(KafkaErrorCode(-1).name, "UNKNOWN_SERVER_ERROR")
    XCTAssertEqual(KafkaErrorCode(0).name, "NONE")
    XCTAssertFalse(KafkaErrorCode.none.isError)
    XCTAssertEqual(KafkaErrorCode(128).name, "INVALID_REGULAR_EXPRESSION")
    XCTAssertEqual(KafkaErrorCode.fencedLeaderEpoch.description, "FENCED_LEADER_EPOCH (74)")
  }

  func testUnknownCodesKeepTheirNumber() {
    for raw: Int16 in [99, 129, 4242, -2, .min] {
      let code = KafkaErrorCode(raw)
      XCTAssertEqual(code.name, "UNKNOWN_ERROR_\(raw)")
      XCTAssertFalse(code.isKnown)
      XCTAssertFalse(code.isRetriable)
      XCTAssertEqual(code.rawValue, raw)
      XCTAssertNil(code.explanation)
    }
  }

  func testCommonCodesExplainWhatToDo() {
    let explained: [KafkaErrorCode] = [
      .unknownTopicOrPartition, .notLeaderOrFollower, .offsetOutOfRange, .saslAuthenticationFailed,
      .topicAuthorizationFailed, .leaderNotAvailable, .unsupportedVersion, .groupAuthorizationFailed,
    ]
    for code in explained { XCTAssertNotNil(code.explanation, code.name) }
    XCTAssertTrue(KafkaErrorCode.saslAuthenticationFailed.explanation?.contains("password") ?? false)
    XCTAssertTrue(KafkaErrorCode.offsetOutOfRange.explanation?.contains("retention") ?? false)
  }

  func testUnknownErrorCodeInAResponseDecodes() throws {
    var writer = KafkaWriter()
    writer.writeInt32(1)  // correlation id
    writer.writeInt32(0)  // throttle
    writer.writeArray(["t"]) { w, name in
      w.writeString(name)
      w.writeArray([Int32(0)]) { w, p in
        w.writeInt32(p)
        w.writeInt16(4242)
      }
    }
    let (_, response) = try OffsetCommitRequest.decodeResponseFrame(writer.bytes, version: 3)
    XCTAssertEqual(response.topics.first?.partitions.first?.errorCode.name, "UNKNOWN_ERROR_4242")
  }
}
