extension Column {
  /// Appends every slot of `other` (same type) in bulk: one copy per buffer, string and list
  /// offsets shifted. Used to join batch parts decoded or transformed in parallel.
  public mutating func append(contentsOf other: Column) {
    precondition(other.type == type, "cannot append a \(other.type) column to a \(type) column")
    validity.append(contentsOf: other.validity)
    switch type {
    case .int32, .date: int32Values.append(contentsOf: other.int32Values)
    case .int64, .timestamp: int64Values.append(contentsOf: other.int64Values)
    case .double: doubleValues.append(contentsOf: other.doubleValues)
    case .boolean: boolValues.append(contentsOf: other.boolValues)
    case .string:
      Self.appendShifted(other.offsets, by: Int32(truncatingIfNeeded: bytes.count), to: &offsets)
      bytes.append(contentsOf: other.bytes)
    case .list:
      Self.appendShifted(other.offsets, by: Int32(truncatingIfNeeded: children[0].count), to: &offsets)
      children[0].append(contentsOf: other.children[0])
    }
  }

  /// Appends `source[1...]` plus `base` (the first entry is the `0` every offset buffer starts
  /// with, already present in `target` as its last entry).
  private static func appendShifted(_ source: [Int32], by base: Int32, to target: inout [Int32]) {
    let added = source.count - 1
    guard added > 0 else { return }
    target.reserveCapacity(target.count + added)
    source.withUnsafeBufferPointer { source in
      for index in 1...added { target.append(source[index] &+ base) }
    }
  }
}
