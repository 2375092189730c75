/// Splits a record budget (`maxOffsetsPerTrigger`) across partitions in proportion to what each
/// has available, like Spark's Kafka rate limit: every share is `budget × available / total`
/// rounded down, and the records left by rounding go to the largest remainders (ties to the
/// earlier partition). Shares add up to the budget exactly (or to the total when everything
/// fits) and never exceed what a partition has. Deterministic.
enum OffsetBudget {
  static func split(_ budget: Int64, among available: [Int64]) -> [Int64] {
    let counts = available.map { max($0, 0) }
    let total = counts.reduce(Int64(0)) { $0.addingReportingOverflow($1).overflow ? .max : $0 + $1 }
    guard total > budget else { return counts }
    let budget = max(budget, 0)
    var shares = [Int64](repeating: 0, count: counts.count)
    var remainders: [(index: Int, remainder: Int64)] = []
    var given: Int64 = 0
    for (i, n) in counts.enumerated() where n > 0 {
      let (quotient, remainder) = total.dividingFullWidth(n.multipliedFullWidth(by: budget))
      shares[i] = quotient
      given += quotient
      remainders.append((i, remainder))
    }
    remainders.sort { $0.remainder != $1.remainder ? $0.remainder > $1.remainder : $0.index < $1.index }
    for entry in remainders.prefix(Int(budget - given)) { shares[entry.index] += 1 }
    return shares
  }
}
