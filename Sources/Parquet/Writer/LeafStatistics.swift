import SluiceCore

/// Running min / max / null count of one leaf column, in the column's sort order: signed for
/// integers, numeric for doubles (NaN ignored), false < true, unsigned byte-wise for strings.
struct LeafStatistics: Sendable {
  /// Level entries below the maximum definition level (Parquet `null_count`).
  var nullCount: Int64 = 0
  private(set) var hasValue = false
  private var intMin = Int64.max
  private var intMax = Int64.min
  private var doubleMin = Double.infinity
  private var doubleMax = -Double.infinity
  private var boolMin = true
  private var boolMax = false
  private var hasBool = false
  private var hasBytes = false
  private(set) var bytesMin: [UInt8] = []
  private(set) var bytesMax: [UInt8] = []

  @inline(__always) mutating func add(intMin low: Int64, intMax high: Int64) {
    if low < intMin { intMin = low }
    if high > intMax { intMax = high }
    hasValue = true
  }

  /// Adds a range of doubles already reduced by the caller (NaN excluded).
  @inline(__always) mutating func add(doubleMin low: Double, doubleMax high: Double) {
    if low < doubleMin || (low == 0 && doubleMin == 0 && low.sign == .minus) { doubleMin = low }
    if high > doubleMax || (high == 0 && doubleMax == 0 && high.sign == .plus) { doubleMax = high }
    hasValue = true
  }

  @inline(__always) mutating func add(bool value: Bool) {
    if !value { boolMin = false }
    if value { boolMax = true }
    hasBool = true
    hasValue = true
  }

  @inline(__always) mutating func add(bytes value: UnsafeRawBufferPointer) {
    if !hasBytes {
      bytesMin = Array(value)
      bytesMax = bytesMin
      hasBytes = true
      hasValue = true
      return
    }
    if bytesMin.withUnsafeBytes({ compareBytes(value, $0) }) < 0 { bytesMin = Array(value) }
    if bytesMax.withUnsafeBytes({ compareBytes(value, $0) }) > 0 { bytesMax = Array(value) }
  }

  mutating func merge(_ other: LeafStatistics) {
    nullCount += other.nullCount
    guard other.hasValue else { return }
    if other.intMin <= other.intMax { add(intMin: other.intMin, intMax: other.intMax) }
    if other.doubleMin <= other.doubleMax { add(doubleMin: other.doubleMin, doubleMax: other.doubleMax) }
    if other.hasBool {
      if !other.boolMin { add(bool: false) }
      if other.boolMax { add(bool: true) }
    }
    if other.hasBytes {
      other.bytesMin.withUnsafeBytes { add(bytes: $0) }
      other.bytesMax.withUnsafeBytes { add(bytes: $0) }
    }
  }

  /// The Parquet `Statistics` of a chunk with values of `type`.
  func chunkStatistics(valueType type: DataType) -> ChunkStatistics {
    var stats = ChunkStatistics(nullCount: nullCount)
    if type == .string {
      if hasBytes {
        stats.minValue = bytesMin
        stats.maxValue = bytesMax
      }
      return stats
    }
    guard let (low, high) = bounds(type) else { return stats }
    stats.minValue = Self.plainBytes(low)
    stats.maxValue = Self.plainBytes(high)
    stats.legacyMin = stats.minValue
    stats.legacyMax = stats.maxValue
    return stats
  }

  /// Min and max as values of `type`, nil when no non-null (non-NaN) value was seen.
  func bounds(_ type: DataType) -> (Value, Value)? {
    guard hasValue else { return nil }
    switch type {
    case .int32: return (.int32(Int32(intMin)), .int32(Int32(intMax)))
    case .date: return (.date(Int32(intMin)), .date(Int32(intMax)))
    case .int64: return (.int64(intMin), .int64(intMax))
    case .timestamp: return (.timestamp(intMin), .timestamp(intMax))
    case .double:
      guard doubleMin <= doubleMax else { return nil }
      let low = doubleMin == 0 ? -0.0 : doubleMin
      let high = doubleMax == 0 ? 0.0 : doubleMax
      return (.double(low), .double(high))
    case .boolean: return (.boolean(boolMin), .boolean(boolMax))
    case .string:
      return (
        .string(String(decoding: bytesMin, as: UTF8.self)), .string(String(decoding: bytesMax, as: UTF8.self))
      )
    case .list: return nil
    }
  }

  /// PLAIN encoding of a bound without a length prefix.
  static func plainBytes(_ value: Value) -> [UInt8] {
    var bytes: [UInt8] = []
    switch value {
    case .int32(let v), .date(let v): bytes.appendLittleEndian(v)
    case .int64(let v), .timestamp(let v): bytes.appendLittleEndian(v)
    case .double(let v): bytes.appendLittleEndian(v.bitPattern)
    case .boolean(let v): bytes.append(v ? 1 : 0)
    case .string(let s): bytes.append(contentsOf: s.utf8)
    case .null, .list: break
    }
    return bytes
  }
}
