/// Tolerance settings of ``JSONRecordDecoder``. The defaults accept every producer variant of
/// the Pinterest pipeline (native numbers, stringified numbers, both timestamp spellings).
public struct JSONDecodingOptions: Sendable, Hashable {
  /// What a JSON **number** in a `timestamp` column counts.
  public enum NumericTimestampUnit: String, Sendable, Hashable, CaseIterable {
    /// Epoch seconds (fractions allowed, truncated to microseconds).
    case seconds
    /// Epoch milliseconds, like Kafka record timestamps and `Date.getTime()` (the default).
    case milliseconds
    /// Epoch microseconds (the column's own unit).
    case microseconds
    /// Numbers are not accepted for timestamps; only date-time strings are.
    case reject
  }

  /// What happens when an object names the same schema field twice.
  public enum DuplicateFieldPolicy: String, Sendable, Hashable, CaseIterable {
    /// The last occurrence wins, like Python's `json.loads` and JavaScript (the default).
    case lastWins
    /// The first occurrence wins; later ones are syntax-checked and skipped.
    case firstWins
    /// The record is rejected.
    case reject
  }

  /// Unit of JSON numbers in `timestamp` columns. Default: ``NumericTimestampUnit/milliseconds``.
  public var numericTimestampUnit: NumericTimestampUnit
  /// Default: ``DuplicateFieldPolicy/lastWins``.
  public var duplicateFields: DuplicateFieldPolicy
  /// Accept numeric strings (`"7528"`, `"-89.9787"`) for int32/int64/double columns and
  /// `"true"`/`"false"`/`"0"`/`"1"` for boolean columns. Default `true`.
  public var acceptsNumericStrings: Bool
  /// Deepest nesting of arrays/objects accepted (also inside skipped unknown fields).
  public var maxNestingDepth: Int

  public init(
    numericTimestampUnit: NumericTimestampUnit = .milliseconds,
    duplicateFields: DuplicateFieldPolicy = .lastWins,
    acceptsNumericStrings: Bool = true,
    maxNestingDepth: Int = 128
  ) {
    self.numericTimestampUnit = numericTimestampUnit
    self.duplicateFields = duplicateFields
    self.acceptsNumericStrings = acceptsNumericStrings
    self.maxNestingDepth = maxNestingDepth
  }
}
