/// Composes the free-text fields of a pin (raw UTF-8, unescaped) from the word lists.
enum PinText {
  /// Longest description before it is cut with `…` (spec §1.1: ~179 characters).
  static let descriptionLimit = 179

  static func title(
    _ rng: inout SplitMix64, _ words: CategoryVocabulary, _ text: TextVocabulary, into out: inout [UInt8]
  ) {
    let roll = rng.below(100)
    switch roll {
    case 0..<30:
      words.subjects.appendRandom(&rng, to: &out)
    case 30..<45:
      PinText.appendNumber(rng.inRange(3...50), to: &out)
      append(" ", to: &out)
      text.adjectives.appendRandom(&rng, to: &out)
      append(" ", to: &out)
      words.subjects.appendRandom(&rng, to: &out)
      append(" for ", to: &out)
      text.audiences.appendRandom(&rng, to: &out)
    case 45..<63:
      text.adjectives.appendRandom(&rng, to: &out)
      append(" ", to: &out)
      words.subjects.appendRandom(&rng, to: &out)
    case 63..<78:
      words.subjects.appendRandom(&rng, to: &out)
      append(" - ", to: &out)
      text.sites.appendRandom(&rng, to: &out)
    case 78..<88:
      append("The Best ", to: &out)
      words.subjects.appendRandom(&rng, to: &out)
      append(" Ideas", to: &out)
    case 88..<97:
      text.quirkyTitles.appendRandom(&rng, to: &out)
    case 97:
      append(Placeholder.noTitle, to: &out)
    case 98:
      break  // an empty title
    default:
      // A long title, cut like the real ones.
      words.subjects.appendRandom(&rng, to: &out)
      append(" | ", to: &out)
      text.sentences.appendRandom(&rng, to: &out)
      append(" ", to: &out)
      text.sentences.appendRandom(&rng, to: &out)
      cut(&out, limit: 100, noBreakSpace: false)
    }
  }

  static func description(
    _ rng: inout SplitMix64, _ words: CategoryVocabulary, _ text: TextVocabulary, into out: inout [UInt8]
  ) {
    let roll = rng.below(1000)
    switch roll {
    case 0..<10:
      append(Placeholder.noDescription, to: &out)
    case 10..<20:
      append(Placeholder.untitled, to: &out)
    case 20..<25:
      break  // an empty description
    case 25..<60:
      text.foreignSentences.appendRandom(&rng, to: &out)
      if rng.chance(0.3) {
        append(" ", to: &out)
        text.foreignSentences.appendRandom(&rng, to: &out)
      }
    case 60..<110:
      for n in 0..<rng.inRange(3...7) {
        if n > 0 { append(" ", to: &out) }
        append("#", to: &out)
        text.hashtags.appendRandom(&rng, to: &out)
      }
    default:
      if rng.chance(0.2) {
        words.subjects.appendRandom(&rng, to: &out)
        append(". ", to: &out)
      }
      for n in 0..<rng.inRange(1...5) {
        if n > 0 { append(" ", to: &out) }
        text.sentences.appendRandom(&rng, to: &out)
      }
    }
    if out.count > descriptionLimit { cut(&out, limit: descriptionLimit, noBreakSpace: rng.chance(0.6)) }
  }

  static func posterName(
    _ rng: inout SplitMix64, _ text: TextVocabulary, _ people: PeopleVocabulary, into out: inout [UInt8]
  ) {
    if rng.chance(0.5) {
      people.firstNames.appendRandom(&rng, to: &out)
      append(" ", to: &out)
      people.lastNames.appendRandom(&rng, to: &out)
    } else {
      text.posterBrands.appendRandom(&rng, to: &out)
    }
  }

  /// `"0"`, `"437"`, `"124k"`, `"6M"` (spec §1.1). Returns false for the 1% of
  /// `User Info Error` placeholders.
  static func followerCount(_ rng: inout SplitMix64, into out: inout [UInt8]) -> Bool {
    let roll = rng.unit()
    if roll < 0.01 { return false }
    if roll < 0.08 {
      append("0", to: &out)
    } else if roll < 0.25 {
      appendNumber(rng.inRange(1...999), to: &out)
    } else if roll < 0.89 {
      // Thousands, log-uniform from 1k to 999k.
      let thousands = Int(pow10(rng.unit() * 3).rounded(.down))
      appendNumber(min(999, max(1, thousands)), to: &out)
      append("k", to: &out)
    } else {
      appendNumber(1 + rng.below(rng.inRange(1...15)), to: &out)
      append("M", to: &out)
    }
    return true
  }

  /// About nine distinct tags of the category, joined by bare commas.
  static func tagList(_ rng: inout SplitMix64, _ words: CategoryVocabulary, into out: inout [UInt8]) {
    let wanted = rng.chance(0.8) ? 9 : rng.inRange(4...8)
    var used: UInt64 = 0
    var picked = 0
    while picked < wanted {
      let tag = rng.below(words.tags.count)
      if used & (1 << UInt64(tag)) != 0 { continue }
      used |= 1 << UInt64(tag)
      if picked > 0 { append(",", to: &out) }
      words.tags.append(tag, to: &out)
      picked += 1
    }
  }

  /// Cuts `out` to at most `limit` bytes at a character boundary, drops trailing spaces and
  /// appends `…` (and a no-break space when asked), as the real data's long descriptions do.
  static func cut(_ out: inout [UInt8], limit: Int, noBreakSpace: Bool) {
    guard out.count > limit else { return }
    var end = limit
    while end > 0, out[end] & 0xC0 == 0x80 { end -= 1 }
    while end > 0, out[end - 1] == UInt8(ascii: " ") { end -= 1 }
    out.removeLast(out.count - end)
    append("…", to: &out)
    if noBreakSpace { append("\u{00A0}", to: &out) }
  }

  static func append(_ text: StaticString, to out: inout [UInt8]) {
    out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  static func appendNumber(_ value: Int, to out: inout [UInt8]) {
    JSONObjectWriter.appendDecimal(value, to: &out)
  }

  /// 10^x for 0 ≤ x ≤ 3 without Foundation.
  private static func pow10(_ x: Double) -> Double {
    // e^(x ln 10) by a short series around the nearest integer power.
    let whole = Int(x)
    var result = 1.0
    for _ in 0..<whole { result *= 10 }
    let f = (x - Double(whole)) * 2.302_585_092_994_046
    var term = 1.0
    var sum = 1.0
    for k in 1..<16 {
      term *= f / Double(k)
      sum += term
    }
    return result * sum
  }
}
