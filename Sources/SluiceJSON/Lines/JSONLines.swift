public import SluiceCore

/// Newline-delimited JSON (JSON Lines): splits a buffer into one record per non-blank line.
///
/// Lines end with `\n` or `\r\n`; blank lines (only spaces/tabs/`\r`) are skipped; a UTF-8 byte
/// order mark at the start is ignored; the last line needs no terminator. The lines are not
/// parsed here: that is the decoder's job.
public enum JSONLines {
  /// One non-blank line: its byte range (without the line terminator) and 1-based line number.
  public struct Line: Sendable, Hashable {
    public var range: Range<Int>
    public var number: Int
  }

  /// The non-blank lines of `bytes`, in order.
  public static func lines(in bytes: [UInt8]) -> [Line] {
    var result: [Line] = []
    bytes.withUnsafeBufferPointer { buffer in
      var start = 0
      if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { start = 3 }
      var number = 1
      while start < buffer.count {
        var end = start
        while end < buffer.count, buffer[end] != 0x0A { end += 1 }
        var contentEnd = end
        if contentEnd > start, buffer[contentEnd - 1] == 0x0D { contentEnd -= 1 }
        var blank = true
        for i in start..<contentEnd where buffer[i] != 0x20 && buffer[i] != 0x09 && buffer[i] != 0x0D {
          blank = false
          break
        }
        if !blank { result.append(Line(range: start..<contentEnd, number: number)) }
        number += 1
        start = end + 1
      }
    }
    return result
  }

  /// The non-blank lines of `bytes` as raw records of `topic`/`partition`, with offsets
  /// `firstOffset`, `firstOffset + 1`, ... and the given record timestamp (epoch ms).
  public static func split(
    _ bytes: [UInt8], topic: String, partition: Int32 = 0, firstOffset: Int64 = 0, timestamp: Int64 = 0
  ) -> RawRecords {
    let found = lines(in: bytes)
    var records = RawRecords(capacity: found.count, valueBytes: bytes.count)
    let slot = records.topicSlot(topic)
    bytes.withUnsafeBytes { buffer in
      for (n, line) in found.enumerated() {
        records.append(
          value: UnsafeRawBufferPointer(rebasing: buffer[line.range]), key: nil, topic: slot,
          partition: partition, offset: firstOffset + Int64(n), timestamp: timestamp)
      }
    }
    return records
  }
}
