import XCTest

@testable import SluiceRuntime

final class TriggerTests: XCTestCase {
  func testParsing() throws {
    let cases: [(String, Trigger)] = [
      ("once", .once),
      ("Once", .once),
      ("availableNow", .availableNow),
      ("available-now", .availableNow),
      ("processingTime", .processingTime(.seconds(1))),
      ("processingTime:5s", .processingTime(.seconds(5))),
      ("processingtime=250ms", .processingTime(.milliseconds(250))),
      ("5s", .processingTime(.seconds(5))),
      ("500ms", .processingTime(.milliseconds(500))),
      ("1.5s", .processingTime(.milliseconds(1500))),
      ("2m", .processingTime(.seconds(120))),
      ("1h", .processingTime(.seconds(3600))),
      (" 10 seconds ", .processingTime(.seconds(10))),
      ("0s", .processingTime(.zero)),
    ]
    for (text, expected) in cases {
      XCTAssertEqual(try Trigger(parsing: text), expected, text)
    }
  }

  func testInvalidTriggers() {
    for text in ["", "sometimes", "5", "5 parsecs", "-1s", "processingTime:x", "1e3s"] {
      XCTAssertThrowsError(try Trigger(parsing: text), text) { error in
        let error = error as! RuntimeError
        XCTAssertEqual(error.code, .invalidTrigger)
        XCTAssertTrue(
          error.message.contains("'\(text)' is not a trigger; use once, availableNow"), error.message)
      }
    }
  }

  func testDescriptionRoundTrips() throws {
    for trigger in [
      Trigger.once, .availableNow, .processingTime(.seconds(5)), .processingTime(.milliseconds(1500)),
    ] {
      XCTAssertEqual(try Trigger(parsing: trigger.description), trigger)
    }
    XCTAssertEqual(Trigger.default, .processingTime(.seconds(1)))
  }

  func testOnErrorPolicyParsing() throws {
    XCTAssertEqual(try OnErrorPolicy(parsing: "Skip"), .skip)
    XCTAssertEqual(try OnErrorPolicy(parsing: "fail"), .fail)
    XCTAssertEqual(try OnErrorPolicy(parsing: "deadletter"), .deadLetter)
    XCTAssertThrowsError(try OnErrorPolicy(parsing: "ignore")) { error in
      XCTAssertEqual(
        (error as? RuntimeError)?.message, "onError 'ignore' is not valid; use fail, skip or deadLetter")
    }
  }

  func testOptionsValidation() {
    XCTAssertNoThrow(try QueryOptions(name: "q").validate())
    XCTAssertEqual(QueryOptions(name: "q").readLimit.maxRecords, 100_000)
    XCTAssertThrowsError(try QueryOptions(name: "q", readLimit: .init(maxRecords: 0)).validate()) { error in
      XCTAssertEqual((error as? RuntimeError)?.code, .invalidOption)
    }
  }
}
