/// A finished page: its serialized header and its (compressed) body, kept apart so neither is
/// copied until the chunk is laid out in the file.
struct EncodedPage {
  var header: [UInt8]
  var body: [UInt8]
  var uncompressedBodySize: Int

  /// Bytes on disk (header + compressed body).
  var compressedSize: Int { header.count + body.count }
  /// Header + uncompressed body, as counted by `total_uncompressed_size`.
  var uncompressedSize: Int { header.count + uncompressedBodySize }
}

/// Compresses page bodies with the file's codec and serializes page headers. One per
/// ``ParquetWriter``; reuses its compression context across pages.
final class PageWriter {
  let codec: CompressionCodec
  private let zstd: ZstdCompressor?

  init(compression: ParquetCompression) throws(ParquetError) {
    switch compression {
    case .uncompressed:
      codec = .uncompressed
      zstd = nil
    case .zstd(let level):
      codec = .zstd
      zstd = try ZstdCompressor(level: level)
    case .snappy:
      throw ParquetError(
        .unsupported, "the Parquet writer cannot compress with SNAPPY; use .zstd(level:) or .uncompressed")
    }
  }

  /// Builds a page whose body is the concatenation of `parts`; fills in the header's sizes.
  func page(_ header: PageHeader, parts: [UnsafeRawBufferPointer]) throws(ParquetError) -> EncodedPage {
    let size = parts.reduce(0) { $0 + $1.count }
    guard size <= Int(Int32.max) else {
      throw ParquetError(.invalidArgument, "a page of \(size) bytes exceeds the 2 GiB page limit")
    }
    let body: [UInt8]
    if let zstd {
      body = try zstd.compress(parts)
    } else {
      body = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
        var offset = 0
        for part in parts where part.count > 0 {
          UnsafeMutableRawPointer(buffer.baseAddress! + offset).copyMemory(
            from: part.baseAddress!, byteCount: part.count)
          offset += part.count
        }
        initialized = offset
      }
    }
    var header = header
    header.uncompressedPageSize = Int32(size)
    header.compressedPageSize = Int32(body.count)
    var writer = ThriftCompactWriter(capacity: 48)
    header.encode(into: &writer)
    return EncodedPage(header: writer.bytes, body: body, uncompressedBodySize: size)
  }
}
