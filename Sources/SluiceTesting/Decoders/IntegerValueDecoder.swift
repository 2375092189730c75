public import SluiceCore

/// A tiny ``RecordDecoder`` for tests: each record's value is a decimal integer (`"42"`) that
/// becomes one `int64` column (`value` by default), plus the record's `offset` as a second
/// column so tests can count records by source position. A value that is not an integer is
/// rejected with its position and the reason `field 'value': expected int64, found "abc"`.
public struct IntegerValueDecoder: RecordDecoder {
  public let column: String
  public let schema: Schema

  public init(column: String = "value") {
    self.column = column
    schema = Schema([Field(column, .int64, nullable: false), Field("offset", .int64, nullable: false)])
  }

  public func decode(_ records: RawRecords) -> DecodedRecords {
    var values = Column(type: .int64, capacity: records.count)
    var offsets = Column(type: .int64, capacity: records.count)
    var rejected: [RejectedRecord] = []
    var sourceIndices: [Int] = []
    for i in 0..<records.count {
      let bytes = records.value(i)
      if let number = Self.parse(bytes) {
        values.validity.append(true)
        values.int64Values.append(number)
        offsets.validity.append(true)
        offsets.int64Values.append(records.offsets[i])
        sourceIndices.append(i)
      } else {
        rejected.append(
          RejectedRecord(
            index: i, position: records.positionDescription(i),
            reason: "field '\(column)': expected int64, found \"\(String(decoding: bytes, as: UTF8.self))\""))
      }
    }
    return DecodedRecords(
      batch: RecordBatch(unchecked: schema, columns: [values, offsets]), rejected: rejected,
      sourceIndices: sourceIndices)
  }

  static func parse(_ bytes: ArraySlice<UInt8>) -> Int64? {
    guard !bytes.isEmpty else { return nil }
    var value: Int64 = 0
    var negative = false
    for (n, byte) in bytes.enumerated() {
      if n == 0 && byte == UInt8(ascii: "-") && bytes.count > 1 {
        negative = true
        continue
      }
      guard byte >= 48 && byte <= 57 else { return nil }
      let (times, o1) = value.multipliedReportingOverflow(by: 10)
      let (sum, o2) = times.addingReportingOverflow(Int64(byte - 48))
      guard !o1 && !o2 else { return nil }
      value = sum
    }
    return negative ? -value : value
  }
}
