import SluiceCore

/// Messages about records a batch could not use.
enum BadRecords {
  /// How many records a message lists by position; the rest are counted.
  static let listed = 10

  /// `onError: fail`: names each bad record's position and reason, and what to do.
  static func error(batch: BatchID, rejected: [RejectedRecord]) -> RuntimeError {
    RuntimeError(
      .badRecords,
      "batch \(batch): \(summary(rejected)): \(list(rejected)); fix the producer, or set onError: skip in "
        + "the job file (batch \(batch) is not committed: the next run reads these records again)")
  }

  /// `onError: skip`: the warning logged for a batch.
  static func skipped(batch: BatchID, rejected: [RejectedRecord]) -> String {
    "batch \(batch): skipped \(summary(rejected)) (onError: skip): \(list(rejected))"
  }

  /// `2 records could not be decoded` / `1 record was rejected`.
  static func summary(_ rejected: [RejectedRecord]) -> String {
    let n = rejected.count
    let noun = n == 1 ? "record" : "records"
    if rejected.allSatisfy({ $0.step == "decode" }) { return "\(n) \(noun) could not be decoded" }
    return "\(n) \(noun) \(n == 1 ? "was" : "were") rejected"
  }

  static func list(_ rejected: [RejectedRecord]) -> String {
    var text = rejected.prefix(listed).map { record in
      record.step == "decode"
        ? "\(record.position): \(record.reason)"
        : "\(record.position): \(record.reason) (step \(record.step))"
    }.joined(separator: "; ")
    if rejected.count > listed { text += "; and \(rejected.count - listed) more" }
    return text
  }
}
