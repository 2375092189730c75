import SluiceCore

/// Checks a cleaner's input by column name and runs its fixed chain of operators, labelling
/// the result with the cleaner's published output schema.
struct CleanerChain {
  let cleaner: String
  let kind: String
  let output: Schema
  let steps: [any Transform]

  func outputSchema(for input: Schema) throws -> Schema {
    let produced = try steps.outputSchema(for: input)
    assert(produced.names == output.names && produced.fields.map(\.type) == output.fields.map(\.type))
    return output
  }

  func apply(_ batch: RecordBatch) throws -> RecordBatch {
    let result = try steps.apply(batch)
    return RecordBatch(unchecked: output, columns: result.columns)
  }
}

/// Looks up the input columns a cleaner needs, by name (input column order does not matter),
/// with errors that name the cleaner and say how to fix the input.
struct CleanerInput {
  let cleaner: String
  let kind: String
  let schema: Schema

  /// The type of `column`, which must be one of `accepted`.
  func type(of column: String, accepting accepted: [DataType]) throws(TransformError) -> DataType {
    guard let field = schema.field(named: column) else {
      let available = schema.names.isEmpty ? "(none)" : schema.names.joined(separator: ", ")
      throw TransformError(
        .missingColumn, transform: cleaner, column: column,
        message: "\(cleaner): the input has no column '\(column)', which the \(kind) cleaner needs; "
          + "available columns: \(available). Decode \(kind) events with the raw \(kind) schema "
          + "(PinterestSchemas.raw\(kind.prefix(1).uppercased() + kind.dropFirst())) or rename the column first."
      )
    }
    guard accepted.contains(field.type) else {
      throw TransformError(
        .wrongType, transform: cleaner, column: column,
        message: "\(cleaner): column '\(column)' is \(field.type) but the \(kind) cleaner accepts "
          + accepted.map(\.description).joined(separator: ", ")
          + ". Fix the decoder schema or add a 'cast' step before the cleaner.")
    }
    return field.type
  }

  /// `Cast(column, to: target)` when `type` differs from `target`, else nothing.
  static func cast(_ column: String, from type: DataType, to target: DataType) -> [any Transform] {
    type == target ? [] : [Cast(column: column, to: target)]
  }
}

extension CleanerInput {
  static let integerTypes: [DataType] = [.int64, .int32, .string]
  static let doubleTypes: [DataType] = [.double, .int64, .int32, .string]
  static let timestampTypes: [DataType] = [.timestamp, .string, .date]
  static let stringTypes: [DataType] = [.string]
}
