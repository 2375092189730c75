public import SluiceCore

/// A typed, plain-data description of one transform step, as a job file states it; turn it
/// into a running operator with ``makeTransform()``.
///
/// Validation against actual columns happens when the job starts, through the transform's
/// `outputSchema(for:)`. The ``Codable`` form (see `OperatorSpec+Codable.swift`) is a
/// single-key object such as `{"clean": "pin"}` or `{"cast": {"column": "age", "to": "int32"}}`.
public enum OperatorSpec: Sendable, Hashable {
  /// ``Select``: keep and reorder.
  case select([String])
  /// ``Rename``: `from → to` pairs, applied simultaneously.
  case rename([Rename.Pair])
  /// ``Drop``.
  case drop([String])
  /// ``Cast`` of one column.
  case cast(column: String, to: DataType)
  /// ``NullIf``: whole-value placeholders → null, on some or all string columns.
  case nullIf(NullIf.Target, values: [String])
  /// ``StripPrefix``.
  case stripPrefix(column: String, prefix: String)
  /// ``ParseSuffixedNumber`` into `int32` or `int64`.
  case parseSuffixedNumber(column: String, as: DataType)
  /// ``Concat`` (concat_ws).
  case concat(columns: [String], separator: String, as: String)
  /// ``MakeList``.
  case makeList(columns: [String], as: String)
  /// ``Filter``.
  case filter(column: String, FilterPredicate)
  /// ``DropDuplicates`` within a batch; `nil` compares whole rows.
  case dropDuplicates([String]?)
  /// One of the Pinterest cleaners.
  case clean(CleanerKind)

  /// The operator this spec describes.
  public func makeTransform() -> any Transform {
    switch self {
    case .select(let columns): Select(columns: columns)
    case .rename(let pairs): Rename(pairs)
    case .drop(let columns): Drop(columns: columns)
    case .cast(let column, let type): Cast(column: column, to: type)
    case .nullIf(let target, let values): NullIf(target: target, values: values)
    case .stripPrefix(let column, let prefix): StripPrefix(column: column, prefix: prefix)
    case .parseSuffixedNumber(let column, let type): ParseSuffixedNumber(column: column, as: type)
    case .concat(let columns, let separator, let output):
      Concat(columns: columns, separator: separator, as: output)
    case .makeList(let columns, let output): MakeList(columns: columns, as: output)
    case .filter(let column, let predicate): Filter(column: column, predicate)
    case .dropDuplicates(let columns): DropDuplicates(columns: columns)
    case .clean(let kind): kind.makeCleaner()
    }
  }

  /// The job-file name of the operation (`select`, `cast`, `clean`, …).
  public var operation: String {
    switch self {
    case .select: "select"
    case .rename: "rename"
    case .drop: "drop"
    case .cast: "cast"
    case .nullIf: "nullIf"
    case .stripPrefix: "stripPrefix"
    case .parseSuffixedNumber: "parseSuffixedNumber"
    case .concat: "concat"
    case .makeList: "makeList"
    case .filter: "filter"
    case .dropDuplicates: "dropDuplicates"
    case .clean: "clean"
    }
  }

  /// All operation names, for "allowed values" in error messages.
  public static let operations = [
    "select", "rename", "drop", "cast", "nullIf", "stripPrefix", "parseSuffixedNumber", "concat",
    "makeList", "filter", "dropDuplicates", "clean",
  ]
}
