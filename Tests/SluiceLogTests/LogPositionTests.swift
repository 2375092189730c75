import SluiceCore
import XCTest

@testable import SluiceLog

final class LogPositionTests: XCTestCase {
  func testCanonicalJSONRoundTrip() throws {
    var position = LogPosition()
    position["pinterest.pin", 1] = 98
    position["pinterest.pin", 0] = 123
    position["pinterest.geo", 10] = 5
    position["pinterest.geo", 2] = 0
    let text = position.serialized.text
    XCTAssertEqual(text, #"{"pinterest.geo":{"10":5,"2":0},"pinterest.pin":{"0":123,"1":98}}"#)
    XCTAssertEqual(try LogPosition(position.serialized), position)
    XCTAssertEqual(
      try LogPosition(
        text: " { \"pinterest.pin\" : {\"1\":98, \"0\":123}, \"pinterest.geo\":{\"2\":0,\"10\":5} } "),
      position)
    XCTAssertEqual(position.topics, ["pinterest.geo", "pinterest.pin"])
    XCTAssertEqual(position.partitions(of: "pinterest.geo"), [2, 10])
    XCTAssertEqual(LogPosition().serialized.text, "{}")
    XCTAssertEqual(try LogPosition(text: "{}"), LogPosition())
  }

  func testSentinelsAreAccepted() throws {
    let position = try LogPosition(text: #"{"t":{"0":-2,"1":-1,"2":7}}"#)
    XCTAssertEqual(position["t", 0], LogPosition.earliestSentinel)
    XCTAssertEqual(position["t", 1], LogPosition.latestSentinel)
    XCTAssertEqual(position["t", 2], 7)
  }

  func testMalformedDocumentsGetPreciseErrors() {
    let cases: [(String, [String])] = [
      ("[1]", ["must be a JSON object", "got [1]"]),
      ("{\"t\":5}", ["topic t must map to an object", "got 5"]),
      ("{\"t\":{\"x\":1}}", ["\"x\" under topic t is not a partition number"]),
      ("{\"t\":{\"01\":1}}", ["\"01\" under topic t is not a partition number"]),
      ("{\"t\":{\"-1\":1}}", ["\"-1\" under topic t"]),
      ("{\"t\":{\"4294967296\":1}}", ["not a partition number"]),
      ("{\"t\":{\"0\":\"12\"}}", ["offset of topic t partition 0 must be an integer", "got \"12\""]),
      ("{\"t\":{\"0\":1.5}}", ["offset of topic t partition 0 must be an integer"]),
      ("{\"t\":{\"3\":-3}}", ["topic t partition 3 is -3", "-2 for earliest"]),
      ("{\"t\":{\"0\":1,\"0\":2}}", ["topic t partition 0 appears twice"]),
      ("{\"t\":{},\"t\":{}}", ["topic t appears twice"]),
      ("{\"bad topic\":{}}", ["topic name \"bad topic\""]),
      ("{\"t\":{\"0\":1}", ["not valid JSON"]),
    ]
    for (text, fragments) in cases {
      assertLogError(.invalidPosition, fragments) { try LogPosition(text: text) }
    }
  }
}

final class FairShareTests: XCTestCase {
  func testEverythingFits() {
    XCTAssertEqual(FairShare.split(100, among: [10, 0, 30]), [10, 0, 30])
    XCTAssertEqual(FairShare.split(40, among: [10, 0, 30]), [10, 0, 30])
  }

  func testProportionalWithAtLeastOneEachAndExactTotal() {
    let shares = FairShare.split(100, among: [1000, 10, 0, 5000, 1])
    XCTAssertEqual(shares.reduce(0, +), 100)
    XCTAssertEqual(shares[2], 0)
    XCTAssertEqual(shares[4], 1)
    XCTAssertGreaterThanOrEqual(shares[1], 1)
    XCTAssertGreaterThan(shares[3], shares[0])
    XCTAssertEqual(shares, [17, 1, 0, 81, 1])
    XCTAssertEqual(FairShare.split(3, among: [5, 5, 5]), [1, 1, 1])
    XCTAssertEqual(FairShare.split(7, among: [5, 5, 5]), [3, 2, 2])
  }

  func testNeverMoreThanAvailableAndDeterministic() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<200 {
      let available = (0..<Int.random(in: 1...8, using: &generator)).map { _ in
        Int64.random(in: 0...50, using: &generator)
      }
      let budget = Int64.random(in: 0...120, using: &generator)
      let shares = FairShare.split(budget, among: available)
      XCTAssertEqual(shares, FairShare.split(budget, among: available))
      XCTAssertEqual(shares.reduce(0, +), min(budget, available.reduce(0, +)), "\(budget) \(available)")
      for (share, have) in zip(shares, available) {
        XCTAssertLessThanOrEqual(share, have)
        XCTAssertGreaterThanOrEqual(share, 0)
      }
      let holders = available.filter { $0 > 0 }.count
      if budget >= Int64(holders) {
        for (share, have) in zip(shares, available) where have > 0 { XCTAssertGreaterThanOrEqual(share, 1) }
      }
    }
  }

  func testSmallBudgetGoesToTheFullestPartitions() {
    XCTAssertEqual(FairShare.split(2, among: [3, 9, 0, 9, 4]), [0, 1, 0, 1, 0])
    XCTAssertEqual(FairShare.split(0, among: [3, 9]), [0, 0])
  }

  func testHugeNumbersDoNotOverflow() {
    let shares = FairShare.split(Int64.max / 2, among: [Int64.max / 3, Int64.max / 3])
    XCTAssertEqual(shares.reduce(0, +), Int64.max / 2)
  }
}
