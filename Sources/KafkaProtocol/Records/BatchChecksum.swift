#if SLUICE_HARDWARE_CRC32C && arch(x86_64)
  import _Builtin_intrinsics.intel
#endif

/// CRC-32C (Castagnoli, reflected polynomial `0x82F63B78`), the checksum of RecordBatch v2 over
/// attributes … last record. `BatchChecksum.crc32c("123456789")` is `0xE3069283`.
///
/// Slicing-by-8: eight 256-entry tables let the loop fold eight input bytes per step. Built with
/// `-D SLUICE_HARDWARE_CRC32C -Xcc -msse4.2` on x86-64 (as SluiceLog's checksum), the SSE 4.2
/// `crc32` instruction does the work instead; both give the same checksums.
public enum BatchChecksum {
  /// `table[k][b]`, flattened as `k * 256 + b`: the CRC of byte `b` followed by `k` zero bytes.
  static let table: [UInt32] = {
    var t = [UInt32](repeating: 0, count: 8 * 256)
    for b in 0..<256 {
      var crc = UInt32(b)
      for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
      t[b] = crc
    }
    for k in 1..<8 {
      for b in 0..<256 {
        let previous = t[(k - 1) * 256 + b]
        t[k * 256 + b] = t[Int(previous & 0xFF)] ^ (previous >> 8)
      }
    }
    return t
  }()

  /// The CRC-32C of `bytes`.
  public static func crc32c(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
    #if SLUICE_HARDWARE_CRC32C && arch(x86_64)
      var wide: UInt64 = 0xFFFF_FFFF
      var i = 0
      while bytes.count - i >= 8 {
        wide = _mm_crc32_u64(wide, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
        i += 8
      }
      var crc = UInt32(truncatingIfNeeded: wide)
      while i < bytes.count {
        crc = _mm_crc32_u8(crc, bytes[i])
        i += 1
      }
      return ~crc
    #else
      return tableCRC32C(bytes)
    #endif
  }

  /// The portable slicing-by-8 implementation.
  static func tableCRC32C(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
    table.withUnsafeBufferPointer { t in
      var crc: UInt32 = 0xFFFF_FFFF
      var i = 0
      let n = bytes.count
      while n - i >= 8 {
        let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
        let low = UInt32(truncatingIfNeeded: word) ^ crc
        let high = UInt32(truncatingIfNeeded: word >> 32)
        crc =
          t[1792 + Int(low & 0xFF)] ^ t[1536 + Int((low >> 8) & 0xFF)] ^ t[1280 + Int((low >> 16) & 0xFF)]
          ^ t[1024 + Int(low >> 24)] ^ t[768 + Int(high & 0xFF)] ^ t[512 + Int((high >> 8) & 0xFF)]
          ^ t[256 + Int((high >> 16) & 0xFF)] ^ t[Int(high >> 24)]
        i += 8
      }
      while i < n {
        crc = t[Int((crc ^ UInt32(bytes[i])) & 0xFF)] ^ (crc >> 8)
        i += 1
      }
      return ~crc
    }
  }

  /// The CRC-32C of `bytes`.
  public static func crc32c<C: Collection>(_ bytes: C) -> UInt32 where C.Element == UInt8 {
    if let crc = bytes.withContiguousStorageIfAvailable({ crc32c(UnsafeRawBufferPointer($0)) }) { return crc }
    return Array(bytes).withUnsafeBytes { crc32c($0) }
  }
}
