public import SluiceCore

/// What one run of a query did, returned by ``MicroBatchRunner/runQuery()``.
public struct RunSummary: Sendable, Hashable, CustomStringConvertible {
  public var queryID: QueryID
  public var runID: String
  /// Batches committed by this run (a re-run batch counts).
  public var batchesRun: Int
  public var rowsIn: Int
  public var rowsOut: Int
  public var rowsRejected: Int
  /// The last batch this run committed, if any.
  public var lastBatchID: BatchID?
  public var stoppedReason: MicroBatchStateMachine.StopReason

  public var description: String {
    var text = "\(batchesRun) batch\(batchesRun == 1 ? "" : "es"), \(rowsIn) rows in, \(rowsOut) out"
    if rowsRejected > 0 { text += ", \(rowsRejected) rejected" }
    if let lastBatchID { text += "; last batch \(lastBatchID)" }
    return text + "; stopped: \(stoppedReason)"
  }
}
