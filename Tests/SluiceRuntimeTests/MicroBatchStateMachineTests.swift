import SluiceCore
import XCTest

@testable import SluiceRuntime

/// The loop as event → action tables, without any I/O.
final class MicroBatchStateMachineTests: XCTestCase {
  typealias Machine = MicroBatchStateMachine
  typealias Step = (event: Machine.Event, at: Duration, expect: Machine.Action?)

  static func o(_ n: Int64) -> SerializedOffset {
    SerializedOffset(json: .object([("mem", .object([("0", .int(n))]))]))
  }
  static func ms(_ n: Int64) -> Duration { .milliseconds(n) }
  static let outcome = Machine.BatchOutcome(inputRows: 5, outputRows: 4, rejectedRows: 1)

  /// The five steps of one batch after planning, ending with `sourceCommitted` → `next`.
  static func batch(
    _ id: BatchID, _ start: Int64, _ end: Int64, at t: Duration = .zero, then next: Machine.Action?
  )
    -> [Step]
  {
    [
      (.planned(end: o(end)), t, .writeOffsets(id, start: o(start), end: o(end))),
      (.offsetsWritten, t, .runBatch(id, start: o(start), end: o(end), isRerun: false)),
      (.batchProcessed(outcome), t, .writeCommit(id, end: o(end))),
      (.commitWritten, t, .commitSource(id, end: o(end))),
      (.sourceCommitted, t, next),
    ]
  }

