import XCTest

@testable import SluiceEmulator

final class PlaceholderSmokeTests: XCTestCase {
  func testRuns() {
    var emulator = PinterestEmulator(seed: 1)
    XCTAssertGreaterThan(emulator.nextEvent().pin.count, 0)
  }
}
