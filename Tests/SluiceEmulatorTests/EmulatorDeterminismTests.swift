import SluiceCore
import XCTest

@testable import SluiceEmulator

final class EmulatorDeterminismTests: XCTestCase {
  func testSameSeedGivesIdenticalBytes() {
    var a = PinterestEmulator(seed: 9)
    var b = PinterestEmulator(seed: 9)
    for _ in 0..<2000 { XCTAssertEqual(a.nextEvent(), b.nextEvent()) }
    XCTAssertEqual(a.emitted, 2000)
  }

  func testDifferentSeedsGiveDifferentStreams() {
    var a = PinterestEmulator(seed: 1)
    var b = PinterestEmulator(seed: 2)
    let first = (0..<100).map { _ in a.nextEvent().index }
    let second = (0..<100).map { _ in b.nextEvent().index }
    XCTAssertNotEqual(first, second)
  }

  func testDatasetSeedChangesTheRows() {
    let a = PinterestDataset(datasetSeed: 100).event(row: 5)
    let b = PinterestDataset(datasetSeed: 101).event(row: 5)
    XCTAssertNotEqual(a.pin, b.pin)
    XCTAssertEqual(a, PinterestDataset(datasetSeed: 100).event(row: 5))
  }

  func testBufferAPIAppendsTheSameBytesAsTheConvenienceAPI() {
    var a = PinterestEmulator(seed: 3)
    var b = PinterestEmulator(seed: 3)
    var pin: [UInt8] = Array("prefix".utf8)
    var geo: [UInt8] = []
    var user: [UInt8] = []
    let index = a.next(pin: &pin, geo: &geo, user: &user)
    let event = b.nextEvent()
    XCTAssertEqual(index, event.index)
    XCTAssertEqual(pin, Array("prefix".utf8) + event.pin)
    XCTAssertEqual(geo, event.geo)
    XCTAssertEqual(user, event.user)
  }

  func testAnEventsThreeRecordsShareTheIndex() throws {
    for event in try parsedEvents(seed: 5, count: 500) {
      XCTAssertEqual(event.pin["index"]?.looseInt, Int64(event.index))
      XCTAssertEqual(event.geo["ind"]?.looseInt, Int64(event.index))
      XCTAssertEqual(event.user["ind"]?.looseInt, Int64(event.index))
      XCTAssertTrue((0..<11_000).contains(event.index))
    }
  }

  /// Sampling is with replacement: re-sent rows are byte-identical (spec §1.4), also in `.mixed`.
  func testDuplicatesAreByteIdentical() {
    var emulator = PinterestEmulator(seed: 11, rowCount: 40, variant: .mixed)
    var firstSeen: [Int: PinterestEvent] = [:]
    var duplicates = 0
    for _ in 0..<400 {
      let event = emulator.nextEvent()
      if let earlier = firstSeen[event.index] {
        XCTAssertEqual(earlier, event)
        duplicates += 1
      } else {
        firstSeen[event.index] = event
      }
    }
    XCTAssertGreaterThan(duplicates, 300)
    XCTAssertEqual(PinterestDataset(rowCount: 40).event(row: 7, variant: .mixed), firstSeen[7])
  }

  func testSamplingCoversTheWholeTable() {
    var emulator = PinterestEmulator(seed: 100)
    let indices = (0..<5000).map { _ in emulator.nextEvent().index }
    XCTAssertLessThan(indices.min()!, 50)
    XCTAssertGreaterThan(indices.max()!, 10_950)
    XCTAssertLessThan(Set(indices).count, 5000)  // with replacement: some rows repeat
  }

  func testTopicNames() {
    XCTAssertEqual(
      EventKind.allCases.map(\.defaultTopic), ["pinterest.pin", "pinterest.geo", "pinterest.user"])
    XCTAssertEqual(PinterestEmulator.pinTopic, "pinterest.pin")
    XCTAssertEqual(EventKind(rawValue: "geo"), .geo)
  }

  func testRawRecordsBatchesCarryTopicsAndOffsets() {
    var emulator = PinterestEmulator(seed: 4)
    var twin = PinterestEmulator(seed: 4)
    let (pins, geos, users) = emulator.rawRecords(count: 20, firstOffset: 100)
    XCTAssertEqual([pins.count, geos.count, users.count], [20, 20, 20])
    XCTAssertEqual(pins.topic(0), "pinterest.pin")
    XCTAssertEqual(users.topic(19), "pinterest.user")
    XCTAssertEqual(geos.offsets.first, 100)
    XCTAssertEqual(geos.offsets.last, 119)
    let first = twin.nextEvent()
    XCTAssertEqual(Array(pins.value(0)), first.pin)
    XCTAssertEqual(Array(geos.value(0)), first.geo)
  }
}
