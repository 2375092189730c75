public import SluiceCore

/// The string form of partition values in `add.partitionValues` (Delta "Partition Value
/// Serialization") and back.
///
/// Numbers as decimal text, booleans `true`/`false`, dates `YYYY-MM-DD`, timestamps
/// `YYYY-MM-DD HH:MM:SS[.ffffff]` in UTC (the form delta-rs writes; ISO-8601 with a zone is also
/// read). Null is `nil`; an empty string reads as null, as the protocol says.
public enum PartitionValueText {
  /// The text for `value`, or `nil` for null. Lists cannot be partition values.
  public static func format(_ value: Value) -> String? {
    switch value {
    case .null: nil
    case .string(let s): s
    case .int32(let v): String(v)
    case .int64(let v): String(v)
    case .double(let v): String(v)
    case .boolean(let v): v ? "true" : "false"
    case .date(let days): Timestamp.isoDateString(days: days)
    case .timestamp(let micros): formatTimestamp(micros)
    case .list: nil
    }
  }

  /// `YYYY-MM-DD HH:MM:SS[.ffffff]`.
  public static func formatTimestamp(_ micros: Int64) -> String {
    var text = Timestamp.isoString(micros: micros)
    if let t = text.firstIndex(of: "T") { text.replaceSubrange(t...t, with: " ") }
    return text
  }

  /// Parses partition text for a column of `type`; throws when the text does not fit.
  public static func parse(_ text: String?, as type: DataType, column: String) throws(DeltaError) -> Value {
    guard let text, !text.isEmpty else { return .null }
    let value: Value? =
      switch type {
      case .string: .string(text)
      case .int32: Int32(text).map { .int32($0) }
      case .int64: Int64(text).map { .int64($0) }
      case .double: Double(text).map { .double($0) }
      case .boolean:
        text.lowercased() == "true" ? .boolean(true) : text.lowercased() == "false" ? .boolean(false) : nil
      case .date: Timestamp.parseMicros(text).map { .date(Int32(floorDays($0))) }
      case .timestamp: Timestamp.parseMicros(text).map { .timestamp($0) }
      case .list: nil
      }
    guard let value else {
      throw DeltaError(
        .corruptCommit, "partition value '\(text)' of column '\(column)' is not a valid \(type)")
    }
    return value
  }

  static func floorDays(_ micros: Int64) -> Int64 {
    let day: Int64 = 86_400_000_000
    return micros >= 0 ? micros / day : (micros - day + 1) / day
  }
}
