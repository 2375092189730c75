import SluiceCore

/// The mutable state of one `decode` call: the schema's columns, filled one record (= one row)
/// at a time, plus per-field bookkeeping of which fields the current record has set.
///
/// Invariant between records: every column holds exactly ``rows`` slots. A record that fails
/// leaves no trace (``appendRecord(_:)`` rolls every column back).
struct ColumnFiller {
  let plan: DecodePlan
  let options: JSONDecodingOptions
  var columns: [Column]
  private(set) var rows = 0
  /// `seenStamp[f] == stamp` ⇔ field `f` was set by the current record.
  private var seenStamp: [Int]
  private var stamp = 0

  /// Bytes each column's values take so far (0 for columns that are not strings).
  var stringByteCounts: [Int] { columns.map { $0.type == .string ? $0.bytes.count : 0 } }

  /// Reserves each string column's bytes for `records` records, projected from the bytes
  /// (``stringByteCounts``) that the first `sample` records took, plus an eighth of headroom.
  mutating func reserveStringBytes(sampleBytes: [Int], sample: Int, records: Int) {
    guard sample > 0 else { return }
    for c in columns.indices where columns[c].type == .string {
      let projected = sampleBytes[c] / sample * records
      columns[c].bytes.reserveCapacity(projected + projected / 8)
    }
  }

  init(plan: DecodePlan, options: JSONDecodingOptions, capacity: Int) {
    self.plan = plan
    self.options = options
    columns = plan.schema.fields.map { Column(type: $0.type, capacity: capacity) }
    seenStamp = Array(repeating: 0, count: plan.fieldCount)
  }

  /// Decodes one JSON object into one new row, or throws and leaves the columns unchanged.
  mutating func appendRecord(_ bytes: UnsafeRawBufferPointer) throws(JSONDecodingError) {
    stamp += 1
    do throws(JSONDecodingError) {
      try fillRow(bytes)
    } catch {
      for c in columns.indices { columns[c].truncate(to: rows) }
      throw error
    }
    rows += 1
  }

  private mutating func fillRow(_ bytes: UnsafeRawBufferPointer) throws(JSONDecodingError) {
    guard !bytes.isEmpty else {
      throw JSONDecodingError(.notAnObject, "not a JSON object (the record is empty)")
    }
    var cursor = JSONCursor(bytes)
    cursor.skipWhitespace()
    guard !cursor.atEnd else {
      throw JSONDecodingError(.notAnObject, "not a JSON object (the record is only whitespace)")
    }
    guard cursor.current == UInt8(ascii: "{") else {
      let start = cursor.position
      try cursor.skipValue(depth: 0, maxDepth: options.maxNestingDepth)  // malformed text says so
      throw JSONDecodingError(.notAnObject, "not a JSON object (found \(cursor.describeValue(at: start)))")
    }
    cursor.position += 1
    cursor.skipWhitespace()
    try cursor.requireByte(expecting: "an object key or '}'")
    if cursor.current == UInt8(ascii: "}") {
      cursor.position += 1
    } else {
      try fillMembers(&cursor)
    }
    cursor.skipWhitespace()
    guard cursor.atEnd else {
      throw cursor.malformed(
        "unexpected \(cursor.describeByte(at: cursor.position)) after the end of the object")
    }
    for f in 0..<plan.fieldCount where seenStamp[f] != stamp {
      guard plan.fields[f].nullable else {
        throw JSONDecodingError(
          .nullNotAllowed, "field '\(plan.fieldName(f))' is missing (the field is not nullable)")
      }
      columns[f].appendNull()
    }
  }

  /// Reads `"key": value` members up to and including the closing `}`.
  private mutating func fillMembers(_ cursor: inout JSONCursor) throws(JSONDecodingError) {
    var expected = 0
    while true {
      try cursor.requireByte(expecting: "an object key")
      guard cursor.current == UInt8(ascii: "\"") else {
        throw cursor.malformed(
          "expected '\"' to start an object key, found \(cursor.describeByte(at: cursor.position))")
      }
      cursor.position += 1
      let key = try cursor.scanStringBody()
      let field =
        key.escaped
        ? lookupEscapedKey(key, cursor) : plan.lookup(cursor.base + key.start, key.length, expected: expected)
      cursor.skipWhitespace()
      try cursor.requireByte(expecting: "':' after object key")
      guard cursor.current == UInt8(ascii: ":") else {
        throw cursor.malformed("expected ':' after object key")
      }
      cursor.position += 1
      cursor.skipWhitespace()
      if field >= 0 {
        try fillField(field, &cursor)
        expected = field + 1
      } else {
        try cursor.skipValue(depth: 1, maxDepth: options.maxNestingDepth)
      }
      cursor.skipWhitespace()
      try cursor.requireByte(expecting: "',' or '}'")
      let b = cursor.current
      cursor.position += 1
      if b == UInt8(ascii: ",") {
        cursor.skipWhitespace()
        continue
      }
      if b == UInt8(ascii: "}") { return }
      cursor.position -= 1
      throw cursor.malformed(
        "expected ',' or '}' after an object member, found \(cursor.describeByte(at: cursor.position))")
    }
  }

  @inline(__always)
  private mutating func fillField(_ f: Int, _ cursor: inout JSONCursor) throws(JSONDecodingError) {
    if seenStamp[f] == stamp {
      switch options.duplicateFields {
      case .lastWins:
        columns[f].truncate(to: rows)
      case .firstWins:
        try cursor.skipValue(depth: 1, maxDepth: options.maxNestingDepth)
        return
      case .reject:
        throw JSONDecodingError(.duplicateField, "field '\(plan.fieldName(f))' appears more than once")
      }
    }
    seenStamp[f] = stamp
    let planned = plan.fields[f]
    let context = FieldContext(plan: plan, options: options, field: f, depth: 1)
    try columns[f].appendJSONValue(
      from: &cursor, kindIndex: planned.kindIndex, nullable: planned.nullable, context: context)
  }

  /// A key written with escapes (`"\u0069ndex"`): unescape, then look it up (rare path).
  private func lookupEscapedKey(_ key: StringSpan, _ cursor: JSONCursor) -> Int {
    var name: [UInt8] = []
    cursor.appendUnescaped(key, to: &name)
    return name.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else {
        return plan.lookup(cursor.base, 0, expected: plan.fieldCount)
      }
      return plan.lookup(base, buffer.count, expected: plan.fieldCount)
    }
  }
}
