import SluiceCore

/// The straightforward cell-by-cell JSON Lines encoder that ``JSONRowEncoder`` replaced, kept as
/// a test oracle: the fast encoder must produce exactly its bytes.
enum ReferenceRowEncoder {
  static func encode(_ batch: RecordBatch) -> [UInt8] {
    var out: [UInt8] = []
    let prefixes = batch.schema.fields.enumerated().map { index, field in
      var bytes: [UInt8] = index == 0 ? [UInt8(ascii: "{")] : [UInt8(ascii: ",")]
      appendString(field.name.utf8, to: &bytes)
      bytes.append(UInt8(ascii: ":"))
      return bytes
    }
    for row in 0..<batch.count {
      if batch.columns.isEmpty {
        out.append(contentsOf: Array("{}".utf8))
      } else {
        for (index, column) in batch.columns.enumerated() {
          out.append(contentsOf: prefixes[index])
          appendValue(column, row, to: &out)
        }
        out.append(UInt8(ascii: "}"))
      }
      out.append(UInt8(ascii: "\n"))
    }
    return out
  }

  static func appendValue(_ column: Column, _ row: Int, to out: inout [UInt8]) {
    guard column.validity[row] else {
      out.append(contentsOf: Array("null".utf8))
      return
    }
    switch column.type {
    case .int32: out.append(contentsOf: Array(String(column.int32Values[row]).utf8))
    case .int64: out.append(contentsOf: Array(String(column.int64Values[row]).utf8))
    case .double: appendDouble(column.doubleValues[row], to: &out)
    case .boolean: out.append(contentsOf: Array((column.boolValues[row] ? "true" : "false").utf8))
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

  static func appendDouble(_ value: Double, to out: inout [UInt8]) {
    guard value.isFinite else {
      out.append(contentsOf: Array("null".utf8))
      return
    }
    if value.rounded() == value, abs(value) < 1e15 {
      out.append(contentsOf: Array((String(Int64(value)) + ".0").utf8))
      return
    }
    out.append(contentsOf: value.description.utf8)
  }

  static func appendString<Bytes: Collection>(_ bytes: Bytes, to out: inout [UInt8])
  where Bytes.Element == UInt8 {
    let hex = Array("0123456789abcdef".utf8)
    out.append(UInt8(ascii: "\""))
    for byte in bytes {
      switch byte {
      case 0x22: out.append(contentsOf: [0x5C, 0x22])
      case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
      case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
      case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
      case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
      case 0..<0x20:
        out.append(contentsOf: Array("\\u00".utf8))
        out.append(hex[Int(byte >> 4)])
        out.append(hex[Int(byte & 0xF)])
      default: out.append(byte)
      }
    }
    out.append(UInt8(ascii: "\""))
  }
}
