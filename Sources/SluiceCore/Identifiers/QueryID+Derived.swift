extension QueryID {
  /// A stable id derived from this one for a companion stream of the same query, e.g. the
  /// dead-letter table's `txn.appId` (`derived("deadletter")`): the same query and purpose
  /// always give the same id, different purposes different ids. Shaped like a version 8 UUID
  /// (two 64-bit FNV-1a hashes of `purpose` and the query id).
  public func derived(_ purpose: String) -> QueryID {
    func fnv(_ text: String, seed: UInt64) -> UInt64 {
      var hash = seed
      for byte in text.utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x100_0000_01b3
      }
      return hash
    }
    let text = purpose + ":" + rawValue
    let high = fnv(text, seed: 0xcbf2_9ce4_8422_2325)
    let low = fnv(text, seed: 0x84222325_cbf29ce4 ^ high)
    var bytes = (0..<8).map { UInt8(truncatingIfNeeded: high >> (56 - 8 * UInt64($0))) }
    bytes += (0..<8).map { UInt8(truncatingIfNeeded: low >> (56 - 8 * UInt64($0))) }
    bytes[6] = (bytes[6] & 0x0F) | 0x80
    bytes[8] = (bytes[8] & 0x3F) | 0x80
    let hex = bytes.map { byte -> String in
      let digits = String(byte, radix: 16)
      return digits.count == 1 ? "0" + digits : digits
    }.joined()
    let chars = Array(hex)
    let text36 = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(chars[$0]) }.joined(separator: "-")
    return try! QueryID(text36)
  }
}
