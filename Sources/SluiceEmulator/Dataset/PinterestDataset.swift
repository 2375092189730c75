/// The emulator's synthetic `pinterest_data` database: `rowCount` posts whose pin, geo and user
/// rows are pure functions of (`datasetSeed`, row number), so row *i* is the same every time it
/// is read, in every process, without storing anything.
///
/// Shape of the data (spec §1, §5): 13 categories with matching save locations, UUID v4 ids,
/// titles and descriptions from word lists (with non-ASCII text, emoji, entities, long
/// descriptions cut to ~179 characters + `…` (+ U+00A0)), follower counts like `"437"`,
/// `"5k"`, `"6M"`, `"0"`, placeholders at realistic rates including the all-placeholder
/// multi-video rows, post times 2017-10…2022-10, ages 20…59, join dates 2015-10…2017-10. About
/// 45% of rows reuse the person (user row, coordinates and country) of another row, as the real
/// data does (ind 7528 and 3089 are the same user).
public struct PinterestDataset: Sendable {
  public let datasetSeed: UInt64
  public let rowCount: Int
  let vocabulary = PinterestVocabulary.shared

  enum Stream {
    static let pin: UInt64 = 1
    static let geo: UInt64 = 2
    static let personGeo: UInt64 = 3
    static let personUser: UInt64 = 4
    static let personMap: UInt64 = 5
    static let variant: UInt64 = 6
  }

  public init(datasetSeed: UInt64 = 100, rowCount: Int = 11_000) {
    precondition(rowCount > 0, "the dataset needs at least one row")
    self.datasetSeed = datasetSeed
    self.rowCount = rowCount
  }

  /// The variant row `row` is sent with: `requested` itself, or for ``ProducerVariant/mixed`` a
  /// fixed choice per row (≈70% majority, 20% iso, 10% stringly).
  public func variant(ofRow row: Int, requested: ProducerVariant) -> ProducerVariant {
    guard requested == .mixed else { return requested }
    var rng = SplitMix64(seed: datasetSeed, stream: Stream.variant, index: UInt64(row))
    let roll = rng.below(100)
    return roll < 70 ? .majority : roll < 90 ? .iso : .stringly
  }

  /// The person (user row, coordinates, country) of `row`: usually the row itself, sometimes
  /// another row's person.
  func person(ofRow row: Int) -> Int {
    var rng = SplitMix64(seed: datasetSeed, stream: Stream.personMap, index: UInt64(row))
    return rng.chance(0.45) ? rng.below(rowCount) : row
  }

  /// Appends row `row` of `kind` as one JSON object.
  public func append(_ kind: EventKind, row: Int, variant: ProducerVariant = .majority, to out: inout [UInt8])
  {
    var scratch: [UInt8] = []
    scratch.reserveCapacity(512)
    let style = WireStyle(self.variant(ofRow: row, requested: variant))
    switch kind {
    case .pin: writePin(row: row, style: style, scratch: &scratch, to: &out)
    case .geo: writeGeo(row: row, style: style, to: &out)
    case .user: writeUser(row: row, style: style, to: &out)
    }
  }

  /// The three records of row `row`.
  public func event(row: Int, variant: ProducerVariant = .majority) -> PinterestEvent {
    var event = PinterestEvent(index: row, pin: [], geo: [], user: [])
    var scratch: [UInt8] = []
    writeEvent(
      row: row, variant: variant, scratch: &scratch, pin: &event.pin, geo: &event.geo, user: &event.user)
    return event
  }

  func writeEvent(
    row: Int, variant: ProducerVariant, scratch: inout [UInt8], pin: inout [UInt8], geo: inout [UInt8],
    user: inout [UInt8]
  ) {
    let style = WireStyle(self.variant(ofRow: row, requested: variant))
    writePin(row: row, style: style, scratch: &scratch, to: &pin)
    writeGeo(row: row, style: style, to: &geo)
    writeUser(row: row, style: style, to: &user)
  }
}
