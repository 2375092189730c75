import SluiceCore

/// Timings and counts of the batch in flight, turned into a ``BatchProgress`` at commit.
struct BatchTracker {
  let batch: BatchID
  let start: SerializedOffset
  let isRerun: Bool
  let startedMono: Duration
  let startedWallMs: Int64
  var end: SerializedOffset?
  var durations = BatchProgress.Durations()
  var inputRows = 0
  var outputRows = 0
  var rejectedRows = 0
  var deadLetterRows = 0
  var sinkResult: SinkWriteResult?

  init(batch: BatchID, start: SerializedOffset, isRerun: Bool, clock: any RuntimeClock) {
    self.batch = batch
    self.start = start
    self.isRerun = isRerun
    startedMono = clock.now
    startedWallMs = clock.wallClockMs
  }

  func progress(
    queryID: QueryID, runID: String, name: String, now: Duration, previousStart: Duration?,
    source: String, target: SerializedOffset?, lag: Int64?, sink: String
  ) -> BatchProgress {
    var durations = self.durations
    durations.triggerExecution = now - startedMono
    let elapsed = durations.triggerExecution.secondsDouble
    let sinceLast = previousStart.map { (startedMono - $0).secondsDouble } ?? 0
    return BatchProgress(
      id: queryID, runId: runID, name: name, batchId: batch, timestampMs: startedWallMs, isRerun: isRerun,
      numInputRows: inputRows, numRejectedRows: rejectedRows, numDeadLetterRows: deadLetterRows,
      inputRowsPerSecond: sinceLast > 0 ? Double(inputRows) / sinceLast : 0,
      processedRowsPerSecond: elapsed > 0 ? Double(inputRows) / elapsed : 0,
      durations: durations,
      sources: [
        BatchProgress.SourceProgress(
          description: source, startOffset: start, endOffset: end ?? start, latestOffset: target,
          numInputRows: inputRows, lag: lag)
      ],
      sink: BatchProgress.SinkProgress(
        description: sink, numOutputRows: outputRows, alreadyCommitted: sinkResult?.alreadyCommitted ?? false,
        details: sinkResult?.details ?? .object([])))
  }
}
