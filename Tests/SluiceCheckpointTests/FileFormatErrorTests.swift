import SluiceCore
import XCTest

@testable import SluiceCheckpoint

final class FileFormatErrorTests: XCTestCase {
  func offsetsError(_ text: String) -> CheckpointError? {
    do {
      _ = try OffsetSeq.parse(Array(text.utf8), file: "/c/offsets/7")
      return nil
    } catch {
      return error
    }
  }

  func testEmptyFile() throws {
    let error = try XCTUnwrap(offsetsError(""))
    XCTAssertEqual(error.code, .emptyFile)
    XCTAssertEqual(error.message, "checkpoint file /c/offsets/7 is empty (0 bytes)")
  }

  func testUnknownVersion() throws {
    let error = try XCTUnwrap(offsetsError("v2\n{}\n{}"))
    XCTAssertEqual(error.code, .unsupportedVersion)
    XCTAssertTrue(error.message.contains("v2 is newer than this Sluice understands"), error.message)
    XCTAssertTrue(error.message.contains("/c/offsets/7"))
    XCTAssertThrowsError(try CommitEntry.parse(Array("v3\n{}".utf8), file: "commits/1")) { error in
      XCTAssertEqual((error as? CheckpointError)?.code, .unsupportedVersion)
    }
  }

  func testMissingOrBrokenVersionLine() throws {
    for text in ["{\"batchWatermarkMs\":0}\n{}", "v\n{}", "v0\n{}\n{}", "version1\n{}"] {
      let error = try XCTUnwrap(offsetsError(text), text)
      XCTAssertEqual(error.code, .corruptFile, text)
      XCTAssertTrue(error.message.hasPrefix("checkpoint file /c/offsets/7"), error.message)
    }
  }

  func testTruncations() throws {
    let cases: [(String, String)] = [
      ("v1", "ends after the version line"),
      ("v1\n", "ends after the version line"),
      ("v1\n{\"batchWatermarkMs\":0,\"batchTi", "ends inside line 2 (batch metadata)"),
      ("v1\n{\"batchWatermarkMs\":0,\"batchTimestampMs\":1,\"conf\":{}}", "source offset lines are missing"),
      (
        "v1\n{\"batchWatermarkMs\":0,\"batchTimestampMs\":1,\"conf\":{}}\n{\"t\":{\"0\":1",
        "ends inside line 3"
      ),
    ]
    for (text, expected) in cases {
      let error = try XCTUnwrap(offsetsError(text), text)
      XCTAssertEqual(error.code, .truncatedFile, text)
      XCTAssertTrue(error.message.contains("checkpoint file /c/offsets/7 is truncated"), error.message)
      XCTAssertTrue(error.message.contains(expected), "\(error.message) lacks \(expected)")
    }
  }

  func testCorruptMiddleLineIsNotCalledTruncated() throws {
    let error = try XCTUnwrap(offsetsError("v1\n{oops}\n{\"t\":{\"0\":1}}"))
    XCTAssertEqual(error.code, .corruptFile)
    XCTAssertTrue(error.message.contains("line 2 (batch metadata) is not valid JSON"), error.message)
    let empty = try XCTUnwrap(offsetsError("v1\n{}\n\n{\"t\":{}}"))
    XCTAssertEqual(empty.code, .corruptFile)
    XCTAssertTrue(empty.message.contains("line 3 is empty"), empty.message)
    let badType = try XCTUnwrap(offsetsError("v1\n{\"batchTimestampMs\":\"x\"}\n-"))
    XCTAssertEqual(badType.code, .corruptFile)
    XCTAssertTrue(badType.message.contains("'batchTimestampMs'"), badType.message)
  }

  func testCorruptMetadataFile() throws {
    let cases: [(String, CheckpointError.Code)] = [
      ("", .emptyFile), ("{\"id\":", .corruptFile), ("{\"id\":\"nope\"}", .corruptFile),
    ]
    for (text, code) in cases {
      XCTAssertThrowsError(try CheckpointMetadata.parse(Array(text.utf8), file: "/c/metadata"), text) {
        error in
        let error = error as! CheckpointError
        XCTAssertEqual(error.code, code, text)
        XCTAssertTrue(error.message.contains("/c/metadata"))
        XCTAssertNotNil(error.advice)
      }
    }
  }

  func testDamagedInitialOffset() {
    XCTAssertThrowsError(try InitialOffsetFile.parse([0x00], file: "/c/sources/0/0")) { error in
      XCTAssertEqual((error as! CheckpointError).code, .emptyFile)
    }
    XCTAssertThrowsError(try InitialOffsetFile.parse([0x00] + Array("v1\n{\"t\":".utf8), file: "s")) {
      error in
      XCTAssertEqual((error as! CheckpointError).code, .truncatedFile)
    }
  }
}
