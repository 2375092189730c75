/// Splits a byte stream into Kafka frames (`int32` size + that many bytes), whatever pieces the
/// bytes arrive in.
///
/// `feed` appends bytes; `nextFrame` returns the next complete frame's bytes (without the size
/// prefix) or `nil` until more arrive. A declared size above `maxFrameSize` or below zero throws
/// ``KafkaProtocolError/Code/frameTooLarge``.
public struct KafkaFrameDecoder: Sendable {
  public let maxFrameSize: Int
  private var buffer: [UInt8] = []
  private var readIndex = 0

  public init(maxFrameSize: Int = 256 * 1024 * 1024) {
    self.maxFrameSize = maxFrameSize
  }

  /// Bytes received but not yet returned as frames.
  public var bufferedByteCount: Int { buffer.count - readIndex }

  public mutating func feed(_ bytes: UnsafeRawBufferPointer) {
    compactIfNeeded()
    buffer.append(contentsOf: bytes)
  }

  public mutating func feed<C: Collection>(_ bytes: C) where C.Element == UInt8 {
    compactIfNeeded()
    buffer.append(contentsOf: bytes)
  }

  public mutating func nextFrame() throws -> [UInt8]? {
    guard buffer.count - readIndex >= 4 else { return nil }
    let size =
      Int(buffer[readIndex]) << 24 | Int(buffer[readIndex + 1]) << 16 | Int(buffer[readIndex + 2]) << 8
      | Int(buffer[readIndex + 3])
    let signed = Int(Int32(truncatingIfNeeded: size))
    guard signed >= 0, signed <= maxFrameSize else {
      throw KafkaProtocolError(
        .frameTooLarge,
        "Kafka frame declares \(signed) bytes, above the limit of \(maxFrameSize) bytes (or negative): the peer is not speaking the Kafka protocol, or raise the frame limit"
      )
    }
    guard buffer.count - readIndex - 4 >= signed else { return nil }
    let start = readIndex + 4
    let frame = Array(buffer[start..<(start + signed)])
    readIndex = start + signed
    if readIndex == buffer.count {
      buffer.removeAll(keepingCapacity: true)
      readIndex = 0
    }
    return frame
  }

  private mutating func compactIfNeeded() {
    if readIndex > 0 && readIndex >= buffer.count / 2 {
      buffer.removeSubrange(0..<readIndex)
      readIndex = 0
    }
  }
}
