import SluiceCore

/// Why one action object could not be decoded (wrapped by the caller into a ``DeltaError`` that
/// names the file and line).
struct ActionDecodingError: Error, Sendable {
  let what: String
  init(_ what: String) { self.what = what }
}

/// Typed, error-reporting access to the fields of one action's JSON object.
///
/// Unknown fields are ignored (the protocol requires it); a missing required field or a field
/// of the wrong JSON type is reported with the action and field name.
struct ActionFields {
  let action: String
  let members: [(String, JSONValue)]

  init(_ value: JSONValue, action: String) throws(ActionDecodingError) {
    guard let members = value.objectMembers else {
      throw ActionDecodingError("'\(action)' must be a JSON object")
    }
    self.action = action
    self.members = members
  }

  /// The field's value; `nil` when absent or JSON `null`.
  func value(_ name: String) -> JSONValue? {
    guard let found = members.last(where: { $0.0 == name })?.1 else { return nil }
    if case .null = found { return nil }
    return found
  }

  func missing(_ name: String) -> ActionDecodingError {
    ActionDecodingError("'\(action)' has no '\(name)' field")
  }

  func wrongType(_ name: String, _ expected: String) -> ActionDecodingError {
    ActionDecodingError("'\(action).\(name)' must be \(expected)")
  }

  func string(_ name: String) throws(ActionDecodingError) -> String {
    guard let s = try optionalString(name) else { throw missing(name) }
    return s
  }

  func optionalString(_ name: String) throws(ActionDecodingError) -> String? {
    guard let v = value(name) else { return nil }
    guard let s = v.stringValue else { throw wrongType(name, "a string") }
    return s
  }

  func int(_ name: String) throws(ActionDecodingError) -> Int64 {
    guard let i = try optionalInt(name) else { throw missing(name) }
    return i
  }

  func optionalInt(_ name: String) throws(ActionDecodingError) -> Int64? {
    guard let v = value(name) else { return nil }
    guard let i = v.intValue else { throw wrongType(name, "an integer") }
    return i
  }

  func bool(_ name: String) throws(ActionDecodingError) -> Bool {
    guard let b = try optionalBool(name) else { throw missing(name) }
    return b
  }

  func optionalBool(_ name: String) throws(ActionDecodingError) -> Bool? {
    guard let v = value(name) else { return nil }
    guard let b = v.boolValue else { throw wrongType(name, "true or false") }
    return b
  }

  func optionalStrings(_ name: String) throws(ActionDecodingError) -> [String]? {
    guard let v = value(name) else { return nil }
    guard let items = v.arrayValue else { throw wrongType(name, "an array of strings") }
    var result: [String] = []
    for item in items {
      guard let s = item.stringValue else { throw wrongType(name, "an array of strings") }
      result.append(s)
    }
    return result
  }

  func optionalMap(_ name: String) throws(ActionDecodingError) -> DeltaMap? {
    guard let v = value(name) else { return nil }
    return try DeltaMap.decode(v, field: action + "." + name)
  }
}
