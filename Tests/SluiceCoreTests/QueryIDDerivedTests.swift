import XCTest

@testable import SluiceCore

final class QueryIDDerivedTests: XCTestCase {
  func testDerivedIDsAreStableDistinctUUIDs() throws {
    let query = try QueryID("6f1c2a34-9b7e-4c1d-8e2f-0a1b2c3d4e5f")
    let deadLetters = query.derived("deadletter")
    XCTAssertEqual(deadLetters, query.derived("deadletter"), "same query and purpose, same id")
    XCTAssertNotEqual(deadLetters, query.derived("replay"))
    XCTAssertNotEqual(deadLetters, query)
    XCTAssertNotEqual(deadLetters, QueryID.random().derived("deadletter"))
    XCTAssertEqual(try QueryID(deadLetters.rawValue), deadLetters, "a valid 8-4-4-4-12 UUID")
    XCTAssertEqual(Array(deadLetters.rawValue)[14], "8", "version 8 (custom)")
  }
}
