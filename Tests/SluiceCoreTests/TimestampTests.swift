import XCTest

@testable import SluiceCore

final class TimestampTests: XCTestCase {
  func testBothProducerSpellingsParseToTheSameInstant() {
    let space = Timestamp.parseMicros("2020-08-28 03:52:47")
    let iso = Timestamp.parseMicros("2020-08-28T03:52:47")
    XCTAssertEqual(space, 1_598_586_767_000_000)
    XCTAssertEqual(space, iso)
    XCTAssertEqual(Timestamp.parseMicros("2020-08-28T03:52:47Z"), space)
    XCTAssertEqual(Timestamp.parseMicros("2020-08-28T05:52:47+02:00"), space)
    XCTAssertEqual(Timestamp.parseMicros("2020-08-28T03:52:47.5"), space.map { $0 + 500_000 })
  }

  func testRejectsInvalidTimestamps() {
    for text in ["2020-13-01", "2020-02-30 00:00:00", "2020/08/28 03:52:47", "2020-08-28 25:00:00", "", "x"] {
      XCTAssertNil(Timestamp.parseMicros(text), text)
    }
  }

  func testFormattingRoundTrips() {
    XCTAssertEqual(Timestamp.isoString(micros: 1_598_586_767_000_000), "2020-08-28T03:52:47")
    XCTAssertEqual(Timestamp.isoString(micros: -1), "1969-12-31T23:59:59.999999")
    XCTAssertEqual(Timestamp.isoDateString(days: 0), "1970-01-01")
    for days in [-800_000, -1, 0, 1, 18_000, 2_932_896] {
      let (y, m, d) = Timestamp.civilFromDays(days)
      XCTAssertEqual(Timestamp.daysFromCivil(year: y, month: m, day: d), days)
    }
  }
}
