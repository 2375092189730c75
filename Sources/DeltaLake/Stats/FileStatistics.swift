public import SluiceCore

/// The `stats` of an `add` action: `{"numRecords":N,"minValues":{...},"maxValues":{...},
/// "nullCount":{...}}`, serialized into a string in the log.
///
/// Value forms (Delta "Per-file Statistics"): numbers as JSON numbers; strings as JSON strings,
/// truncated to their first 32 characters for `minValues` and left out of `maxValues` when
/// longer (a truncated maximum would be smaller than the real one); dates `YYYY-MM-DD`;
/// timestamps ISO-8601 UTC with milliseconds (`2024-01-01T12:00:00.123Z`) — the minimum rounded
/// down and the maximum rounded up to the millisecond, so the bounds stay bounds. Booleans and
/// lists get a null count only. Columns whose values are all null get no min/max.
public struct FileStatistics: Sendable, Hashable {
  public var numRecords: Int64
  /// JSON object column → value.
  public var minValues: JSONValue
  public var maxValues: JSONValue
  /// JSON object column → null count.
  public var nullCount: JSONValue

  public init(
    numRecords: Int64, minValues: JSONValue = .object([]), maxValues: JSONValue = .object([]),
    nullCount: JSONValue = .object([])
  ) {
    self.numRecords = numRecords
    self.minValues = minValues
    self.maxValues = maxValues
    self.nullCount = nullCount
  }

  /// Longest string kept in `minValues` (Spark's default prefix length).
  public static let stringPrefixLength = 32

  /// Statistics for a file of `numRecords` rows from its column summaries.
  public init(numRecords: Int64, columns: [ColumnSummary]) {
    var mins: [(String, JSONValue)] = []
    var maxes: [(String, JSONValue)] = []
    var nulls: [(String, JSONValue)] = []
    for column in columns {
      nulls.append((column.name, .int(column.nullCount)))
      if let min = column.min, let json = Self.bound(min, roundUp: false) { mins.append((column.name, json)) }
      if let max = column.max, let json = Self.bound(max, roundUp: true) { maxes.append((column.name, json)) }
    }
    self.init(
      numRecords: numRecords, minValues: .object(mins), maxValues: .object(maxes), nullCount: .object(nulls))
  }

  /// The JSON form of a bound, or `nil` when the value gets no bound.
  static func bound(_ value: Value, roundUp: Bool) -> JSONValue? {
    switch value {
    case .null, .boolean, .list: return nil
    case .int32(let v): return .int(Int64(v))
    case .int64(let v): return .int(v)
    case .double(let v): return v.isFinite ? .double(v) : nil
    case .date(let days): return .string(Timestamp.isoDateString(days: days))
    case .timestamp(let micros):
      var millis = micros >= 0 ? micros / 1000 : (micros - 999) / 1000
      if roundUp, millis * 1000 != micros { millis += 1 }
      return .string(isoMillis(millis))
    case .string(let s):
      guard s.count > stringPrefixLength else { return .string(s) }
      return roundUp ? nil : .string(String(s.prefix(stringPrefixLength)))
    }
  }

  /// `YYYY-MM-DDTHH:MM:SS.mmmZ`.
  public static func isoMillis(_ millis: Int64) -> String {
    let whole = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
    let fraction = Int(millis - whole * 1000)
    let base = Timestamp.isoString(micros: whole * 1_000_000)
    let digits = String(fraction)
    return base + "." + String(repeating: "0", count: 3 - digits.count) + digits + "Z"
  }

  public var json: JSONValue {
    .object([
      ("numRecords", .int(numRecords)), ("minValues", minValues), ("maxValues", maxValues),
      ("nullCount", nullCount),
    ])
  }

  /// The string stored in `add.stats`.
  public var jsonString: String { json.compact }

  /// Parses an `add.stats` string.
  public static func parse(_ text: String) throws(DeltaError) -> FileStatistics {
    let value: JSONValue
    do {
      value = try JSONValue.parse(text)
    } catch {
      throw DeltaError(.corruptCommit, "file statistics are not valid JSON: \(error.message)")
    }
    guard let records = value["numRecords"]?.intValue else {
      throw DeltaError(.corruptCommit, "file statistics have no numRecords: \(text.prefix(120))")
    }
    return FileStatistics(
      numRecords: records, minValues: value["minValues"] ?? .object([]),
      maxValues: value["maxValues"] ?? .object([]), nullCount: value["nullCount"] ?? .object([]))
  }
}
