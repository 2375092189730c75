/// SplitMix64 (Steele, Lea, Flood 2014): a tiny, fast, statistically solid 64-bit generator.
///
/// Deterministic on every platform (unlike `SystemRandomNumberGenerator`), so a seed always
/// yields the same events. Also used as a hash: ``mix(_:)`` is its finaliser.
struct SplitMix64: RandomNumberGenerator {
  private(set) var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  /// A generator for item `index` of stream `stream` under `seed`: independent streams per
  /// (seed, stream, index) without storing anything.
  init(seed: UInt64, stream: UInt64, index: UInt64) {
    state = Self.mix(Self.mix(seed ^ Self.mix(stream &+ 0x5851_F42D_4C95_7F2D)) &+ index)
  }

  @inline(__always) mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    return Self.mix(state)
  }

  @inline(__always) static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Uniform in `0..<bound` (`bound > 0`), by multiply-shift (Lemire; bias < 2⁻³² for our sizes).
  @inline(__always) mutating func below(_ bound: Int) -> Int {
    Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
  }

  /// Uniform in `range`.
  @inline(__always) mutating func inRange(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + below(range.upperBound - range.lowerBound + 1)
  }

  /// Uniform in `[0, 1)`.
  @inline(__always) mutating func unit() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// True with probability `p`.
  @inline(__always) mutating func chance(_ p: Double) -> Bool { unit() < p }
}
