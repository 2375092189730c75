#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An insertion-ordered set of byte strings with dense indices: the dictionary of a string column
/// chunk. Entries live in one arena; lookups hash the bytes and probe an open-addressing table.
struct ByteDictionary {
  private(set) var arena: [UInt8] = []
  /// Entry `i` is `arena[offsets[i]..<offsets[i + 1]]`.
  private(set) var offsets: [Int32] = [0]
  private var hashes: [UInt64] = []
  /// Slot → entry index + 1 (0 = empty).
  private var table: [UInt32] = Array(repeating: 0, count: 1024)

  var count: Int { offsets.count - 1 }
  /// Size of the dictionary as a PLAIN page (4-byte length + bytes per entry).
  var plainSize: Int { arena.count + 4 * count }

  /// The index of `value`, inserting it when new.
  @inline(__always)
  mutating func index(of value: UnsafeRawBufferPointer) -> (index: UInt32, inserted: Bool) {
    let hash = Self.hash(value)
    let mask = table.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let stored = table[slot]
      if stored == 0 { break }
      let entry = Int(stored - 1)
      if hashes[entry] == hash && equals(entry, value) { return (UInt32(entry), false) }
      slot = (slot + 1) & mask
    }
    let entry = count
    arena.append(contentsOf: value)
    offsets.append(Int32(truncatingIfNeeded: arena.count))
    hashes.append(hash)
    table[slot] = UInt32(entry + 1)
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
    var grown = [UInt32](repeating: 0, count: size)
    let mask = size - 1
    for entry in 0..<count {
      var slot = Int(truncatingIfNeeded: hashes[entry]) & mask
      while grown[slot] != 0 { slot = (slot + 1) & mask }
      grown[slot] = UInt32(entry + 1)
    }
    table = grown
  }

  /// A fast 64-bit hash of a byte string (8 bytes per step, multiply-xorshift mixing).
  @inline(__always)
  static func hash(_ value: UnsafeRawBufferPointer) -> UInt64 {
    let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(value.count)
    var offset = 0
    let count = value.count
    while count - offset >= 8 {
      let word = value.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      hash = (hash ^ word) &* multiplier
      hash ^= hash >> 29
      offset += 8
    }
    if offset < count {
      var tail: UInt64 = 0
      var shift: UInt64 = 0
      while offset < count {
        tail |= UInt64(value[offset]) << shift
        shift += 8
        offset += 1
      }
      hash = (hash ^ tail) &* multiplier
      hash ^= hash >> 29
    }
    hash = (hash ^ (hash >> 32)) &* multiplier
    return hash ^ (hash >> 29)
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
