import SluiceCore
import XCTest

@testable import SluiceTransforms

/// The cleaners must sustain at least one million rows per second on one core in release builds
/// (`swift test -c release -Xswiftc -enable-testing --filter CleanerThroughputTests`). Debug
/// builds skip the check: unoptimised code says nothing about the shipped speed.
final class CleanerThroughputTests: XCTestCase {
  static let minimumRowsPerSecond = 1_000_000.0

  /// The ten sample rows repeated 2^15 times (327,680 rows), built by doubling.
  func repeated(_ batch: RecordBatch) throws -> RecordBatch {
    var result = batch
    for _ in 0..<15 { try result.append(contentsOf: result) }
    return result
  }

  func rowsPerSecond(_ cleaner: any Transform, _ input: RecordBatch) throws -> Double {
    var best = Double.infinity
    for _ in 0..<3 {
      let start = ContinuousClock.now
      let out = try cleaner.apply(input)
      let elapsed = ContinuousClock.now - start
      XCTAssertEqual(out.count, input.count)
      let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
      best = min(best, seconds)
    }
    return Double(input.count) / best
  }

  func check(_ cleaner: any Transform, _ raw: RecordBatch) throws {
    #if DEBUG
      throw XCTSkip("throughput is only meaningful in release builds")
    #else
      let input = try repeated(raw)
      let rate = try rowsPerSecond(cleaner, input)
      print("\(cleaner.name): \(Int(rate)) rows/s over \(input.count) rows")
      XCTAssertGreaterThanOrEqual(rate, Self.minimumRowsPerSecond, cleaner.name)
    #endif
  }

  func testPinCleaner() throws { try check(PinCleaner(), try PinterestSamples.rawPinBatch()) }
  func testGeoCleaner() throws { try check(GeoCleaner(), try PinterestSamples.rawGeoBatch()) }
  func testGeoCleanerFromText() throws {
    try check(GeoCleaner(), try PinterestSamples.rawGeoBatch(asText: true))
  }
  func testUserCleaner() throws { try check(UserCleaner(), try PinterestSamples.rawUserBatch()) }
}
