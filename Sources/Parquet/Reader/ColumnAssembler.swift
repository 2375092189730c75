import SluiceCore

/// Turns a ``LeafData`` (levels + dense non-null values) into the SluiceCore column of its
/// ``ColumnPlan``: nulls re-inserted for flat columns, offsets and validity built for lists.
enum ColumnAssembler {
  static func assemble(_ leaf: LeafData, _ plan: ColumnPlan, rows: Int) throws(ParquetError) -> Column {
    switch plan.shape {
    case .flat:
      let column = try flat(leaf, plan)
      guard column.count == rows else {
        throw .corrupt("column \(plan.field.name) has \(column.count) values for \(rows) rows")
      }
      return column
    case .list(let present, let element):
      return try list(leaf, plan, present: present, element: element, rows: rows)
    }
  }

  private static func flat(_ leaf: LeafData, _ plan: ColumnPlan) throws(ParquetError) -> Column {
    guard plan.maxDefinitionLevel > 0 else { return leaf.values }
    let maximum = UInt8(plan.maxDefinitionLevel)
    let validity = leaf.definitionLevels.map { $0 == maximum }
    return expand(leaf.values, validity: validity)
  }

  /// Spreads dense `values` over the slots where `validity` is true (nulls elsewhere).
  static func expand(_ values: Column, validity: [Bool]) -> Column {
    if values.count == validity.count { return values }
    var result = Column(type: values.type)
    result.validity = validity
    let count = validity.count
    switch values.type {
    case .int32, .date: result.int32Values = scatter(values.int32Values, validity, count)
    case .int64, .timestamp: result.int64Values = scatter(values.int64Values, validity, count)
    case .double: result.doubleValues = scatter(values.doubleValues, validity, count)
    case .boolean: result.boolValues = scatter(values.boolValues, validity, count)
    case .string:
      result.bytes = values.bytes
      var offsets = [Int32](repeating: 0, count: count + 1)
      var next = 1
      for slot in 0..<count {
        if validity[slot] {
          offsets[slot + 1] = values.offsets[next]
          next += 1
        } else {
          offsets[slot + 1] = offsets[slot]
        }
      }
      result.offsets = offsets
    case .list:
      break
    }
    return result
  }

  private static func scatter<T>(_ dense: [T], _ validity: [Bool], _ count: Int) -> [T] where T: Zeroable {
    var result = [T](repeating: T.zero, count: count)
    var next = 0
    for slot in 0..<count where validity[slot] {
      result[slot] = dense[next]
      next += 1
    }
    return result
  }

  private static func list(
    _ leaf: LeafData, _ plan: ColumnPlan, present: Int, element: Int, rows: Int
  ) throws(ParquetError) -> Column {
    let maximum = plan.maxDefinitionLevel
    let definitions = leaf.definitionLevels
    let repetitions = leaf.repetitionLevels
    let entries = leaf.entries
    guard plan.maxRepetitionLevel == 1, repetitions.count == entries,
      maximum == 0 || definitions.count == entries
    else {
      throw .corrupt("list column \(plan.field.name) has inconsistent level counts")
    }
    var column = Column(type: plan.field.type, capacity: rows)
    var elementValidity: [Bool] = []
    elementValidity.reserveCapacity(entries)
    var elementCount: Int32 = 0
    var open = false
    for index in 0..<entries {
      let definition = maximum == 0 ? 0 : Int(definitions[index])
      if repetitions[index] == 0 {
        if open { column.offsets.append(elementCount) }
        if definition < present {
          column.validity.append(false)
          open = false
          column.offsets.append(elementCount)
          continue
        }
        column.validity.append(true)
        open = true
      } else if !open {
        throw .corrupt(
          "list column \(plan.field.name): a repeated entry follows a null list at level \(index)")
      }
      if definition >= element {
        elementValidity.append(definition == maximum)
        elementCount += 1
      }
    }
    if open { column.offsets.append(elementCount) }
    guard column.count == rows else {
      throw .corrupt("list column \(plan.field.name) has \(column.count) lists for \(rows) rows")
    }
    let presentElements = elementValidity.reduce(0) { $0 + ($1 ? 1 : 0) }
    guard presentElements == leaf.values.count else {
      throw .corrupt(
        "list column \(plan.field.name): \(leaf.values.count) values for \(presentElements) elements")
    }
    column.children[0] = expand(leaf.values, validity: elementValidity)
    return column
  }
}

/// Types with a zero value for pre-sized buffers.
protocol Zeroable { static var zero: Self { get } }
extension Int32: Zeroable {}
extension Int64: Zeroable {}
extension Double: Zeroable {}
extension Bool: Zeroable { static var zero: Bool { false } }
