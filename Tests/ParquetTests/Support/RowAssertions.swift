import SluiceCore
import XCTest

/// Compares row lists and reports the first differing row instead of dumping both lists.
func assertRowsEqual(
  _ actual: [[Value]], _ expected: [[Value]], _ message: String = "", file: StaticString = #filePath,
  line: UInt = #line
) {
  guard actual.count == expected.count else {
    XCTFail("\(message) row count \(actual.count) != expected \(expected.count)", file: file, line: line)
    return
  }
  for (index, (got, want)) in zip(actual, expected).enumerated() where got != want {
    XCTFail("\(message) row \(index): got \(got), expected \(want)", file: file, line: line)
    return
  }
}
