public import SluiceCore

/// Writes rows of a ``RecordBatch`` as JSON objects, one per line (JSON Lines), straight from the
/// column buffers.
///
/// Every field is written, nulls as `null`, in schema order. Timestamps are ISO-8601 UTC without a
/// zone suffix (`2020-08-28T03:52:47`, with `.ffffff` when there are sub-seconds), dates
/// `YYYY-MM-DD`, doubles in their shortest round-trip form (non-finite values as `null`).
public struct JSONRowEncoder: Sendable {
  public let schema: Schema
  /// `"name":` prefixes, pre-escaped, with the separating comma for all but the first.
  private let keyPrefixes: [[UInt8]]

  public init(schema: Schema) {
    self.schema = schema
    keyPrefixes = schema.fields.enumerated().map { index, field in
      var bytes: [UInt8] = index == 0 ? [UInt8(ascii: "{")] : [UInt8(ascii: ",")]
      JSONRowEncoder.appendString(field.name.utf8, to: &bytes)
      bytes.append(UInt8(ascii: ":"))
      return bytes
    }
  }

  /// Appends every row of `batch` as one line each (terminated by `\n`).
  public func encode(_ batch: RecordBatch, into out: inout [UInt8]) {
    out.reserveCapacity(out.count + batch.count * 64 * max(1, schema.count))
    for row in 0..<batch.count {
      encodeRow(row, of: batch, into: &out)
      out.append(UInt8(ascii: "\n"))
    }
  }

  /// Appends row `row` as one JSON object (no newline).
  public func encodeRow(_ row: Int, of batch: RecordBatch, into out: inout [UInt8]) {
    if batch.columns.isEmpty {
      out.append(contentsOf: [UInt8(ascii: "{"), UInt8(ascii: "}")])
      return
    }
    for (index, column) in batch.columns.enumerated() {
      out.append(contentsOf: keyPrefixes[index])
      JSONRowEncoder.appendValue(column, row, to: &out)
    }
    out.append(UInt8(ascii: "}"))
  }

  static func appendValue(_ column: Column, _ row: Int, to out: inout [UInt8]) {
    guard column.validity[row] else {
      out.append(contentsOf: nullLiteral)
      return
    }
    switch column.type {
    case .int32: appendInteger(Int64(column.int32Values[row]), to: &out)
    case .int64: appendInteger(column.int64Values[row], to: &out)
    case .double: appendDouble(column.doubleValues[row], to: &out)
    case .boolean: out.append(contentsOf: column.boolValues[row] ? trueLiteral : falseLiteral)
    case .string: appendString(column.stringBytes(at: row), to: &out)
    case .timestamp: appendString(Timestamp.isoString(micros: column.int64Values[row]).utf8, to: &out)
    case .date: appendString(Timestamp.isoDateString(days: column.int32Values[row]).utf8, to: &out)
    case .list:
      out.append(UInt8(ascii: "["))
      for (n, child) in column.listRange(at: row).enumerated() {
        if n > 0 { out.append(UInt8(ascii: ",")) }
        appendValue(column.children[0], child, to: &out)
      }
      out.append(UInt8(ascii: "]"))
    }
  }

  static let nullLiteral = Array("null".utf8)
  static let trueLiteral = Array("true".utf8)
  static let falseLiteral = Array("false".utf8)
  static let hexDigits = Array("0123456789abcdef".utf8)

  static func appendInteger(_ value: Int64, to out: inout [UInt8]) {
    if value == 0 {
      out.append(UInt8(ascii: "0"))
      return
    }
    var magnitude = value.magnitude
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes of scratch, no heap
    var count = 0
    withUnsafeMutableBytes(of: &digits) { scratch in
      while magnitude > 0 {
        scratch[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
        count += 1
      }
      if value < 0 { out.append(UInt8(ascii: "-")) }
      for i in stride(from: count - 1, through: 0, by: -1) { out.append(scratch[i]) }
    }
  }

  static func appendDouble(_ value: Double, to out: inout [UInt8]) {
    guard value.isFinite else {
      out.append(contentsOf: nullLiteral)
      return
    }
    if value.rounded() == value, abs(value) < 1e15 {
      appendInteger(Int64(value), to: &out)
      out.append(contentsOf: [UInt8(ascii: "."), UInt8(ascii: "0")])
      return
    }
    out.append(contentsOf: value.description.utf8)
  }

  /// Appends `bytes` (UTF-8) as a JSON string literal.
  static func appendString<Bytes: Collection>(_ bytes: Bytes, to out: inout [UInt8])
  where Bytes.Element == UInt8 {
    out.append(UInt8(ascii: "\""))
    var needsEscape = false
    for byte in bytes where byte < 0x20 || byte == 0x22 || byte == 0x5C {
      needsEscape = true
      break
    }
    if !needsEscape {
      out.append(contentsOf: bytes)
    } else {
      for byte in bytes {
        switch byte {
        case 0x22: out.append(contentsOf: [0x5C, 0x22])
        case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
        case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
        case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
        case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
        case 0..<0x20:
          out.append(contentsOf: Array("\\u00".utf8))
          out.append(hexDigits[Int(byte >> 4)])
          out.append(hexDigits[Int(byte & 0xF)])
        default: out.append(byte)
        }
      }
    }
    out.append(UInt8(ascii: "\""))
  }
}
