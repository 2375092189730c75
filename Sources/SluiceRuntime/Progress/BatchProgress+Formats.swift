public import SluiceCore

extension BatchProgress {
  /// The JSON record, in the shape of Spark's `StreamingQueryProgress.json` (plus
  /// `numRejectedRows` and `isRerun`).
  public var json: JSONValue {
    .object([
      ("id", .string(id.rawValue)),
      ("runId", .string(runId)),
      ("name", .string(name)),
      ("timestamp", .string(timestamp)),
      ("batchId", .int(batchId.rawValue)),
      ("isRerun", .bool(isRerun)),
      ("numInputRows", .int(Int64(numInputRows))),
      ("numRejectedRows", .int(Int64(numRejectedRows))),
      ("numDeadLetterRows", .int(Int64(numDeadLetterRows))),
      ("inputRowsPerSecond", .double(inputRowsPerSecond)),
      ("processedRowsPerSecond", .double(processedRowsPerSecond)),
      ("durationMs", durations.json),
      ("sources", .array(sources.map(\.json))),
      ("sink", sink.json),
    ])
  }

  /// One line for humans:
  /// `batch 3  in 100000  out 99998  rejected 2  84,210 rows/s  1.19 s  end {"t":{"0":300000}}  lag 12,000`.
  public var line: String {
    var text = "batch \(batchId)"
    if isRerun { text += " (re-run\(sink.alreadyCommitted ? ", already in sink" : ""))" }
    text += "  in \(numInputRows)  out \(numOutputRows)"
    if numDeadLetterRows > 0 {
      text += "  dead-lettered \(numDeadLetterRows)"
    } else if numRejectedRows > 0 {
      text += "  rejected \(numRejectedRows)"
    }
    text += "  \(Self.grouped(Int64(processedRowsPerSecond.rounded()))) rows/s"
    text += "  \(Self.seconds(durations.triggerExecution)) s"
    text += "  end " + sources.map(\.endOffset.text).joined(separator: " ")
    let lags = sources.compactMap(\.lag)
    if lags.count == sources.count, !lags.isEmpty {
      text += "  lag \(Self.grouped(lags.reduce(0, +)))"
    }
    return text
  }

  /// `84210` → `84,210`.
  static func grouped(_ value: Int64) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return value < 0 ? "-" + out : out
  }

  /// Two decimals: `1.19`.
  static func seconds(_ duration: Duration) -> String {
    let hundredths = (duration.milliseconds + 5) / 10
    let fraction = String(hundredths % 100)
    return "\(hundredths / 100)." + (fraction.count == 1 ? "0" : "") + fraction
  }
}

extension BatchProgress.Durations {
  public var json: JSONValue {
    .object([
      ("latestOffset", .int(latestOffset.milliseconds)),
      ("walCommit", .int(walCommit.milliseconds)),
      ("getBatch", .int(getBatch.milliseconds)),
      ("decode", .int(decode.milliseconds)),
      ("transform", .int(transform.milliseconds)),
      ("addBatch", .int(addBatch.milliseconds)),
      ("commitOffsets", .int(commitOffsets.milliseconds)),
      ("triggerExecution", .int(triggerExecution.milliseconds)),
    ])
  }
}

extension BatchProgress.SourceProgress {
  public var json: JSONValue {
    .object([
      ("description", .string(description)),
      ("startOffset", startOffset?.json ?? .null),
      ("endOffset", endOffset.json),
      ("latestOffset", latestOffset?.json ?? .null),
      ("numInputRows", .int(Int64(numInputRows))),
      ("lag", lag.map { .int($0) } ?? .null),
    ])
  }
}

extension BatchProgress.SinkProgress {
  public var json: JSONValue {
    .object([
      ("description", .string(description)),
      ("numOutputRows", .int(Int64(numOutputRows))),
      ("alreadyCommitted", .bool(alreadyCommitted)),
      ("details", details),
    ])
  }
}

extension Duration {
  /// Whole milliseconds (truncated).
  var milliseconds: Int64 {
    components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
  }

  var secondsDouble: Double {
    Double(components.seconds) + Double(components.attoseconds) / 1e18
  }
}
