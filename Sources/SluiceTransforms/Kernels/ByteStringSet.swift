/// A small set of byte strings matched by whole-value equality, stored in one buffer
/// (no `String` per comparison).
struct ByteStringSet {
  private let storage: [UInt8]
  private let ranges: [Range<Int>]

  init(_ strings: [String]) {
    var storage: [UInt8] = []
    var ranges: [Range<Int>] = []
    for string in strings {
      let start = storage.count
      storage.append(contentsOf: string.utf8)
      ranges.append(start..<storage.count)
    }
    self.storage = storage
    self.ranges = ranges
  }

  /// Calls `body` with a matcher that answers whether a slot equals one of the strings exactly.
  func withMatcher<Result>(_ body: ((UnsafeBufferPointer<UInt8>) -> Bool) -> Result) -> Result {
    storage.withUnsafeBufferPointer { all in
      let ranges = self.ranges
      return body { slot in
        for range in ranges where range.count == slot.count {
          if slot.equalsBytes(UnsafeBufferPointer(rebasing: all[range])) { return true }
        }
        return false
      }
    }
  }
}
