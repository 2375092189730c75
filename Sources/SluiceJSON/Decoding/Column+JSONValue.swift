import SluiceCore

extension Column {
  /// Appends the JSON value at the cursor as one slot of this column (kind `plan.kinds[k]`) and
  /// moves the cursor past it. On error the cursor is left inside the value; the caller rolls
  /// the column back with ``truncate(to:)``.
  @inline(__always)
  mutating func appendJSONValue(
    from cursor: inout JSONCursor, kindIndex k: Int, nullable: Bool, context ctx: FieldContext
  ) throws(JSONDecodingError) {
    try cursor.requireByte(expecting: "a value")
    let first = cursor.current
    if first == UInt8(ascii: "n") {
      try cursor.consumeLiteral("null")
      guard nullable else { throw ctx.nullNotAllowed() }
      appendNull()
      return
    }
    switch ctx.plan.kinds[k] {
    case .string:
      try appendJSONText(from: &cursor, first: first, context: ctx)
    case .int64:
      append(int64: try cursor.readInteger(ctx, kindIndex: k))
    case .int32:
      let value = try cursor.readInteger(ctx, kindIndex: k)
      guard let narrow = Int32(exactly: value) else {
        throw ctx.outOfRange(kindIndex: k, text: String(value))
      }
      append(int32: narrow)
    case .double:
      append(double: try cursor.readDouble(ctx, kindIndex: k))
    case .boolean:
      append(bool: try cursor.readBoolean(ctx, kindIndex: k))
    case .timestamp:
      append(int64: try cursor.readTimestamp(ctx, kindIndex: k))
    case .date:
      append(int32: try cursor.readDate(ctx, kindIndex: k))
    case .list:
      try appendJSONArray(from: &cursor, kindIndex: k, context: ctx)
    }
  }

  /// A string column: strings are copied (or unescaped) into ``bytes``; any other value keeps
  /// its JSON text (`437` → "437", `true` → "true", an object → its text as written).
  @inline(__always)
  private mutating func appendJSONText(from cursor: inout JSONCursor, first: UInt8, context ctx: FieldContext)
    throws(JSONDecodingError)
  {
    if first == UInt8(ascii: "\"") {
      cursor.position += 1
      let span = try cursor.scanStringBody()
      if span.escaped {
        cursor.appendUnescaped(span, to: &bytes)
        validity.append(true)
        offsets.append(Int32(truncatingIfNeeded: bytes.count))
      } else {
        append(utf8: cursor.rawBytes(span))
      }
      return
    }
    let start = cursor.position
    try cursor.skipValue(depth: ctx.depth, maxDepth: ctx.options.maxNestingDepth)
    append(utf8: UnsafeRawBufferPointer(start: cursor.base + start, count: cursor.position - start))
  }

  /// A list column: a JSON array whose elements go into `children[0]` (nulls not allowed).
  private mutating func appendJSONArray(
    from cursor: inout JSONCursor, kindIndex k: Int, context ctx: FieldContext
  )
    throws(JSONDecodingError)
  {
    guard cursor.current == UInt8(ascii: "[") else {
      throw ctx.mismatch(kindIndex: k, cursor: cursor, valueStart: cursor.position)
    }
    guard ctx.depth < ctx.options.maxNestingDepth else {
      throw cursor.malformed("nesting deeper than \(ctx.options.maxNestingDepth) levels")
    }
    cursor.position += 1
    cursor.skipWhitespace()
    try cursor.requireByte(expecting: "a value or ']'")
    if cursor.current != UInt8(ascii: "]") {
      let inner = ctx.nested()
      while true {
        try children[0].appendJSONValue(from: &cursor, kindIndex: k + 1, nullable: false, context: inner)
        cursor.skipWhitespace()
        try cursor.requireByte(expecting: "',' or ']'")
        let b = cursor.current
        if b == UInt8(ascii: "]") { break }
        guard b == UInt8(ascii: ",") else {
          throw cursor.malformed(
            "expected ',' or ']' after an array element, found \(cursor.describeByte(at: cursor.position))")
        }
        cursor.position += 1
        cursor.skipWhitespace()
      }
    }
    cursor.position += 1
    closeListSlot()
  }

  /// Drops every slot from `newCount` on, including list elements of an unclosed slot and
  /// string bytes not yet covered by an offset. Used to roll back a rejected record.
  mutating func truncate(to newCount: Int) {
    if validity.count > newCount { validity.removeLast(validity.count - newCount) }
    switch type {
    case .int32, .date:
      if int32Values.count > newCount { int32Values.removeLast(int32Values.count - newCount) }
    case .int64, .timestamp:
      if int64Values.count > newCount { int64Values.removeLast(int64Values.count - newCount) }
    case .double:
      if doubleValues.count > newCount { doubleValues.removeLast(doubleValues.count - newCount) }
    case .boolean:
      if boolValues.count > newCount { boolValues.removeLast(boolValues.count - newCount) }
    case .string:
      if offsets.count > newCount + 1 { offsets.removeLast(offsets.count - newCount - 1) }
      let byteCount = Int(offsets[newCount])
      if bytes.count > byteCount { bytes.removeLast(bytes.count - byteCount) }
    case .list:
      if offsets.count > newCount + 1 { offsets.removeLast(offsets.count - newCount - 1) }
      children[0].truncate(to: Int(offsets[newCount]))
    }
  }
}
