import SluiceCore

/// The outcome of one case: the median run's figures, every run's time, the aim and extras.
struct CaseResult: Sendable {
  var name: String
  /// What a record is here: `events`, `records` or `rows`.
  var unit: String
  /// What the bytes are: `JSON out`, `JSON in`, `payload`.
  var bytesMeaning: String
  var records: Int
  var bytes: Int
  /// Median time of the timed runs.
  var seconds: Double
  /// Every timed run's time, in run order.
  var runSeconds: [Double]
  var aim: Aim?
  /// Case-specific figures (latencies, RSS, phase times), in report order.
  var extras: [(String, JSONValue)] = []
  /// Lines shown under the table.
  var notes: [String] = []

  init(
    _ item: BenchCase, unit: String, bytesMeaning: String, samples: [RunSample]
  ) {
    let median = Repetitions.median(samples)
    name = item.rawValue
    self.unit = unit
    self.bytesMeaning = bytesMeaning
    records = median.records
    bytes = median.bytes
    seconds = median.seconds
    runSeconds = samples.map(\.seconds)
    aim = item.aim
  }

  var recordsPerSecond: Double { Double(records) / seconds }
  var megabytesPerSecond: Double { Double(bytes) / 1e6 / seconds }

  /// Whether the aim is met (nil when the case has none).
  var aimMet: Bool? {
    guard let aim else { return nil }
    let value = aim.metric == .recordsPerSecond ? recordsPerSecond : megabytesPerSecond
    return value >= aim.minimum
  }

  var json: JSONValue {
    var members: [(String, JSONValue)] = [
      ("name", .string(name)),
      ("unit", .string(unit)),
      ("records", .int(Int64(records))),
      ("bytes", .int(Int64(bytes))),
      ("bytesMeaning", .string(bytesMeaning)),
      ("medianSeconds", .double(Format.rounded(seconds, places: 6))),
      ("runSeconds", .array(runSeconds.map { .double(Format.rounded($0, places: 6)) })),
      ("recordsPerSecond", .double(Format.rounded(recordsPerSecond, places: 1))),
      ("megabytesPerSecond", .double(Format.rounded(megabytesPerSecond, places: 2))),
    ]
    if let aim {
      members.append(
        ("aim", .object([("metric", .string(aim.metric.rawValue)), ("minimum", .double(aim.minimum))])))
      members.append(("aimMet", aimMet.map { .bool($0) } ?? .null))
    }
    if !extras.isEmpty { members.append(("extras", .object(extras))) }
    if !notes.isEmpty { members.append(("notes", .array(notes.map { .string($0) }))) }
    return .object(members)
  }

  /// Reads a result back from ``json`` (the child process of the end-to-end case prints it).
  init(json: JSONValue) throws(BenchError) {
    guard let name = json["name"]?.stringValue, let item = BenchCase(rawValue: name),
      let records = json["records"]?.intValue, let bytes = json["bytes"]?.intValue,
      let seconds = json["medianSeconds"]?.doubleValue,
      let runs = json["runSeconds"]?.arrayValue?.compactMap(\.doubleValue)
    else {
      throw BenchError(
        .childProcess, "the child's result lacks name, records, bytes or times: \(json.compact)")
    }
    self.name = name
    unit = json["unit"]?.stringValue ?? "records"
    bytesMeaning = json["bytesMeaning"]?.stringValue ?? ""
    self.records = Int(records)
    self.bytes = Int(bytes)
    self.seconds = seconds
    runSeconds = runs
    aim = item.aim
    extras = json["extras"]?.objectMembers ?? []
    notes = json["notes"]?.arrayValue?.compactMap(\.stringValue) ?? []
  }
}
