public import SluiceCore

/// Caps a planned end offset at the `availableNow` target, for offsets shaped like Kafka's and
/// the embedded log's: `{"<stream>":{"<partition>":<next offset>}}`.
///
/// The ``Source`` protocol has no "up to this offset" limit, so when records keep arriving a
/// planned end could pass the target noted at start; capping each partition at the target (and
/// keeping partitions unknown to the target at their start) makes the last batch end exactly at
/// the target. Offsets of other shapes (e.g. Kinesis sequence numbers) are not capped: such a
/// run stops when a batch ends exactly at the target or nothing more is available.
public enum AvailableNowCap {
  /// `end` capped at `target`, or `nil` when the offsets are not of the nested-integer shape.
  public static func cap(_ end: SerializedOffset, at target: SerializedOffset, start: SerializedOffset)
    -> SerializedOffset?
  {
    guard let endMap = positions(end.json), let targetMap = positions(target.json) else { return nil }
    let startMap = positions(start.json) ?? [:]
    var streams: [(String, JSONValue)] = []
    for stream in endMap.keys.sorted() {
      var partitions: [(String, JSONValue)] = []
      for (partition, value) in endMap[stream]!.sorted(by: { $0.key < $1.key }) {
        let capped: Int64?
        if let limit = targetMap[stream]?[partition] {
          capped = min(value, limit)
        } else {
          capped = startMap[stream]?[partition]
        }
        if let capped { partitions.append((partition, .int(capped))) }
      }
      if !partitions.isEmpty { streams.append((stream, .object(partitions))) }
    }
    return SerializedOffset(json: .object(streams))
  }

  private static func positions(_ json: JSONValue) -> [String: [String: Int64]]? {
    guard let streams = json.objectMembers else { return nil }
    var result: [String: [String: Int64]] = [:]
    for (stream, value) in streams {
      guard let partitions = value.objectMembers else { return nil }
      var map: [String: Int64] = [:]
      for (partition, position) in partitions {
        guard case .int(let int) = position else { return nil }
        map[partition] = int
      }
      result[stream] = map
    }
    return result
  }
}
