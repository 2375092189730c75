import SluiceCore

/// Decoders for the encodings of Parquet format 2 writers (Spark, DuckDB, pyarrow on request):
/// DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY and BYTE_STREAM_SPLIT.
enum DeltaDecoder {
  /// Decodes `count` DELTA_BINARY_PACKED integers (wrapping arithmetic); returns bytes consumed.
  static func binaryPacked(
    _ bytes: UnsafeRawBufferPointer, count: Int, into values: inout [Int64], what: @autoclosure () -> String
  ) throws(ParquetError) -> Int {
    var position = 0
    func varint() throws(ParquetError) -> UInt64 {
      var result: UInt64 = 0
      var shift: UInt64 = 0
      while true {
        guard position < bytes.count, shift < 64 else {
          throw .truncated("\(what()): DELTA_BINARY_PACKED header or block cut off")
        }
        let byte = bytes[position]
        position += 1
        result |= UInt64(byte & 0x7F) << shift
        if byte & 0x80 == 0 { return result }
        shift += 7
      }
    }
    func zigzag() throws(ParquetError) -> Int64 {
      let raw = try varint()
      return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }
    let blockSize = Int(clamping: try varint())
    let miniblocks = Int(clamping: try varint())
    let total = Int(clamping: try varint())
    var previous = try zigzag()
    guard blockSize > 0, blockSize % 128 == 0, miniblocks > 0, blockSize % miniblocks == 0,
      (blockSize / miniblocks) % 32 == 0
    else {
      throw .corrupt(
        "\(what()): DELTA_BINARY_PACKED block of \(blockSize) values in \(miniblocks) miniblocks")
    }
    guard total >= count else {
      throw .corrupt("\(what()): DELTA_BINARY_PACKED holds \(total) values, the page needs \(count)")
    }
    let perMiniblock = blockSize / miniblocks
    values.reserveCapacity(values.count + count)
    if count > 0 { values.append(previous) }
    var remaining = total - 1
    var needed = count - 1
    while remaining > 0 {
      let minimum = try zigzag()
      guard bytes.count - position >= miniblocks else {
        throw .truncated("\(what()): miniblock widths cut off")
      }
      let widthsAt = position
      position += miniblocks
      for miniblock in 0..<miniblocks where remaining > 0 {
        let width = Int(bytes[widthsAt + miniblock])
        guard width <= 64 else { throw .corrupt("\(what()): miniblock bit width \(width)") }
        let size = perMiniblock * width / 8
        guard bytes.count - position >= size else {
          throw .truncated("\(what()): miniblock of \(size) bytes cut off")
        }
        let take = min(perMiniblock, remaining)
        for index in 0..<min(take, max(needed, 0)) {
          let delta = unpack(bytes, bitOffset: position * 8 + index * width, width: width)
          previous = previous &+ minimum &+ Int64(bitPattern: delta)
          values.append(previous)
        }
        needed -= take
        remaining -= take
        position += size
      }
    }
    return position
  }

  /// `width` bits (≤ 64) starting at `bitOffset`, least significant first.
  private static func unpack(_ bytes: UnsafeRawBufferPointer, bitOffset: Int, width: Int) -> UInt64 {
    var result: UInt64 = 0
    var produced = 0
    var bit = bitOffset
    while produced < width {
      let shift = bit & 7
      let take = min(8 - shift, width - produced)
      let chunk = (UInt64(bytes[bit >> 3]) >> UInt64(shift)) & ((1 << UInt64(take)) - 1)
      result |= chunk << UInt64(produced)
      produced += take
      bit += take
    }
    return result
  }

  /// DELTA_BINARY_PACKED values of an INT32 / INT64 column appended to `column`.
  static func integers(
    _ bytes: UnsafeRawBufferPointer, count: Int, physical: PhysicalType, conversion: ValueConversion,
    into column: inout Column, what: @autoclosure () -> String
  ) throws(ParquetError) {
    var decoded: [Int64] = []
    _ = try binaryPacked(bytes, count: count, into: &decoded, what: what())
    column.validity.append(contentsOf: repeatElement(true, count: count))
    switch (physical, conversion) {
    case (.int32, .unsignedToInt64):
      column.int64Values.append(contentsOf: decoded.lazy.map { Int64(UInt32(truncatingIfNeeded: $0)) })
    case (.int32, _):
      column.int32Values.append(contentsOf: decoded.lazy.map { Int32(truncatingIfNeeded: $0) })
    default:
      let start = column.int64Values.count
      column.int64Values.append(contentsOf: decoded)
      PlainDecoder.convert(&column.int64Values, from: start, conversion)
    }
  }

  /// DELTA_LENGTH_BYTE_ARRAY (lengths, then concatenated bytes) or, with `prefixes`,
  /// DELTA_BYTE_ARRAY (prefix lengths, then DELTA_LENGTH_BYTE_ARRAY suffixes).
  static func byteArrays(
    _ bytes: UnsafeRawBufferPointer, count: Int, prefixes: Bool, into column: inout Column,
    what: @autoclosure () -> String
  ) throws(ParquetError) {
    var position = 0
    var prefixLengths: [Int64] = []
    if prefixes {
      position += try binaryPacked(bytes, count: count, into: &prefixLengths, what: what())
    }
    var lengths: [Int64] = []
    position += try binaryPacked(
      UnsafeRawBufferPointer(rebasing: bytes[position...]), count: count, into: &lengths, what: what())
    column.validity.append(contentsOf: repeatElement(true, count: count))
    var previousStart = column.bytes.count
    var previousLength = 0
    for index in 0..<count {
      let length = Int(lengths[index])
      guard length >= 0, bytes.count - position >= length else {
        throw .truncated("\(what()): value \(index) of \(count) needs \(length) bytes")
      }
      let start = column.bytes.count
      if prefixes {
        let prefix = Int(prefixLengths[index])
        guard prefix >= 0, prefix <= previousLength else {
          throw .corrupt("\(what()): prefix of \(prefix) bytes but the previous value has \(previousLength)")
        }
        column.bytes.append(contentsOf: column.bytes[previousStart..<(previousStart + prefix)])
      }
      column.bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[position..<(position + length)]))
      position += length
      guard column.bytes.count <= Int(Int32.max) else {
        throw .unsupported("\(what()): more than 2 GiB of string data in one column")
      }
      column.offsets.append(Int32(column.bytes.count))
      previousStart = start
      previousLength = column.bytes.count - start
    }
  }

  /// BYTE_STREAM_SPLIT values: byte `j` of value `i` is at `j * count + i`.
  static func byteStreamSplit(
    _ bytes: UnsafeRawBufferPointer, count: Int, physical: PhysicalType, conversion: ValueConversion,
    into column: inout Column, what: @autoclosure () -> String
  ) throws(ParquetError) {
    let width: Int
    switch physical {
    case .float, .int32: width = 4
    case .double, .int64: width = 8
    default: throw .unsupported("\(what()): BYTE_STREAM_SPLIT for \(physical)")
    }
    guard bytes.count >= width * count else {
      throw .truncated(
        "\(what()): BYTE_STREAM_SPLIT needs \(width * count) bytes, the page has \(bytes.count)")
    }
    var plain = [UInt8](repeating: 0, count: width * count)
    for index in 0..<count {
      for byte in 0..<width { plain[index * width + byte] = bytes[byte * count + index] }
    }
    try plain.withParquetBytes { raw throws(ParquetError) in
      try PlainDecoder.decode(
        raw, count: count, physical: physical, conversion: conversion, into: &column, what: what())
    }
  }
}
