/// A seeded, reproducible mutator of byte strings for fuzz tests: bit flips, "interesting"
/// bytes (JSON punctuation, digits, NUL, 0xFF, a lone UTF-8 lead byte), deletions,
/// duplications, insertions and truncations. The same seed always gives the same mutations,
/// so a failure message's seed reproduces it.
struct ByteMutator {
  /// SplitMix64.
  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  static let interesting: [UInt8] =
    Array(#"{}[]",:\-+.eE0123456789 tfn"#.utf8) + [0, 0x0A, 0x7F, 0xC3, 0xE2, 0xFF]

  var random: Generator

  init(seed: UInt64) {
    random = Generator(state: seed)
  }

  mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &random) }

  /// `input` with 1…`maxEdits` random edits.
  mutating func mutate(_ input: [UInt8], maxEdits: Int = 4) -> [UInt8] {
    var bytes = input
    for _ in 0..<int(1..<(maxEdits + 1)) {
      if bytes.isEmpty {
        bytes.append(Self.interesting[int(0..<Self.interesting.count)])
        continue
      }
      let at = int(0..<bytes.count)
      switch int(0..<7) {
      case 0: bytes[at] ^= UInt8(1) << UInt8(int(0..<8))
      case 1: bytes[at] = Self.interesting[int(0..<Self.interesting.count)]
      case 2: bytes[at] = UInt8(int(0..<256))
      case 3: bytes.removeSubrange(at..<min(bytes.count, at + int(1..<8)))
      case 4:
        let end = min(bytes.count, at + int(1..<12))
        bytes.insert(contentsOf: bytes[at..<end], at: int(0..<(bytes.count + 1)))
      case 5: bytes.insert(Self.interesting[int(0..<Self.interesting.count)], at: at)
      default: bytes.removeSubrange(at...)
      }
    }
    return bytes
  }
}
