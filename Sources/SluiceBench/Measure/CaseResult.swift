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
  /// Why the case was not measured (a missing optional tool); nil when it ran.
  var notRun: String?
  /// A comparison shown in the table's aim column of a row without an aim (the peer's
  /// `Sluice/delta-rs 2.1×`).
  var comparison: String?

  init(
    _ item: BenchCase, unit: String, bytesMeaning: String, samples: [RunSample]
  ) {
    self.init(name: item.rawValue, aim: item.aim, unit: unit, bytesMeaning: bytesMeaning, samples: samples)
  }

  /// A result row named `name` (a case that reports several rows names each of them).
  init(name: String, aim: Aim?, unit: String, bytesMeaning: String, samples: [RunSample]) {
    let median = Repetitions.median(samples)
    self.name = name
    self.unit = unit
    self.bytesMeaning = bytesMeaning
    records = median.records
    bytes = median.bytes
    seconds = median.seconds
    runSeconds = samples.map(\.seconds)
    self.aim = aim
  }

  /// A row for a case that could not run, saying why.
  init(notRun item: BenchCase, reason: String) {
    name = item.rawValue
    unit = "records"
    bytesMeaning = ""
    records = 0
    bytes = 0
    seconds = 0
    runSeconds = []
    aim = nil
    notRun = reason
  }

  var recordsPerSecond: Double { seconds > 0 ? Double(records) / seconds : 0 }
  var megabytesPerSecond: Double { seconds > 0 ? Double(bytes) / 1e6 / seconds : 0 }

  /// Whether the aim is met (nil when the case has none or did not run).
  var aimMet: Bool? {
    guard let aim, notRun == nil else { return nil }
    switch aim.metric {
    case .recordsPerSecond: return aim.isMet(by: recordsPerSecond)
    case .megabytesPerSecond: return aim.isMet(by: megabytesPerSecond)
    case .milliseconds: return aim.isMet(by: seconds * 1000)
    }
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
    if let notRun { members.append(("notRun", .string(notRun))) }
    if let aim {
      members.append(
        (
          "aim",
          .object([
            ("metric", .string(aim.metric.rawValue)),
            (aim.isUpperBound ? "maximum" : "minimum", .double(aim.limit)),
          ])
        ))
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
    notRun = json["notRun"]?.stringValue
  }
}
