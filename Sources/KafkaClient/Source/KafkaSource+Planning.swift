extension KafkaSource {
  /// The end of the next batch starting at `start`, at most `maxRecords` records over all
  /// partitions (`nil` = everything available).
  func plan(after start: KafkaOffsets, maxRecords: Int?) async throws -> KafkaOffsets {
    let partitions = try await currentPartitions(known: start)
    let earliest = try await earliestOffsets(partitions)
    let latest = try await latestOffsets(partitions)
    var end = start
    let current = Set(partitions)
    for tp in start.partitions
    where !current.contains(tp) && !partitions.contains(where: { $0.topic == tp.topic }) {
      // A deleted topic already reported by currentPartitions (failOnDataLoss false): keep its offsets.
      end[tp] = start[tp]
    }
    var candidates: [(tp: TopicPartition, from: Int64)] = []
    var available: [Int64] = []
    for tp in partitions {
      let low = earliest[tp] ?? 0
      let high = latest[tp] ?? low
      var from: Int64
      if let known = start[tp] {
        guard known >= 0 else {
          throw KafkaClientError(
            .invalidOffsets,
            "the position of \(tp) is \(known), a startingOffsets placeholder; a batch position must hold resolved "
              + "offsets (≥ 0)")
        }
        from = known
        if from < low {
          try reportDataLoss(
            "records \(from)..<\(low) of \(tp) were deleted (retention) before they were read; the partition now "
              + "holds offsets \(low)..<\(high)")
          from = low
        } else if from > high {
          try reportDataLoss(
            "the position \(from) of \(tp) is beyond its log end \(high) (the topic was recreated or its log "
              + "truncated); the partition now holds offsets \(low)..<\(high)")
          end[tp] = high
          continue
        }
      } else {
        // A partition that appeared since `start`: read it from 0 (read() assumes 0 for it too).
        from = 0
        if low > 0 {
          try reportDataLoss(
            "new partition \(tp) starts at offset \(low) instead of 0: records 0..<\(low) were deleted before they "
              + "could be read")
          from = low
        }
      }
      if high > from {
        candidates.append((tp, from))
        available.append(high - from)
      }
    }
    let shares = OffsetBudget.split(Int64(maxRecords ?? Int.max), among: available)
    for (n, candidate) in candidates.enumerated() where shares[n] > 0 || start[candidate.tp] != nil {
      end[candidate.tp] = candidate.from + shares[n]
    }
    return end
  }
}
