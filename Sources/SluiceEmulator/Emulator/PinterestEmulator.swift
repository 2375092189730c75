public import SluiceCore

/// The AiCore posting emulator (spec §4.3) as a deterministic, fast event source.
///
/// Each step samples a row of the ``PinterestDataset`` **with replacement** using `seed` (so a
/// post is re-sent now and then, byte for byte identical, spec §1.4) and emits that row's pin,
/// geo and user records, which share `index`/`ind`. Same `seed`, `datasetSeed`, `rowCount` and
/// `variant` ⇒ the same byte stream on every run and platform.
///
/// Hot path: ``next(pin:geo:user:)`` appends into caller-owned buffers and allocates nothing
/// once they have grown.
public struct PinterestEmulator: Sendable {
  public static let pinTopic = "pinterest.pin"
  public static let geoTopic = "pinterest.geo"
  public static let userTopic = "pinterest.user"

  public let seed: UInt64
  public let variant: ProducerVariant
  public let dataset: PinterestDataset
  /// Events emitted so far.
  public private(set) var emitted = 0
  private var rng: SplitMix64
  private var scratch: [UInt8] = []

  public init(
    seed: UInt64, datasetSeed: UInt64 = 100, rowCount: Int = 11_000, variant: ProducerVariant = .mixed
  ) {
    self.seed = seed
    self.variant = variant
    dataset = PinterestDataset(datasetSeed: datasetSeed, rowCount: rowCount)
    rng = SplitMix64(seed: SplitMix64.mix(seed ^ 0x243F_6A88_85A3_08D3))
    scratch.reserveCapacity(512)
  }

  /// Samples the next row and appends its pin, geo and user records (one JSON object each, no
  /// separator) to the three buffers. Returns the row's index.
  @discardableResult
  public mutating func next(pin: inout [UInt8], geo: inout [UInt8], user: inout [UInt8]) -> Int {
    let row = rng.below(dataset.rowCount)
    emitted += 1
    dataset.writeEvent(row: row, variant: variant, scratch: &scratch, pin: &pin, geo: &geo, user: &user)
    return row
  }

  /// The next event with freshly allocated payloads (convenience; ``next(pin:geo:user:)`` is faster).
  public mutating func nextEvent() -> PinterestEvent {
    var event = PinterestEvent(index: 0, pin: [], geo: [], user: [])
    event.index = next(pin: &event.pin, geo: &event.geo, user: &event.user)
    return event
  }

  /// The next `count` events as raw records, one batch per kind, with offsets counting from
  /// `firstOffset` (partition 0, record timestamp `timestamp` ms). For tests and benchmarks.
  public mutating func rawRecords(count: Int, firstOffset: Int64 = 0, timestamp: Int64 = 0)
    -> (pin: RawRecords, geo: RawRecords, user: RawRecords)
  {
    var records = EventKind.allCases.map { _ in RawRecords(capacity: count, valueBytes: count * 200) }
    let slots = EventKind.allCases.indices.map { records[$0].topicSlot(EventKind.allCases[$0].defaultTopic) }
    var pin: [UInt8] = []
    var geo: [UInt8] = []
    var user: [UInt8] = []
    for n in 0..<count {
      pin.removeAll(keepingCapacity: true)
      geo.removeAll(keepingCapacity: true)
      user.removeAll(keepingCapacity: true)
      next(pin: &pin, geo: &geo, user: &user)
      for (k, payload) in [pin, geo, user].enumerated() {
        payload.withUnsafeBytes {
          records[k].append(
            value: $0, key: nil, topic: slots[k], partition: 0, offset: firstOffset + Int64(n),
            timestamp: timestamp)
        }
      }
    }
    return (records[0], records[1], records[2])
  }
}
