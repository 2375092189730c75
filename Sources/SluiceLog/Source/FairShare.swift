/// Splits a record budget across partitions for one micro-batch.
///
/// When everything fits, every partition gets all it has. Otherwise each partition with records
/// first gets one (so none starves while the budget allows), and the rest of the budget is split
/// in proportion to what each partition has beyond that, by the largest-remainder method (ties
/// go to the earlier partition), so the shares add up to the budget exactly and no share exceeds
/// what its partition has. With a budget smaller than the number of partitions with records, the
/// partitions with the most records get one each.
///
/// Deterministic: the same inputs always give the same shares.
enum FairShare {
  static func split(_ budget: Int64, among available: [Int64]) -> [Int64] {
    let total = available.reduce(Int64(0)) { sum, n in
      let (s, overflow) = sum.addingReportingOverflow(max(n, 0))
      return overflow ? .max : s
    }
    if total <= budget { return available.map { max($0, 0) } }
    let budget = max(budget, 0)
    let holders = available.indices.filter { available[$0] > 0 }
    var shares = [Int64](repeating: 0, count: available.count)
    if budget < Int64(holders.count) {
      let ranked = holders.sorted { available[$0] != available[$1] ? available[$0] > available[$1] : $0 < $1 }
      for i in ranked.prefix(Int(budget)) { shares[i] = 1 }
      return shares
    }
    for i in holders { shares[i] = 1 }
    let remaining = budget - Int64(holders.count)
    let rest = holders.map { available[$0] - 1 }
    let restTotal = rest.reduce(0, +)
    guard remaining > 0, restTotal > 0 else { return shares }
    var remainders: [(index: Int, remainder: Int64)] = []
    var given: Int64 = 0
    for (n, i) in holders.enumerated() {
      let product = rest[n].multipliedFullWidth(by: remaining)
      let (quotient, remainder) = restTotal.dividingFullWidth(product)
      shares[i] += quotient
      given += quotient
      remainders.append((i, remainder))
    }
    let ranked = remainders.sorted {
      $0.remainder != $1.remainder ? $0.remainder > $1.remainder : $0.index < $1.index
    }
    for entry in ranked.prefix(Int(remaining - given)) { shares[entry.index] += 1 }
    return shares
  }
}
