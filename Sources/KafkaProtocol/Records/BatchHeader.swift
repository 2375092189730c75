/// The fixed 61-byte header of a RecordBatch v2, read in place.
struct BatchHeader {
  static let size = 61
  /// Bytes counted by `batchLength` start after baseOffset (8) and batchLength (4).
  static let prefixSize = 12

  var baseOffset: Int64
  var batchLength: Int32
  var partitionLeaderEpoch: Int32
  var magic: Int8
  var crc: UInt32
  var attributes: Int16
  var lastOffsetDelta: Int32
  var baseTimestamp: Int64
  var maxTimestamp: Int64
  var producerID: Int64
  var producerEpoch: Int16
  var baseSequence: Int32
  var recordCount: Int32

  /// Reads the header at `start` of `bytes` (the caller checked 61 bytes are there).
  init(_ bytes: UnsafeRawBufferPointer, at start: Int) {
    baseOffset = bytes.bigEndian(Int64.self, at: start)
    batchLength = bytes.bigEndian(Int32.self, at: start + 8)
    partitionLeaderEpoch = bytes.bigEndian(Int32.self, at: start + 12)
    magic = Int8(bitPattern: bytes[start + 16])
    crc = bytes.bigEndian(UInt32.self, at: start + 17)
    attributes = bytes.bigEndian(Int16.self, at: start + 21)
    lastOffsetDelta = bytes.bigEndian(Int32.self, at: start + 23)
    baseTimestamp = bytes.bigEndian(Int64.self, at: start + 27)
    maxTimestamp = bytes.bigEndian(Int64.self, at: start + 35)
    producerID = bytes.bigEndian(Int64.self, at: start + 43)
    producerEpoch = bytes.bigEndian(Int16.self, at: start + 51)
    baseSequence = bytes.bigEndian(Int32.self, at: start + 53)
    recordCount = bytes.bigEndian(Int32.self, at: start + 57)
  }

  var codecBits: Int16 { attributes & 0x07 }
  var isLogAppendTime: Bool { attributes & 0x08 != 0 }
  var isTransactional: Bool { attributes & 0x10 != 0 }
  var isControl: Bool { attributes & 0x20 != 0 }
  var lastOffset: Int64 { baseOffset &+ Int64(lastOffsetDelta) }
}
