import SluiceCore
import XCTest

@testable import SluiceJSON

final class JSONLinesTests: XCTestCase {
  func testSplitsLinesSkippingBlanksAndCarriageReturns() {
    let text = "\u{FEFF}{\"a\": 1}\r\n\n   \n{\"a\": 2}\n\t\r\n{\"a\": 3}"
    let records = JSONLines.split(Array(text.utf8), topic: "pinterest.pin", partition: 2, firstOffset: 10)
    XCTAssertEqual(records.count, 3)
    XCTAssertEqual(
      (0..<3).map { String(decoding: records.value($0), as: UTF8.self) },
      [
        #"{"a": 1}"#, #"{"a": 2}"#, #"{"a": 3}"#,
      ])
    XCTAssertEqual(records.offsets, [10, 11, 12])
    XCTAssertEqual(records.partitions, [2, 2, 2])
    XCTAssertEqual(records.positionDescription(1), "topic pinterest.pin partition 2 offset 11")
    XCTAssertEqual(JSONLines.lines(in: Array(text.utf8)).map(\.number), [1, 4, 6])
  }

  func testTrailingNewlineAndEmptyInput() {
    XCTAssertEqual(JSONLines.split(Array("{}\n".utf8), topic: "t").count, 1)
    XCTAssertEqual(JSONLines.split([], topic: "t").count, 0)
    XCTAssertEqual(JSONLines.split(Array("\n\r\n".utf8), topic: "t").count, 0)
  }

  func testSplitRecordsDecode() {
    let text = "{\"a\": 1}\n{\"a\": \"x\"}\n{\"a\": 3}\n"
    let records = JSONLines.split(Array(text.utf8), topic: "t")
    let result = JSONRecordDecoder(schema: Schema([Field("a", .int64)])).decode(records)
    XCTAssertEqual(result.batch.columns[0].int64Values, [1, 3])
    XCTAssertEqual(result.rejected.map(\.position), ["topic t partition 0 offset 1"])
  }
}
