import CZlib

/// gzip streams (RFC 1952) through the system zlib: Kafka's `gzip` codec.
public enum Gzip {
  static let format = "gzip"

  /// Decompresses one gzip member or several concatenated members (at most `limit` bytes out).
  /// - Throws: ``CompressionError`` when the input is not gzip, is corrupt or ends early.
  public static func decompress(_ input: UnsafeRawBufferPointer, limit: Int = Int.max) throws -> [UInt8] {
    guard !input.isEmpty, let base = input.baseAddress else {
      throw CompressionError(.truncated, format: format, at: 0, "no bytes where a gzip member was expected")
    }
    var stream = z_stream()
    // windowBits 15 + 16: gzip wrapper only (no raw deflate, no zlib header).
    guard inflateInit2_(&stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
      throw CompressionError(.library, format: format, at: nil, "zlib could not start an inflate stream")
    }
    defer { inflateEnd(&stream) }
    var output = [UInt8]()
    output.reserveCapacity(min(limit, max(input.count * 4, 1024)))
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    stream.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: UInt8.self))
    stream.avail_in = UInt32(input.count)
    while true {
      let consumedBefore = input.count - Int(stream.avail_in)
      let (status, produced) = chunk.withUnsafeMutableBufferPointer { out -> (Int32, Int) in
        stream.next_out = out.baseAddress
        stream.avail_out = UInt32(out.count)
        let status = inflate(&stream, Z_NO_FLUSH)
        return (status, out.count - Int(stream.avail_out))
      }
      guard output.count + produced <= limit else {
        throw CompressionError(
          .tooLarge, format: format, at: consumedBefore,
          "decompressed data exceeds the limit of \(limit) bytes")
      }
      output.append(contentsOf: chunk[0..<produced])
      let consumed = input.count - Int(stream.avail_in)
      switch status {
      case Z_STREAM_END:
        // Another member may follow (concatenated gzip).
        guard stream.avail_in > 0 else { return output }
        guard inflateReset(&stream) == Z_OK else {
          throw CompressionError(
            .library, format: format, at: consumed, "zlib could not restart for the next member")
        }
      case Z_OK:
        continue
      case Z_BUF_ERROR where produced == 0 && stream.avail_in == 0:
        throw CompressionError(
          .truncated, format: format, at: consumed, "the gzip member ends before its trailer")
      case Z_BUF_ERROR:
        continue
      default:
        let reason = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
        throw CompressionError(.corrupt, format: format, at: consumed, reason)
      }
    }
  }

  /// Compresses `input` into one gzip member.
  public static func compress(_ input: [UInt8], level: Int32 = 6) throws -> [UInt8] {
    var stream = z_stream()
    guard
      deflateInit2_(
        &stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
        Int32(MemoryLayout<z_stream>.size)) == Z_OK
    else {
      throw CompressionError(.library, format: format, at: nil, "zlib could not start a deflate stream")
    }
    defer { deflateEnd(&stream) }
    let bound = Int(deflateBound(&stream, UInt(input.count))) + 32
    var status: Int32 = Z_OK
    let output = [UInt8](unsafeUninitializedCapacity: bound) { out, initialized in
      input.withUnsafeBytes { raw in
        stream.next_in = UnsafeMutablePointer(
          mutating: (raw.baseAddress ?? UnsafeRawPointer(out.baseAddress!)).assumingMemoryBound(
            to: UInt8.self))
        stream.avail_in = UInt32(input.count)
        stream.next_out = out.baseAddress
        stream.avail_out = UInt32(bound)
        status = deflate(&stream, Z_FINISH)
        initialized = bound - Int(stream.avail_out)
      }
    }
    guard status == Z_STREAM_END else {
      throw CompressionError(.library, format: format, at: nil, "zlib deflate failed with status \(status)")
    }
    return output
  }
}
