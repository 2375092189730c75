import SluiceCore

/// Hashing and equality of rows restricted to some columns, for duplicate detection.
/// Nulls equal nulls; doubles compare by value with `-0.0 == 0.0` and NaN equal to NaN (Spark's
/// grouping semantics); strings and lists compare element by element.
struct RowKey {
  let columns: [Column]

  func hash(_ row: Int) -> Int {
    var hasher = Hasher()
    for column in columns { Self.combine(column, row, into: &hasher) }
    return hasher.finalize()
  }

  func equal(_ a: Int, _ b: Int) -> Bool {
    for column in columns where !Self.equal(column, a, column, b) { return false }
    return true
  }

  private static func combine(_ column: Column, _ row: Int, into hasher: inout Hasher) {
    guard column.validity[row] else {
      hasher.combine(0 as UInt8)
      return
    }
    hasher.combine(1 as UInt8)
    switch column.type {
    case .int32, .date: hasher.combine(column.int32Values[row])
    case .int64, .timestamp: hasher.combine(column.int64Values[row])
    case .double: hasher.combine(normalized(column.doubleValues[row]).bitPattern)
    case .boolean: hasher.combine(column.boolValues[row])
    case .string:
      let range = Int(column.offsets[row])..<Int(column.offsets[row + 1])
      hasher.combine(range.count)
      column.bytes.withUnsafeBytes { hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: $0[range])) }
    case .list:
      let range = column.listRange(at: row)
      hasher.combine(range.count)
      for child in range { combine(column.children[0], child, into: &hasher) }
    }
  }

  private static func normalized(_ value: Double) -> Double {
    if value.isNaN { return .nan }
    return value == 0 ? 0 : value
  }

  private static func equal(_ x: Column, _ a: Int, _ y: Column, _ b: Int) -> Bool {
    let validA = x.validity[a]
    guard validA == y.validity[b] else { return false }
    guard validA else { return true }
    switch x.type {
    case .int32, .date: return x.int32Values[a] == y.int32Values[b]
    case .int64, .timestamp: return x.int64Values[a] == y.int64Values[b]
    case .double: return normalized(x.doubleValues[a]).bitPattern == normalized(y.doubleValues[b]).bitPattern
    case .boolean: return x.boolValues[a] == y.boolValues[b]
    case .string: return x.stringBytes(at: a) == y.stringBytes(at: b)
    case .list:
      let ra = x.listRange(at: a)
      let rb = y.listRange(at: b)
      guard ra.count == rb.count else { return false }
      for (i, j) in zip(ra, rb) where !equal(x.children[0], i, y.children[0], j) { return false }
      return true
    }
  }
}
