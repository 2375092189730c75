/// How a producer serialises a database row to JSON (spec §1.2). Field order is always the
/// database column order.
public enum ProducerVariant: String, CaseIterable, Sendable, Hashable {
  /// Native JSON numbers, timestamps `YYYY-MM-DD HH:MM:SS`; Python `json.dumps` defaults
  /// (`", "` / `": "` separators, non-ASCII written as `\uXXXX` escapes).
  case majority
  /// Native numbers, ISO timestamps `YYYY-MM-DDTHH:MM:SS` (`isoformat()`); modelled as a
  /// compact serialiser that writes non-ASCII text as raw UTF-8.
  case iso
  /// Every field stringified, like jbell22j (`"ind": "7528"`, `"latitude": "-89.9787"`),
  /// timestamps with a space, Python separators and `\uXXXX` escapes.
  case stringly
  /// Each database row is sent by one of the above, chosen deterministically from the row:
  /// about 70% majority, 20% iso, 10% stringly. Re-sent rows stay byte-identical.
  case mixed
}

/// The concrete formatting decisions of one (non-mixed) variant.
struct WireStyle {
  /// `,` / `:` instead of `, ` / `: `.
  var compact: Bool
  /// Non-ASCII characters written as `\uXXXX` escapes (Python's `ensure_ascii`).
  var asciiOnly: Bool
  /// Numbers written as JSON strings.
  var stringNumbers: Bool
  /// `T` between date and time instead of a space.
  var isoTimestamps: Bool

  init(_ variant: ProducerVariant) {
    switch variant {
    case .majority, .mixed:
      self.init(compact: false, asciiOnly: true, stringNumbers: false, isoTimestamps: false)
    case .iso:
      self.init(compact: true, asciiOnly: false, stringNumbers: false, isoTimestamps: true)
    case .stringly:
      self.init(compact: false, asciiOnly: true, stringNumbers: true, isoTimestamps: false)
    }
  }

  init(compact: Bool, asciiOnly: Bool, stringNumbers: Bool, isoTimestamps: Bool) {
    self.compact = compact
    self.asciiOnly = asciiOnly
    self.stringNumbers = stringNumbers
    self.isoTimestamps = isoTimestamps
  }
}
