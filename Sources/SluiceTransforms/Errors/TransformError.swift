import SluiceCore

/// The one error type of `SluiceTransforms`: a stable ``Code`` to branch on plus a message that
/// names the transform, the column and what to change.
///
/// Transforms throw it from `outputSchema(for:)` (checked once when a job starts) and from
/// `apply(_:)` when a batch does not match what the transform was configured for. Never match
/// on ``message``; use ``code``.
public struct TransformError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What kind of problem occurred.
  public struct Code: Sendable, Hashable, CustomStringConvertible {
    let name: String
    public var description: String { name }
    /// A column the transform needs is not in its input.
    public static let missingColumn = Code(name: "missingColumn")
    /// A column exists but has a type the transform cannot work with.
    public static let wrongType = Code(name: "wrongType")
    /// The transform would produce two columns with the same name.
    public static let duplicateColumn = Code(name: "duplicateColumn")
    /// `cast` between two types that have no conversion.
    public static let unsupportedCast = Code(name: "unsupportedCast")
    /// A configuration value is unusable (empty column list, null literal, …).
    public static let invalidArgument = Code(name: "invalidArgument")
  }

  public let code: Code
  /// The `name` of the transform that failed, e.g. `cast` or `clean:pin`.
  public let transform: String
  /// The column concerned, when there is one.
  public let column: String?
  /// A complete sentence for the user: what failed, where, and what to do.
  public let message: String

  public init(_ code: Code, transform: String, column: String?, message: String) {
    self.code = code
    self.transform = transform
    self.column = column
    self.message = message
  }

  public var description: String { message }
}

extension TransformError {
  static func missingColumn(_ column: String, transform: String, available: [String]) -> TransformError {
    let list = available.isEmpty ? "(none)" : available.joined(separator: ", ")
    return TransformError(
      .missingColumn, transform: transform, column: column,
      message: "\(transform): the input has no column '\(column)'; available columns: \(list). "
        + "Check the spelling (names are case-sensitive) or add an earlier step that produces it.")
  }

  static func wrongType(
    _ column: String, transform: String, actual: DataType, expected: String
  ) -> TransformError {
    TransformError(
      .wrongType, transform: transform, column: column,
      message: "\(transform): column '\(column)' is \(actual) but this transform needs \(expected). "
        + "Add a 'cast' step before it or pick another column.")
  }

  static func duplicateColumn(_ column: String, transform: String, reason: String) -> TransformError {
    TransformError(
      .duplicateColumn, transform: transform, column: column,
      message: "\(transform): column '\(column)' would appear twice (\(reason)). "
        + "Column names must be unique; rename or drop one of them.")
  }

  static func invalidArgument(_ transform: String, column: String?, _ problem: String) -> TransformError {
    TransformError(
      .invalidArgument, transform: transform, column: column, message: "\(transform): \(problem)")
  }
}
