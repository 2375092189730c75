import XCTest

@testable import SluiceEmulator

final class SmokeTests: XCTestCase {
  func testPrint() {
    var e = PinterestEmulator(seed: 1)
    for _ in 0..<6 {
      let ev = e.nextEvent()
      print(String(decoding: ev.pin, as: UTF8.self))
      print(String(decoding: ev.geo, as: UTF8.self))
      print(String(decoding: ev.user, as: UTF8.self))
    }
    XCTAssertTrue(true)
  }
}
