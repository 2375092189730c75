/// What one timed run of a case did: how long the timed region took and how much it processed.
struct RunSample: Sendable {
  var seconds: Double
  /// Records (events, rows) processed in the timed region.
  var records: Int
  /// Bytes processed in the timed region (input or output, as the case defines).
  var bytes: Int

  init(seconds: Double, records: Int, bytes: Int) {
    self.seconds = seconds
    self.records = records
    self.bytes = bytes
  }

  init(elapsed: Duration, records: Int, bytes: Int) {
    self.init(seconds: elapsed.seconds, records: records, bytes: bytes)
  }
}
