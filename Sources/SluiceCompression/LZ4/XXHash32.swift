/// XXH32 (seed 0 by default): the checksum of LZ4 frame headers, blocks and content.
public enum XXHash32 {
  static let prime1: UInt32 = 2_654_435_761
  static let prime2: UInt32 = 2_246_822_519
  static let prime3: UInt32 = 3_266_489_917
  static let prime4: UInt32 = 668_265_263
  static let prime5: UInt32 = 374_761_393

  @inline(__always)
  static func rotl(_ x: UInt32, _ r: UInt32) -> UInt32 { (x << r) | (x >> (32 - r)) }

  @inline(__always)
  static func round(_ acc: UInt32, _ lane: UInt32) -> UInt32 {
    rotl(acc &+ lane &* prime2, 13) &* prime1
  }

  public static func hash(_ input: UnsafeRawBufferPointer, seed: UInt32 = 0) -> UInt32 {
    let n = input.count
    var i = 0
    var acc: UInt32
    @inline(__always) func word(_ at: Int) -> UInt32 {
      UInt32(littleEndian: input.loadUnaligned(fromByteOffset: at, as: UInt32.self))
    }
    if n >= 16 {
      var v1 = seed &+ prime1 &+ prime2
      var v2 = seed &+ prime2
      var v3 = seed
      var v4 = seed &- prime1
      while n - i >= 16 {
        v1 = round(v1, word(i))
        v2 = round(v2, word(i + 4))
        v3 = round(v3, word(i + 8))
        v4 = round(v4, word(i + 12))
        i += 16
      }
      acc = rotl(v1, 1) &+ rotl(v2, 7) &+ rotl(v3, 12) &+ rotl(v4, 18)
    } else {
      acc = seed &+ prime5
    }
    acc = acc &+ UInt32(truncatingIfNeeded: n)
    while n - i >= 4 {
      acc = rotl(acc &+ word(i) &* prime3, 17) &* prime4
      i += 4
    }
    while i < n {
      acc = rotl(acc &+ UInt32(input[i]) &* prime5, 11) &* prime1
      i += 1
    }
    acc ^= acc >> 15
    acc = acc &* prime2
    acc ^= acc >> 13
    acc = acc &* prime3
    acc ^= acc >> 16
    return acc
  }

  public static func hash(_ bytes: [UInt8], seed: UInt32 = 0) -> UInt32 {
    bytes.withUnsafeBytes { hash($0, seed: seed) }
  }
}
