import XCTest

@testable import SluiceCompression

final class CompressionErrorTests: XCTestCase {
  func testDescriptionNamesFormatAndByte() {
    let error = CompressionError(.corrupt, format: "lz4 frame", at: 7, "bad magic")
    XCTAssertEqual(error.description, "lz4 frame input is corrupt at byte 7: bad magic")
  }
}
