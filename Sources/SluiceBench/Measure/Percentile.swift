/// Order statistics for latency lists.
enum Percentile {
  /// The nearest-rank percentile `p` (0...100) of `values`; nil for an empty list.
  static func of(_ values: [Double], _ p: Double) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
    return sorted[min(max(rank, 1), sorted.count) - 1]
  }
}
