/// A Confluent REST Proxy v2 produce body, `{"records":[{"value":…,"key":…,"partition":…}]}`,
/// parsed and validated on bytes.
///
/// With the `json` embedded format a value (and key) is any JSON value, stored as its JSON text
/// exactly as sent; `null` (or a missing member) is a null key, and a null value is stored as the
/// text `null` (json) or as no bytes (binary). With the `binary` format they are base64 strings, stored decoded. Schema members
/// (`key_schema`, `value_schema`, …) are ignored. Every record is checked before anything is
/// appended: a partition must be ≥ 0, key + value within the record limit.
struct KafkaProduceRequest {
  enum EmbeddedFormat: Sendable { case json, binary }

  var records: IncomingRecords

  init(body: [UInt8], format: EmbeddedFormat, maxRecordBytes: Int) throws(GatewayError) {
    var records = IncomingRecords(body: body)
    var sawRecords = false
    let result = body.withUnsafeBufferPointer { buffer in
      Result { () throws(GatewayError) in
        try JSONScanner.validateUTF8(buffer)
        var scanner = JSONScanner(buffer)
        guard try scanner.peekKind() == .object else {
          throw GatewayError(.invalidRequest, "the body must be a JSON object with a \"records\" array")
        }
        try scanner.forEachMember { (name, scanner) throws(GatewayError) in
          guard name == "records" else {
            scanner.skipWhitespace()
            try scanner.skipValue()
            return
          }
          sawRecords = true
          guard try scanner.peekKind() == .array else {
            throw GatewayError(.invalidRequest, "\"records\" must be an array")
          }
          try scanner.forEachElement { (index, scanner) throws(GatewayError) in
            guard try scanner.peekKind() == .object else {
              throw GatewayError(.invalidRequest, "records[\(index)] must be an object")
            }
            var key: Range<Int>?
            var value: Range<Int>?
            var partition: Int32?
            try scanner.forEachMember { (member, scanner) throws(GatewayError) in
              switch member {
              case "value":
                value = try Self.readEmbedded(
                  "records[\(index)].value", from: &scanner, format: format, into: &records)
              case "key":
                key = try Self.readEmbedded(
                  "records[\(index)].key", from: &scanner, format: format, into: &records)
              case "partition":
                if try scanner.peekKind() == .null {
                  try scanner.skipValue()
                  return
                }
                let number = try scanner.readInt64("records[\(index)].partition")
                guard number >= 0, number <= Int64(Int32.max) else {
                  throw GatewayError(
                    .invalidArgument, "records[\(index)].partition must be ≥ 0, got \(number)")
                }
                partition = Int32(number)
              default:
                scanner.skipWhitespace()
                try scanner.skipValue()
              }
            }
            let storedValue = value ?? records.store(format == .json ? Array("null".utf8) : [])
            let size = storedValue.count + (key?.count ?? 0)
            guard size <= maxRecordBytes else {
              throw GatewayError(
                .recordTooLarge,
                "records[\(index)] is \(size) bytes (key + value); the limit is \(maxRecordBytes) bytes")
            }
            records.add(key: key, value: storedValue, partition: partition)
          }
        }
        try scanner.expectEnd()
      }
    }
    try result.get()
    guard sawRecords else { throw GatewayError(.invalidRequest, "the body has no \"records\" array") }
    guard !records.isEmpty else { throw GatewayError(.invalidRequest, "\"records\" may not be empty") }
    self.records = records
  }

  /// A key or value: `nil` for JSON null (with the binary format, too).
  private static func readEmbedded(
    _ place: String, from scanner: inout JSONScanner, format: EmbeddedFormat,
    into records: inout IncomingRecords
  ) throws(GatewayError) -> Range<Int>? {
    let kind = try scanner.peekKind()
    if kind == .null {
      try scanner.skipValue()
      return nil
    }
    switch format {
    case .json:
      return try scanner.skipValue()
    case .binary:
      guard kind == .string else {
        throw GatewayError(
          .invalidRequest, "\(place) must be a base64 string with the binary format, found \(kind.article)")
      }
      var text: [UInt8] = []
      try scanner.readString(into: &text)
      var decoded: [UInt8] = []
      guard Base64.decode(text, into: &decoded) else {
        throw GatewayError(.invalidRequest, "\(place) is not valid base64")
      }
      return records.store(decoded)
    }
  }
}
