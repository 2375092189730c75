extension RowGroup {
  /// Finishes every column's pending chunk into `output` (in schema order) and returns the row
  /// group that describes them. Shared by the flat and the nested writer.
  static func finishing(
    _ encoders: inout [ColumnChunkEncoder], rows: Int, ordinal: Int, into output: inout [UInt8]
  ) throws(ParquetError) -> RowGroup {
    let groupStart = output.count
    output.reserveCapacity(groupStart + encoders.reduce(0) { $0 + $1.pendingChunkBytes })
    var chunks: [ColumnChunk] = []
    var uncompressed: Int64 = 0
    var compressed: Int64 = 0
    for index in encoders.indices {
      let chunk = try encoders[index].finishChunk(into: &output)
      uncompressed += chunk.metaData.totalUncompressedSize
      compressed += chunk.metaData.totalCompressedSize
      chunks.append(chunk)
    }
    return RowGroup(
      columns: chunks, totalByteSize: uncompressed, numRows: Int64(rows), fileOffset: Int64(groupStart),
      totalCompressedSize: compressed, ordinal: Int16(truncatingIfNeeded: ordinal))
  }
}
