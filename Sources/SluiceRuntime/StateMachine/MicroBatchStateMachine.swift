public import SluiceCore

/// The micro-batch protocol as a pure value: events in, actions out. No I/O, no clock reads
/// (the caller passes `now` with every event), so every path is testable as a table.
///
/// One batch is in flight at a time, in Spark's order:
/// ```
/// plan → write offsets/N (WAL) → read + decode + transform + sink → write commits/N
///      → source.commit(end) → next batch (or wait, or finish)
/// ```
/// - A recovered, uncommitted batch is re-run with exactly its recorded range (never
///   re-planned), before anything new is planned.
/// - A stop request takes effect only between batches: a batch in flight completes first.
/// - Nothing new: `once` finishes (`noNewData`), `availableNow` finishes, `processingTime`
///   waits for the next tick (at least ``minimumIdleWait``).
/// - `availableNow` first notes the target offset and finishes once a batch ends exactly at it
///   (the runner caps planned ends at the target) or when nothing more is available.
public struct MicroBatchStateMachine: Sendable {
  /// The shortest wait after finding nothing new, so a zero interval does not spin.
  public static let minimumIdleWait = Duration.milliseconds(10)

  public let trigger: Trigger
  public private(set) var state: State = .idle
  /// The `availableNow` target, once noted.
  public private(set) var target: SerializedOffset?
  public private(set) var stopRequested = false
  /// Batches committed in this run.
  public private(set) var batchesCommitted = 0
  /// The last batch committed in this run.
  public private(set) var lastCommitted: BatchID?
  /// Totals of the batches processed in this run.
  public private(set) var totals = BatchOutcome(inputRows: 0, outputRows: 0, rejectedRows: 0)
  /// When the current trigger began (monotonic).
  private var triggerStart: Duration = .zero

  public init(trigger: Trigger) {
    self.trigger = trigger
  }

  /// Feeds one event; returns the next action, or `nil` when the event only records something
  /// (a stop request while a batch is in flight: the runner keeps performing its current step).
  public mutating func handle(_ event: Event, now: Duration) -> Action? {
    switch (state, event) {
    case (.finished, _):
      return nil

    case (_, .failure(let message)):
      return finish(.failed(message))

    case (.waiting, .stopRequested), (.idle, .stopRequested):
      stopRequested = true
      return finish(.stopRequested)

    case (_, .stopRequested):
      stopRequested = true
      return nil

    case (.idle, .started(let startPoint)):
      if trigger == .availableNow && target == nil {
        state = .notingTarget(startPoint)
        return .noteAvailableNowTarget(from: startPoint.start)
      }
      return begin(startPoint, now: now)

    case (.notingTarget(let startPoint), .targetNoted(let offset)):
      target = offset
      return begin(startPoint, now: now)

    case (.planning(let batch, let start), .planned(let end)):
      if end == start { return nothingNew(batch, start, now: now) }
      state = .writingOffsets(batch, start: start, end: end)
      return .writeOffsets(batch, start: start, end: end)

    case (.writingOffsets(let batch, let start, let end), .offsetsWritten):
      state = .running(batch, start: start, end: end)
      return .runBatch(batch, start: start, end: end, isRerun: false)

    case (.running(let batch, let start, let end), .batchProcessed(let outcome)):
      totals.inputRows += outcome.inputRows
      totals.outputRows += outcome.outputRows
      totals.rejectedRows += outcome.rejectedRows
      state = .committing(batch, start: start, end: end)
      return .writeCommit(batch, end: end)

    case (.committing(let batch, _, let end), .commitWritten):
      batchesCommitted += 1
      lastCommitted = batch
      state = .committingSource(batch, end: end)
      return .commitSource(batch, end: end)

    case (.committingSource(let batch, let end), .sourceCommitted):
      return afterBatch(next: batch.next, start: end, now: now)

    case (.waiting(let next, let start, _), .timerFired):
      triggerStart = now
      return planOrFinish(next, start)

    default:
      return finish(.failed("internal error: event \(event) is not expected in state \(state)"))
    }
  }

  // MARK: - Transitions

  private mutating func begin(_ startPoint: StartPoint, now: Duration) -> Action {
    triggerStart = now
    switch startPoint {
    case .plan(let batch, let start):
      return planOrFinish(batch, start)
    case .rerun(let batch, let start, let end):
      state = .running(batch, start: start, end: end)
      return .runBatch(batch, start: start, end: end, isRerun: true)
    }
  }

  /// Between batches: stop if asked, finish `availableNow` at its target, else plan.
  private mutating func planOrFinish(_ batch: BatchID, _ start: SerializedOffset) -> Action {
    if stopRequested { return finish(.stopRequested) }
    if trigger == .availableNow, let target, start == target { return finish(.availableNowCompleted) }
    state = .planning(batch, start: start)
    return .planBatch(batch, start: start)
  }

  private mutating func nothingNew(_ batch: BatchID, _ start: SerializedOffset, now: Duration) -> Action {
    switch trigger {
    case .once: return finish(batchesCommitted == 0 ? .noNewData : .onceCompleted)
    case .availableNow: return finish(.availableNowCompleted)
    case .processingTime(let interval):
      if stopRequested { return finish(.stopRequested) }
      let deadline = max(triggerStart + interval, now + Self.minimumIdleWait)
      state = .waiting(next: batch, start: start, until: deadline)
      return .wait(until: deadline)
    }
  }

  private mutating func afterBatch(next: BatchID, start: SerializedOffset, now: Duration) -> Action {
    if stopRequested { return finish(.stopRequested) }
    switch trigger {
    case .once:
      return finish(.onceCompleted)
    case .availableNow:
      triggerStart = now
      return planOrFinish(next, start)
    case .processingTime(let interval):
      let deadline = triggerStart + interval
      if deadline <= now {
        triggerStart = now
        return planOrFinish(next, start)
      }
      state = .waiting(next: next, start: start, until: deadline)
      return .wait(until: deadline)
    }
  }

  private mutating func finish(_ reason: StopReason) -> Action {
    state = .finished(reason)
    return .finish(reason)
  }
}
