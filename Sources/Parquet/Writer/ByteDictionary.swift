#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An insertion-ordered set of byte strings with dense indices: the dictionary of a string column
/// chunk. Entries live in one arena; lookups hash the bytes and probe an open-addressing table
/// whose slots hold the entry index and 32 more bits of the hash, so a probe touches the entry's
/// bytes only when those bits match (one cache miss per lookup instead of three).
struct ByteDictionary {
  private(set) var arena: [UInt8] = []
  /// Entry `i` is `arena[offsets[i]..<offsets[i + 1]]`.
  private(set) var offsets: [Int32] = [0]
  /// Full hashes per entry (to rehash when the table grows).
  private var hashes: [UInt64] = []
  /// Slot → `(hash >> 32) << 32 | (entry index + 1)`; 0 = empty.
  private var table: [UInt64] = Array(repeating: 0, count: 1024)

  var count: Int { offsets.count - 1 }
  /// Size of the dictionary as a PLAIN page (4-byte length + bytes per entry).
  var plainSize: Int { arena.count + 4 * count }

  /// The index of `value`, inserting it when new.
  @inline(__always)
  mutating func index(of value: UnsafeRawBufferPointer) -> (index: UInt32, inserted: Bool) {
    let hash = Self.hash(value)
    let tag = hash & 0xFFFF_FFFF_0000_0000
    let mask = table.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    let found: Int? = table.withUnsafeBufferPointer { table in
      while true {
        let stored = table[slot]
        if stored == 0 { return nil }
        if stored & 0xFFFF_FFFF_0000_0000 == tag {
          let entry = Int(truncatingIfNeeded: stored & 0xFFFF_FFFF) - 1
          if equals(entry, value) { return entry }
        }
        slot = (slot + 1) & mask
      }
    }
    if let found { return (UInt32(truncatingIfNeeded: found), false) }
    let entry = count
    arena.append(contentsOf: value)
    offsets.append(Int32(truncatingIfNeeded: arena.count))
    hashes.append(hash)
    table[slot] = tag | UInt64(entry + 1)
    if count * 2 > table.count { grow() }
    return (UInt32(entry), true)
  }

  /// Calls `body` with the bytes of entry `index`.
  @inline(__always)
  func withEntry<R>(_ index: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
    let start = Int(offsets[index])
    let end = Int(offsets[index + 1])
    return arena.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
  }

  /// The PLAIN encoding of all entries (a dictionary page body).
  func plainEncoded(into output: inout [UInt8]) {
    output.reserveCapacity(output.count + plainSize)
    for index in 0..<count {
      let start = Int(offsets[index])
      let end = Int(offsets[index + 1])
      output.appendLittleEndian(UInt32(end - start))
      output.append(contentsOf: arena[start..<end])
    }
  }

  private func equals(_ entry: Int, _ value: UnsafeRawBufferPointer) -> Bool {
    let start = Int(offsets[entry])
    let length = Int(offsets[entry + 1]) - start
    guard length == value.count else { return false }
    if length == 0 { return true }
    return arena.withUnsafeBytes { raw in
      memcmpBytes(raw.baseAddress! + start, value.baseAddress!, length) == 0
    }
  }

  private mutating func grow() {
    let size = table.count * 2
    var grown = [UInt64](repeating: 0, count: size)
    let mask = size - 1
    for entry in 0..<count {
      let hash = hashes[entry]
      var slot = Int(truncatingIfNeeded: hash) & mask
      while grown[slot] != 0 { slot = (slot + 1) & mask }
      grown[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(entry + 1)
    }
    table = grown
  }

  /// A fast 64-bit hash of a byte string: two multiply-xorshift lanes over 16 bytes per step
  /// (independent, so the processor overlaps them), the last 1–8 bytes read as one word.
  @inline(__always)
  static func hash(_ value: UnsafeRawBufferPointer) -> UInt64 {
    let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
    let count = value.count
    var a: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(truncatingIfNeeded: count)
    var b: UInt64 = 0x2545_F491_4F6C_DD1D
    var offset = 0
    while count - offset > 16 {
      a = (a ^ value.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* multiplier
      b = (b ^ value.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)) &* multiplier
      a ^= a >> 29
      b ^= b >> 29
      offset += 16
    }
    if count - offset > 8 {
      a = (a ^ value.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* multiplier
      a ^= a >> 29
      offset += 8
    }
    if count >= 8 {
      // The last 8 bytes (overlapping what was hashed already when the string is not a
      // multiple of 8 long).
      b = (b ^ value.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)) &* multiplier
    } else if count > 0 {
      var tail: UInt64 = 0
      for index in 0..<count { tail |= UInt64(value[index]) << UInt64(8 * index) }
      b = (b ^ tail) &* multiplier
    }
    var hash = (a ^ (b >> 31 | b << 33)) &* multiplier
    hash ^= hash >> 32
    return hash
  }
}

/// `memcmp` on raw pointers.
@inline(__always)
func memcmpBytes(_ lhs: UnsafeRawPointer, _ rhs: UnsafeRawPointer, _ count: Int) -> Int32 {
  memcmp(lhs, rhs, count)
}

/// Unsigned byte-wise comparison of two byte strings (shorter prefix sorts first).
@inline(__always)
func compareBytes(_ lhs: UnsafeRawBufferPointer, _ rhs: UnsafeRawBufferPointer) -> Int {
  let common = min(lhs.count, rhs.count)
  if common > 0 {
    let result = memcmp(lhs.baseAddress!, rhs.baseAddress!, common)
    if result != 0 { return Int(result) }
  }
  return lhs.count - rhs.count
}
