import SluiceCore

/// Turns footer ``ChunkStatistics`` into ``ColumnStatistics`` merged over row groups.
enum StatisticsDecoder {
  static func merged(_ plan: ColumnPlan, _ rowGroups: [RowGroup]) -> ColumnStatistics {
    var nullCount: Int64 = 0
    var low: Value?
    var high: Value?
    var boundsKnown = !plan.field.type.isList && plan.conversion != .int96ToMicros
    for group in rowGroups where plan.leafIndex < group.columns.count {
      let chunk = group.columns[plan.leafIndex].metaData
      guard let stats = chunk.statistics else {
        boundsKnown = false
        continue
      }
      nullCount += stats.nullCount ?? 0
      guard boundsKnown else { continue }
      if let nulls = stats.nullCount, nulls >= chunk.numValues { continue }  // all null: no bounds
      guard let (chunkLow, chunkHigh) = bounds(stats, plan) else {
        boundsKnown = false
        continue
      }
      if low == nil || less(chunkLow, low!) { low = chunkLow }
      if high == nil || less(high!, chunkHigh) { high = chunkHigh }
    }
    return ColumnStatistics(
      name: plan.field.name, nullCount: nullCount, min: boundsKnown ? low : nil, max: boundsKnown ? high : nil
    )
  }

  private static func bounds(_ stats: ChunkStatistics, _ plan: ColumnPlan) -> (Value, Value)? {
    var minimum = stats.minValue
    var maximum = stats.maxValue
    if minimum == nil || maximum == nil, plan.valueType != .string, plan.valueType != .boolean,
      plan.conversion != .unsignedToInt64
    {
      // Deprecated min/max use signed order: trustworthy for signed integers and floats only.
      minimum = stats.legacyMin
      maximum = stats.legacyMax
    }
    guard let minimum, let maximum, let low = value(minimum, plan), let high = value(maximum, plan) else {
      return nil
    }
    return (low, high)
  }

  /// Decodes a PLAIN statistics value (no length prefix) of the plan's physical type.
  static func value(_ bytes: [UInt8], _ plan: ColumnPlan) -> Value? {
    func integer<T: FixedWidthInteger>(_ type: T.Type) -> T? {
      guard bytes.count == MemoryLayout<T>.size else { return nil }
      return bytes.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(as: T.self)) }
    }
    switch plan.physicalType {
    case .boolean:
      guard bytes.count == 1 else { return nil }
      return .boolean(bytes[0] != 0)
    case .int32:
      if plan.conversion == .unsignedToInt64 { return integer(UInt32.self).map { .int64(Int64($0)) } }
      guard let value = integer(Int32.self) else { return nil }
      return plan.valueType == .date ? .date(value) : .int32(value)
    case .int64:
      guard var value = integer(Int64.self) else { return nil }
      guard plan.valueType == .timestamp else { return .int64(value) }
      var values = [value]
      PlainDecoder.convert(&values, from: 0, plan.conversion)
      value = values[0]
      return .timestamp(value)
    case .float:
      guard let bits = integer(UInt32.self) else { return nil }
      let value = Float(bitPattern: bits)
      return value.isNaN ? nil : .double(Double(value))
    case .double:
      guard let bits = integer(UInt64.self) else { return nil }
      let value = Double(bitPattern: bits)
      return value.isNaN ? nil : .double(value)
    case .byteArray:
      return .string(String(decoding: bytes, as: UTF8.self))
    default:
      return nil
    }
  }

  /// Order of two values of the same type (strings byte-wise unsigned).
  static func less(_ lhs: Value, _ rhs: Value) -> Bool {
    switch (lhs, rhs) {
    case (.int32(let a), .int32(let b)), (.date(let a), .date(let b)): a < b
    case (.int64(let a), .int64(let b)), (.timestamp(let a), .timestamp(let b)): a < b
    case (.double(let a), .double(let b)): a < b
    case (.boolean(let a), .boolean(let b)): !a && b
    case (.string(let a), .string(let b)): a.utf8.lexicographicallyPrecedes(b.utf8)
    default: false
    }
  }
}
