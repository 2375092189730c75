import SluiceCore

/// A conversion applied to decoded physical values to reach the SluiceCore representation.
enum ValueConversion: Sendable, Hashable {
  case none
  case millisToMicros
  case nanosToMicros
  /// INT96 (nanos of day + Julian day) to microseconds since the epoch.
  case int96ToMicros
  case floatToDouble
  /// Unsigned 32-bit integers (INT32 annotated UINT_32) widened to `int64`.
  case unsignedToInt64
}

/// How one top-level Parquet field is read into a SluiceCore column: which leaf holds its values,
/// their physical and target types, and the level structure (flat or list).
struct ColumnPlan: Sendable {
  enum Shape: Sendable, Hashable {
    case flat
    /// A list: `present` is the definition level at which the list is non-null, `element` the
    /// level at which an element slot exists; a value exists at the leaf's maximum level.
    case list(present: Int, element: Int)
  }

  let field: Field
  let leafIndex: Int
  let leafPath: [String]
  let physicalType: PhysicalType
  let valueType: DataType
  let conversion: ValueConversion
  let maxDefinitionLevel: Int
  let maxRepetitionLevel: Int
  let shape: Shape

  /// Plans a top-level node, or explains why it cannot be read.
  static func plan(_ node: SchemaTree.Node) throws(ParquetError) -> ColumnPlan {
    let name = node.name
    if node.isLeaf {
      let (type, conversion) = try valueKind(node.element, column: name)
      if node.repetition == .repeated {
        // Legacy one-level list: `repeated int32 name`.
        return ColumnPlan(
          field: Field(name, .list(type), nullable: false), leafIndex: node.leafIndex!, leafPath: node.path,
          physicalType: node.element.type!, valueType: type, conversion: conversion,
          maxDefinitionLevel: node.definitionLevel, maxRepetitionLevel: node.repetitionLevel,
          shape: .list(present: 0, element: node.definitionLevel))
      }
      return ColumnPlan(
        field: Field(name, type, nullable: node.repetition == .optional), leafIndex: node.leafIndex!,
        leafPath: node.path, physicalType: node.element.type!, valueType: type, conversion: conversion,
        maxDefinitionLevel: node.definitionLevel, maxRepetitionLevel: node.repetitionLevel, shape: .flat)
    }
    let isList = node.element.logicalType == .list || node.element.convertedType == .list
    guard isList else {
      let kind =
        node.element.logicalType == .map || node.element.convertedType == .map
          || node.element.convertedType == .mapKeyValue ? "a MAP" : "a struct (group)"
      throw .unsupported("column \(name) is \(kind); only primitive and LIST columns can be read")
    }
    guard node.repetition != .repeated, node.children.count == 1, node.children[0].repetition == .repeated
    else {
      throw .unsupported("column \(name) is a LIST group without exactly one repeated child")
    }
    let repeated = node.children[0]
    let element: SchemaTree.Node
    if repeated.isLeaf {
      element = repeated  // two-level list: `repeated int32 element`
    } else if repeated.children.count == 1 && repeated.name != "array" && repeated.name != name + "_tuple" {
      element = repeated.children[0]  // three-level list
    } else {
      throw .unsupported("column \(name) is a list of structs; only lists of primitive values can be read")
    }
    guard element.isLeaf else {
      throw .unsupported(
        "column \(name) is a list of nested values; only lists of primitive values can be read")
    }
    guard element.repetition != .repeated || element.path == repeated.path else {
      throw .unsupported("column \(name) has a repeated list element")
    }
    let (type, conversion) = try valueKind(element.element, column: name)
    return ColumnPlan(
      field: Field(name, .list(type), nullable: node.repetition == .optional), leafIndex: element.leafIndex!,
      leafPath: element.path, physicalType: element.element.type!, valueType: type, conversion: conversion,
      maxDefinitionLevel: element.definitionLevel, maxRepetitionLevel: element.repetitionLevel,
      shape: .list(present: node.definitionLevel, element: repeated.definitionLevel))
  }

  /// The SluiceCore type of a primitive Parquet element and the conversion it needs.
  static func valueKind(_ element: SchemaElement, column: String) throws(ParquetError) -> (
    DataType, ValueConversion
  ) {
    let physical = element.type ?? .byteArray
    let logical = element.logicalType
    let converted = element.convertedType
    func unsupported(_ what: String) -> ParquetError {
      .unsupported(
        "column \(column) has type \(physical)\(what.isEmpty ? "" : " " + what), which Sluice cannot read")
    }
    if case .decimal = logical { throw unsupported("DECIMAL") }
    if converted == .decimal { throw unsupported("DECIMAL") }
    switch physical {
    case .boolean: return (.boolean, .none)
    case .int32:
      switch (logical, converted) {
      case (.date, _), (nil, .date?): return (.date, .none)
      case (.integer(_, false), _):
        return element.logicalType == .integer(bitWidth: 32, isSigned: false)
          ? (.int64, .unsignedToInt64) : (.int32, .none)
      case (nil, .uint32?): return (.int64, .unsignedToInt64)
      case (.time, _), (nil, .timeMillis?): throw unsupported("TIME")
      case (nil, _), (.integer, _), (.unknown, _): return (.int32, .none)
      default: throw unsupported("annotated \(logical.map { "\($0)" } ?? "\(converted?.rawValue ?? -1)")")
      }
    case .int64:
      switch (logical, converted) {
      case (.timestamp(_, .micros), _), (nil, .timestampMicros?): return (.timestamp, .none)
      case (.timestamp(_, .millis), _), (nil, .timestampMillis?): return (.timestamp, .millisToMicros)
      case (.timestamp(_, .nanos), _): return (.timestamp, .nanosToMicros)
      case (.integer(_, false), _), (nil, .uint64?): throw unsupported("UINT64")
      case (.time, _), (nil, .timeMicros?): throw unsupported("TIME")
      case (nil, _), (.integer, _), (.unknown, _): return (.int64, .none)
      default: throw unsupported("annotated \(logical.map { "\($0)" } ?? "\(converted?.rawValue ?? -1)")")
      }
    case .int96: return (.timestamp, .int96ToMicros)
    case .float: return (.double, .floatToDouble)
    case .double: return (.double, .none)
    case .byteArray:
      switch (logical, converted) {
      case (.string, _), (.enumeration, _), (.json, _), (nil, .utf8?), (nil, .enumeration?), (nil, .json?):
        return (.string, .none)
      default: throw unsupported("without a STRING annotation (binary)")
      }
    default: throw unsupported("")
    }
  }
}
