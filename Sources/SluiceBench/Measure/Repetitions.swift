/// Runs a case once to warm up (caches, allocator, page cache) and then `count` timed times,
/// announcing each run on stderr.
enum Repetitions {
  /// The timed samples, warm-up excluded. `run` receives the repetition number (0 = warm-up)
  /// and does its own untimed set-up and clean-up around the timed region it reports.
  static func measure(
    _ name: String, count: Int, _ run: (_ repetition: Int) throws -> RunSample
  ) throws -> [RunSample] {
    var samples: [RunSample] = []
    for repetition in 0...count {
      let sample = try run(repetition)
      announce(name, repetition: repetition, count: count, sample: sample)
      if repetition > 0 { samples.append(sample) }
    }
    return samples
  }

  /// The async form, for the end-to-end case.
  static func measure(
    _ name: String, count: Int, _ run: (_ repetition: Int) async throws -> RunSample
  ) async throws -> [RunSample] {
    var samples: [RunSample] = []
    for repetition in 0...count {
      let sample = try await run(repetition)
      announce(name, repetition: repetition, count: count, sample: sample)
      if repetition > 0 { samples.append(sample) }
    }
    return samples
  }

  static func announce(_ name: String, repetition: Int, count: Int, sample: RunSample) {
    let label = repetition == 0 ? "warm-up" : "run \(repetition)/\(count)"
    ProgressLine.say(
      "\(name): \(label): \(Format.seconds(sample.seconds)), \(Format.rate(Double(sample.records) / sample.seconds))/s"
        + (sample.bytes > 0 ? ", \(Format.megabytes(Double(sample.bytes) / sample.seconds)) MB/s" : ""))
  }

  /// The sample with the median time (the lower middle one for an even count).
  static func median(_ samples: [RunSample]) -> RunSample {
    let sorted = samples.sorted { $0.seconds < $1.seconds }
    return sorted[(sorted.count - 1) / 2]
  }
}
