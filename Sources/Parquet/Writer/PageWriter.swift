/// Compresses page bodies with the file's codec and appends header + body to a chunk buffer.
/// One per ``ParquetWriter``; reuses its compression context across pages.
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

  /// Sizes of a written page including its header.
  struct WrittenPage {
    var uncompressed: Int
    var compressed: Int
  }

  /// Appends a page (header then compressed body) to `output`. The header's sizes are filled in.
  func write(
    _ header: PageHeader, body: UnsafeRawBufferPointer, to output: inout [UInt8]
  ) throws(ParquetError) -> WrittenPage {
    guard body.count <= Int(Int32.max) else {
      throw ParquetError(.invalidArgument, "a page of \(body.count) bytes exceeds the 2 GiB page limit")
    }
    var header = header
    header.uncompressedPageSize = Int32(body.count)
    guard let zstd else {
      header.compressedPageSize = Int32(body.count)
      let headerSize = append(header, to: &output)
      output.append(contentsOf: body)
      return WrittenPage(uncompressed: headerSize + body.count, compressed: headerSize + body.count)
    }
    return try zstd.compress(body) { compressed in
      header.compressedPageSize = Int32(compressed.count)
      let headerSize = append(header, to: &output)
      output.append(contentsOf: compressed)
      return WrittenPage(uncompressed: headerSize + body.count, compressed: headerSize + compressed.count)
    }
  }

  private func append(_ header: PageHeader, to output: inout [UInt8]) -> Int {
    var writer = ThriftCompactWriter(capacity: 48)
    header.encode(into: &writer)
    output.append(contentsOf: writer.bytes)
    return writer.bytes.count
  }
}
