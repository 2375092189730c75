import SluiceCore

extension RawRecords {
  /// Removes the records from index `count` on (the tail a Fetch returned past a batch's end).
  mutating func keepFirst(_ count: Int) {
    guard count < self.count else { return }
    values.removeSubrange(valueOffsets[count]...)
    valueOffsets.removeSubrange((count + 1)...)
    keys.removeSubrange(keyOffsets[count]...)
    keyOffsets.removeSubrange((count + 1)...)
    hasKey.removeSubrange(count...)
    topicIndex.removeSubrange(count...)
    partitions.removeSubrange(count...)
    offsets.removeSubrange(count...)
    timestamps.removeSubrange(count...)
    if headers.count > count { headers.removeSubrange(count...) }
  }
}
