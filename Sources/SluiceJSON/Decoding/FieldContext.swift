/// What the value decoders need to know about the field they are filling: which field (for
/// messages), the plan, the options and the current nesting depth.
struct FieldContext {
  unowned(unsafe) let plan: DecodePlan
  let options: JSONDecodingOptions
  let field: Int
  let depth: Int

  var fieldName: String { plan.fieldName(field) }

  func nested() -> FieldContext {
    FieldContext(plan: plan, options: options, field: field, depth: depth + 1)
  }

  /// `field 'index': expected int64, found string "abc"`; or, when the value is not even valid
  /// JSON, the syntax error (a malformed value is reported as such, not as a wrong type).
  func mismatch(kindIndex: Int, cursor: JSONCursor, valueStart: Int) -> JSONDecodingError {
    var probe = cursor
    probe.position = valueStart
    do throws(JSONDecodingError) {
      try probe.skipValue(depth: depth, maxDepth: options.maxNestingDepth)
    } catch {
      return error
    }
    let element = depth > 1 ? " list element" : ""
    return JSONDecodingError(
      .typeMismatch,
      "field '\(fieldName)': expected \(plan.typeNames[kindIndex])\(element), found "
        + cursor.describeValue(at: valueStart))
  }

  /// `field 'index': 3000000000 is out of range for int32`.
  func outOfRange(kindIndex: Int, text: String) -> JSONDecodingError {
    JSONDecodingError(
      .outOfRange, "field '\(fieldName)': \(text) is out of range for \(plan.typeNames[kindIndex])")
  }

  func nullNotAllowed() -> JSONDecodingError {
    if depth > 1 {
      return JSONDecodingError(
        .nullNotAllowed, "field '\(fieldName)': list elements must not be null")
    }
    return JSONDecodingError(
      .nullNotAllowed, "field '\(fieldName)': null is not allowed (the field is not nullable)")
  }
}

extension JSONCursor {
  /// A short description of the JSON value starting at `start`: `string "abc"`, `number 1.5`,
  /// `true`, `an object`, ... (error path only).
  func describeValue(at start: Int) -> String {
    guard start < count else { return "end of record" }
    var probe = self
    probe.position = start
    switch base[start] {
    case UInt8(ascii: "\""):
      probe.position += 1
      if let span = try? probe.scanStringBody() { return "string " + excerpt(span) }
      return "an unterminated string"
    case UInt8(ascii: "{"): return "an object"
    case UInt8(ascii: "["): return "an array"
    case UInt8(ascii: "t"): return "true"
    case UInt8(ascii: "f"): return "false"
    case UInt8(ascii: "n"): return "null"
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      if let number = try? probe.scanNumber() { return "number " + number.text(base) }
      return "an invalid number"
    default:
      return describeByte(at: start)
    }
  }
}
