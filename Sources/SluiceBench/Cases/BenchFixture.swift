import SluiceCore
import SluiceEmulator
import SluiceJSON
import SluiceTransforms

/// The inputs of the micro cases, built once, outside every timed region: emulator records in
/// batches of `batchSize` (pin, geo and user of the same events), their decoded batches and the
/// cleaned pin batches. Each is built on first use.
final class BenchFixture {
  let options: BenchOptions
  private var raw: [EventKind: [RawRecords]] = [:]
  private var decoded: [EventKind: [RecordBatch]] = [:]
  private var cleanedPin: [RecordBatch]?

  init(options: BenchOptions) {
    self.options = options
  }

  /// The raw records of `kind`, `options.records` in all, in batches of `options.batchSize`.
  func rawBatches(_ kind: EventKind) -> [RawRecords] {
    if raw.isEmpty { generate() }
    return raw[kind] ?? []
  }

  /// The decoded batches of `kind` (raw schema of the kind's cleaner).
  func decodedBatches(_ kind: EventKind) throws(BenchError) -> [RecordBatch] {
    if let batches = decoded[kind] { return batches }
    let decoder = JSONRecordDecoder(schema: Self.rawSchema(kind))
    var batches: [RecordBatch] = []
    for records in rawBatches(kind) {
      let result = decoder.decode(records)
      try Self.requireNoRejections(result, kind: kind)
      batches.append(result.batch)
    }
    decoded[kind] = batches
    return batches
  }

  /// Cleaned pin batches (`PinCleaner` output), the input of the encoder case.
  func cleanedPinBatches() throws(BenchError) -> [RecordBatch] {
    if let cleanedPin { return cleanedPin }
    var batches: [RecordBatch] = []
    for batch in try decodedBatches(.pin) {
      do {
        batches.append(try PinCleaner().apply(batch))
      } catch {
        throw BenchError(.caseFailed, "clean:pin failed on emulator output: \(error)")
      }
    }
    cleanedPin = batches
    return batches
  }

  /// Emulates `options.records` events with the configured seed.
  private func generate() {
    ProgressLine.say("fixture: emulating \(Format.count(options.records)) events (seed \(options.seed))")
    var emulator = PinterestEmulator(seed: options.seed)
    var produced = 0
    while produced < options.records {
      let count = min(options.batchSize, options.records - produced)
      let batch = emulator.rawRecords(
        count: count, firstOffset: Int64(produced), timestamp: 1_700_000_000_000)
      raw[.pin, default: []].append(batch.pin)
      raw[.geo, default: []].append(batch.geo)
      raw[.user, default: []].append(batch.user)
      produced += count
    }
  }

  static func rawSchema(_ kind: EventKind) -> Schema {
    switch kind {
    case .pin: PinterestSchemas.rawPin
    case .geo: PinterestSchemas.rawGeo
    case .user: PinterestSchemas.rawUser
    }
  }

  static func cleaner(_ kind: EventKind) -> any Transform {
    switch kind {
    case .pin: PinCleaner()
    case .geo: GeoCleaner()
    case .user: UserCleaner()
    }
  }

  /// Emulator output must decode completely; a rejection is a bug worth stopping for.
  static func requireNoRejections(_ result: DecodedRecords, kind: EventKind) throws(BenchError) {
    guard let first = result.rejected.first else { return }
    throw BenchError(
      .caseFailed,
      "the decoder rejected \(result.rejected.count) emulated \(kind.rawValue) records, e.g. \(first); "
        + "emulator and decoder disagree, fix that before benchmarking")
  }
}
