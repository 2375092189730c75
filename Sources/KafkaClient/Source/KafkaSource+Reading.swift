import KafkaProtocol
import SluiceCore

extension KafkaSource {
  /// Exactly the records of `[start, end)`; partitions missing from `start` are read from 0.
  func records(from start: KafkaOffsets, to end: KafkaOffsets) async throws -> RawRecords {
    var ends: [TopicPartition: Int64] = [:]
    var next: [TopicPartition: Int64] = [:]
    for tp in end.partitions {
      let from = start[tp] ?? 0
      let to = end[tp]!
      guard from >= 0, to >= 0 else {
        throw KafkaClientError(
          .invalidOffsets,
          "cannot read \(tp) from offset \(from) to \(to): both must be resolved offsets (≥ 0)")
      }
      if to > from {
        ends[tp] = to
        next[tp] = from
      }
    }
    var perPartition: [TopicPartition: RawRecords] = [:]
    var emptyRounds = 0
    while !next.isEmpty {
      let fetched = try await api.fetch(next, maxWait: options.fetchMaxWait)
      var progressed = false
      for tp in next.keys.sorted() {
        guard let part = fetched[tp], let offset = next[tp], let to = ends[tp] else { continue }
        if part.errorCode == .offsetOutOfRange {
          next[tp] = try outOfRange(tp, at: offset, to: to, part)
          progressed = true
        } else {
          var records = perPartition[tp] ?? RawRecords()
          let before = records.count
          let decoded: DecodedRange
          do {
            decoded = try part.records.withUnsafeBytes {
              try RecordBatchDecoder.decodeRecords(
                $0, topic: tp.topic, partition: tp.partition, from: offset, into: &records)
            }
          } catch {
            throw KafkaClientError(.protocolError, "reading records \(offset)..<\(to) of \(tp): \(error)")
          }
          var keep = records.count
          while keep > before && records.offsets[keep - 1] >= to { keep -= 1 }
          records.keepFirst(keep)
          perPartition[tp] = records
          if let after = decoded.nextOffset, after > offset {
            next[tp] = after
            progressed = true
          } else if decoded.incompleteTailBytes > 0 && decoded.batchCount == 0 {
            throw KafkaClientError(
              .protocolError,
              "the record batch at offset \(offset) of \(tp) is larger than the fetch size and the broker sent only "
                + "part of it (\(decoded.incompleteTailBytes) bytes)")
          } else if part.highWatermark >= 0 && part.highWatermark <= offset {
            // The planned records are not in the log (it was truncated after planning).
            try reportDataLoss(
              "records \(offset)..<\(to) of \(tp) were planned but the partition now ends at \(part.highWatermark)"
            )
            next[tp] = to
            progressed = true
          }
        }
        if let n = next[tp], n >= to { next[tp] = nil }
      }
      emptyRounds = progressed ? 0 : emptyRounds + 1
      if emptyRounds >= 50 {
        let waiting = next.keys.sorted().map { "\($0) at \(next[$0]!)" }.joined(separator: ", ")
        throw KafkaClientError(
          .brokerError,
          "Kafka returned no records for \(waiting) in 50 fetches although they are below the planned end; the "
            + "broker may be lagging or the records were removed")
      }
    }
    let order = perPartition.keys.sorted()
    guard var result = order.first.flatMap({ perPartition.removeValue(forKey: $0) }) else {
      return RawRecords()
    }
    for tp in order.dropFirst() { result.append(contentsOf: perPartition.removeValue(forKey: tp)!) }
    return result
  }

  /// Handles OFFSET_OUT_OF_RANGE at `offset`: data loss (fail, or skip to what is left).
  private func outOfRange(_ tp: TopicPartition, at offset: Int64, to: Int64, _ part: FetchedPartition) throws
    -> Int64
  {
    let low = part.logStartOffset
    let available =
      low >= 0
      ? "the partition now holds offsets \(low)..<\(part.highWatermark)"
      : "the broker did not say which remain"
    if low >= 0 && offset < low {
      try reportDataLoss(
        "records \(offset)..<\(min(low, to)) of \(tp) are no longer in Kafka (deleted by retention before this batch "
          + "read them; expected offset \(offset), \(available))")
      return max(low, offset)
    }
    try reportDataLoss(
      "offset \(offset) of \(tp) is outside the log (expected records \(offset)..<\(to), \(available)); the topic "
        + "was probably deleted and recreated")
    return to
  }
}
