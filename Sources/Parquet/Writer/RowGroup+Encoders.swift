extension RowGroup {
  /// Finishes every column's pending chunk into `output` (in schema order) and returns the row
  /// group that describes them. The last pages and dictionary pages are encoded on `lanes`
  /// (columns in parallel); the chunks are then appended in order. Shared by the flat and the
  /// nested writer.
  static func finishing(
    _ encoders: inout [ColumnChunkEncoder], lanes: EncoderLanes, rows: Int, ordinal: Int,
    into output: inout [UInt8]
  ) throws(ParquetError) -> RowGroup {
    try lanes.run(&encoders, work: encoders.map { $0.pagePlainBytes + $0.dictionary.plainSize }) {
      encoder, _ throws(ParquetError) in
      try encoder.sealChunk()
    }
    let groupStart = output.count
    output.reserveCapacity(groupStart + encoders.reduce(0) { $0 + $1.pendingChunkBytes })
    var chunks: [ColumnChunk] = []
    var uncompressed: Int64 = 0
    var compressed: Int64 = 0
    for index in encoders.indices {
      let chunk = encoders[index].writeChunk(into: &output)
      uncompressed += chunk.metaData.totalUncompressedSize
      compressed += chunk.metaData.totalCompressedSize
      chunks.append(chunk)
    }
    return RowGroup(
      columns: chunks, totalByteSize: uncompressed, numRows: Int64(rows), fileOffset: Int64(groupStart),
      totalCompressedSize: compressed, ordinal: Int16(truncatingIfNeeded: ordinal))
  }
}
