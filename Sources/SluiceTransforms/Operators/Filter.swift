public import SluiceCore

/// Keeps the rows whose ``column`` satisfies ``predicate`` (see ``FilterPredicate`` for the
/// null and literal rules); row order is preserved and the schema is unchanged. When every row
/// passes, the batch is returned without copying.
public struct Filter: Transform, Hashable {
  public let column: String
  public let predicate: FilterPredicate

  public init(column: String, _ predicate: FilterPredicate) {
    self.column = column
    self.predicate = predicate
  }

  public var name: String { "filter" }

  public func outputSchema(for input: Schema) throws -> Schema {
    _ = try plan(for: input)
    return input
  }

  public func apply(_ batch: RecordBatch) throws -> RecordBatch {
    let (index, literals) = try plan(for: batch.schema)
    let column = batch.columns[index]
    let n = batch.count
    var keep = [Bool](repeating: false, count: n)
    var kept = 0
    for row in 0..<n {
      let valid = column.validity[row]
      let pass: Bool
      switch predicate {
      case .isNull: pass = !valid
      case .isNotNull: pass = valid
      case .equals: pass = valid && literals[0].matches(column, row)
      case .notEquals: pass = valid && !literals[0].matches(column, row)
      case .in: pass = valid && literals.contains { $0.matches(column, row) }
      }
      keep[row] = pass
      if pass { kept += 1 }
    }
    return kept == n ? batch : batch.filter(keep)
  }

  func plan(for input: Schema) throws(TransformError) -> (index: Int, literals: [FilterLiteral]) {
    let index = try input.requireIndex(of: column, transform: name)
    let type = input[index].type
    let values: [Value]
    switch predicate {
    case .isNull, .isNotNull: return (index, [])
    case .equals(let value), .notEquals(let value): values = [value]
    case .in(let list):
      guard !list.isEmpty else {
        throw .invalidArgument(name, column: column, "the 'in' list is empty; give at least one value.")
      }
      values = list
    }
    guard !type.isList else {
      throw .invalidArgument(
        name, column: column, "column '\(column)' is \(type); only isNull / isNotNull work on lists.")
    }
    let literals = try values.map { (value) throws(TransformError) -> FilterLiteral in
      guard value != .null else {
        throw .invalidArgument(
          name, column: column, "comparing with null never matches; use isNull or isNotNull instead.")
      }
      guard let literal = FilterLiteral(value, for: type) else {
        throw .invalidArgument(
          name, column: column,
          "the value \(value) does not fit column '\(column)' of type \(type); "
            + "write a \(type) value.")
      }
      return literal
    }
    return (index, literals)
  }
}
