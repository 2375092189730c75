/// PBKDF2 with HMAC-SHA-256/512 for one output block (RFC 8018 §5.2), which is SCRAM's `Hi()`
/// (RFC 5802 §2.2): the output is exactly one hash long.
enum PBKDF2 {
  static func derive(hash: SCRAMClient.Hash, password: [UInt8], salt: [UInt8], iterations: Int) -> [UInt8] {
    var u = SCRAMClient.hmac(hash, key: password, salt + [0, 0, 0, 1])
    var result = u
    if iterations > 1 {
      for _ in 2...iterations {
        u = SCRAMClient.hmac(hash, key: password, u)
        for i in result.indices { result[i] ^= u[i] }
      }
    }
    return result
  }
}
