public import SluiceCore

/// The differences between a table's schema and a batch's schema, for the `schemaMismatch`
/// message (schema evolution comes later: any difference refuses the write).
public struct SchemaDifference: Sendable, Hashable, CustomStringConvertible {
  /// One line per difference, e.g. `column 'id': table has long, batch has string`.
  public let lines: [String]

  public var isEmpty: Bool { lines.isEmpty }

  /// Compares names, order, types and nullability. A batch column that is declared not-null
  /// fits a nullable table column; the reverse is a difference.
  public init(table: Schema, batch: Schema) {
    var lines: [String] = []
    for field in table.fields {
      guard let other = batch.field(named: field.name) else {
        lines.append("column '\(field.name)' (\(Self.name(field.type))) is missing from the batch")
        continue
      }
      if other.type != field.type {
        lines.append(
          "column '\(field.name)': table has \(Self.name(field.type)), batch has \(Self.name(other.type))")
      } else if !field.nullable && other.nullable {
        lines.append("column '\(field.name)': table says not null, batch allows nulls")
      }
    }
    for field in batch.fields where table.field(named: field.name) == nil {
      lines.append("column '\(field.name)' (\(Self.name(field.type))) is not in the table")
    }
    if lines.isEmpty, table.names != batch.names {
      lines.append(
        "column order differs: table (\(table.names.joined(separator: ", "))), batch (\(batch.names.joined(separator: ", ")))"
      )
    }
    self.lines = lines
  }

  static func name(_ type: DataType) -> String {
    switch type {
    case .list(let element): "array<\(name(element))>"
    default: DeltaSchema.typeJSON(type).stringValue ?? type.description
    }
  }

  public var description: String { lines.joined(separator: "; ") }
}