  @discardableResult
  func play(_ trigger: Trigger, _ steps: [Step], file: StaticString = #filePath, line: UInt = #line)
    -> Machine
  {
    var machine = Machine(trigger: trigger)
    for (n, step) in steps.enumerated() {
      let action = machine.handle(step.event, now: step.at)
      XCTAssertEqual(action, step.expect, "step \(n): \(step.event)", file: file, line: line)
    }
    return machine
  }

  func testOnceRunsOneBatchThenFinishes() {
    let o = Self.o
    let machine = play(
      .once,
      [(.started(.plan(0, start: o(0))), .zero, .planBatch(0, start: o(0)))]
        + Self.batch(0, 0, 5, then: .finish(.onceCompleted)))
    XCTAssertEqual(machine.batchesCommitted, 1)
    XCTAssertEqual(machine.lastCommitted, 0)
    XCTAssertEqual(machine.totals, Self.outcome)
    XCTAssertEqual(machine.state, .finished(.onceCompleted))
  }

  func testOnceWithNothingNew() {
    let o = Self.o
    play(
      .once,
      [
        (.started(.plan(4, start: o(7))), .zero, .planBatch(4, start: o(7))),
        (.planned(end: o(7)), .zero, .finish(.noNewData)),
      ])
  }

  func testRecoveryReRunsTheUncommittedBatchWithItsRecordedRange() {
    let o = Self.o
    play(
      .processingTime(.seconds(1)),
      [
        (
          .started(.rerun(3, start: o(30), end: o(40))), .zero,
          .runBatch(3, start: o(30), end: o(40), isRerun: true)
        ),
        (.batchProcessed(Self.outcome), Self.ms(100), .writeCommit(3, end: o(40))),
        (.commitWritten, Self.ms(100), .commitSource(3, end: o(40))),
        (.sourceCommitted, Self.ms(100), .wait(until: .seconds(1))),
        (.timerFired, .seconds(1), .planBatch(4, start: o(40))),
      ])
  }

  func testOnceAfterRecoveryRunsOnlyThePendingBatch() {
    let o = Self.o
    play(
      .once,
      [
        (
          .started(.rerun(3, start: o(30), end: o(40))), .zero,
          .runBatch(3, start: o(30), end: o(40), isRerun: true)
        ),
        (.batchProcessed(Self.outcome), .zero, .writeCommit(3, end: o(40))),
        (.commitWritten, .zero, .commitSource(3, end: o(40))),
        (.sourceCommitted, .zero, .finish(.onceCompleted)),
      ])
  }

  func testProcessingTimeWaitsForTheNextTickAndWaitsWhenNothingIsNew() {
    let o = Self.o
    let ms = Self.ms
    play(
      .processingTime(.seconds(1)),
      [(.started(.plan(0, start: o(0))), .zero, .planBatch(0, start: o(0)))]
        + Self.batch(0, 0, 5, at: ms(300), then: .wait(until: .seconds(1)))
        + [
          (.timerFired, .seconds(1), .planBatch(1, start: o(5))),
          (.planned(end: o(5)), ms(1020), .wait(until: .seconds(2))),
          (.timerFired, .seconds(2), .planBatch(1, start: o(5))),
        ])
  }

  func testProcessingTimeStartsImmediatelyAfterASlowBatch() {
    let o = Self.o
    play(
      .processingTime(.seconds(1)),
      [(.started(.plan(0, start: o(0))), .zero, .planBatch(0, start: o(0)))]
        + Self.batch(0, 0, 5, at: Self.ms(1500), then: .planBatch(1, start: o(5)))
        // The next tick counts from the new start (1.5 s).
        + Self.batch(1, 5, 6, at: Self.ms(1600), then: .wait(until: Self.ms(2500))))
  }

  func testZeroIntervalDoesNotSpinWhenIdle() {
    let o = Self.o
    play(
      .processingTime(.zero),
      [
        (.started(.plan(0, start: o(0))), .seconds(5), .planBatch(0, start: o(0))),
        (.planned(end: o(0)), .seconds(5), .wait(until: .seconds(5) + Machine.minimumIdleWait)),
      ])
  }

  func testStopRequestedMidBatchTakesEffectBetweenBatches() {
    let o = Self.o
    var machine = Machine(trigger: .processingTime(.seconds(1)))
    XCTAssertEqual(machine.handle(.started(.plan(0, start: o(0))), now: .zero), .planBatch(0, start: o(0)))
    XCTAssertEqual(machine.handle(.planned(end: o(5)), now: .zero), .writeOffsets(0, start: o(0), end: o(5)))
    XCTAssertEqual(
      machine.handle(.offsetsWritten, now: .zero), .runBatch(0, start: o(0), end: o(5), isRerun: false))
    XCTAssertNil(machine.handle(.stopRequested, now: .zero), "a batch in flight is not interrupted")
    XCTAssertTrue(machine.stopRequested)
    XCTAssertEqual(machine.handle(.batchProcessed(Self.outcome), now: .zero), .writeCommit(0, end: o(5)))
    XCTAssertEqual(machine.handle(.commitWritten, now: .zero), .commitSource(0, end: o(5)))
    XCTAssertEqual(machine.handle(.sourceCommitted, now: .zero), .finish(.stopRequested))
    XCTAssertEqual(machine.batchesCommitted, 1)
  }

  func testStopWhileWaitingFinishesAtOnce() {
    let o = Self.o
    play(
      .processingTime(.seconds(1)),
      [
        (.started(.plan(0, start: o(0))), .zero, .planBatch(0, start: o(0))),
        (.planned(end: o(0)), .zero, .wait(until: .seconds(1))),
        (.stopRequested, Self.ms(10), .finish(.stopRequested)),
        (.timerFired, .seconds(1), nil),
      ])
  }

  func testStopBeforeStart() {
    play(.availableNow, [(.stopRequested, .zero, .finish(.stopRequested))])
  }

  func testAvailableNowNotesTheTargetAndStopsThere() {
    let o = Self.o
    play(
      .availableNow,
      [
        (.started(.plan(0, start: o(0))), .zero, .noteAvailableNowTarget(from: o(0))),
        (.targetNoted(o(10)), .zero, .planBatch(0, start: o(0))),
      ]
        + Self.batch(0, 0, 4, then: .planBatch(1, start: o(4)))
        + Self.batch(1, 4, 8, then: .planBatch(2, start: o(8)))
        + Self.batch(2, 8, 10, then: .finish(.availableNowCompleted)))
  }

  func testAvailableNowWithNothingAvailable() {
    let o = Self.o
    play(
      .availableNow,
      [
        (.started(.plan(2, start: o(9))), .zero, .noteAvailableNowTarget(from: o(9))),
        (.targetNoted(o(9)), .zero, .finish(.availableNowCompleted)),
      ])
  }

  func testAvailableNowFinishesWhenTheSourceHasNothingMore() {
    let o = Self.o
    play(
      .availableNow,
      [
        (.started(.plan(0, start: o(0))), .zero, .noteAvailableNowTarget(from: o(0))),
        (.targetNoted(o(10)), .zero, .planBatch(0, start: o(0))),
        (.planned(end: o(0)), .zero, .finish(.availableNowCompleted)),
      ])
  }

  func testAvailableNowReRunsPendingBatchFirst() {
    let o = Self.o
    play(
      .availableNow,
      [
        (.started(.rerun(2, start: o(20), end: o(30))), .zero, .noteAvailableNowTarget(from: o(20))),
        (.targetNoted(o(35)), .zero, .runBatch(2, start: o(20), end: o(30), isRerun: true)),
        (.batchProcessed(Self.outcome), .zero, .writeCommit(2, end: o(30))),
        (.commitWritten, .zero, .commitSource(2, end: o(30))),
        (.sourceCommitted, .zero, .planBatch(3, start: o(30))),
      ]
        + Self.batch(3, 30, 35, then: .finish(.availableNowCompleted)))
  }

  func testFailureFinishesAndLaterEventsAreIgnored() {
    let o = Self.o
    play(
      .once,
      [
        (.started(.plan(0, start: o(0))), .zero, .planBatch(0, start: o(0))),
        (.planned(end: o(5)), .zero, .writeOffsets(0, start: o(0), end: o(5))),
        (.failure("disk full"), .zero, .finish(.failed("disk full"))),
        (.offsetsWritten, .zero, nil),
      ])
  }

  func testUnexpectedEventIsAnInternalFailure() {
    var machine = Machine(trigger: .once)
    let action = machine.handle(.commitWritten, now: .zero)
    guard case .finish(.failed(let message))? = action else {
      return XCTFail("\(String(describing: action))")
    }
    XCTAssertTrue(
      message.hasPrefix("internal error: event commitWritten is not expected in state idle"), message)
  }
}
