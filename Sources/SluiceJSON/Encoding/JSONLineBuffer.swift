/// A growable byte buffer that ``JSONRowEncoder`` writes JSON text into: one allocation, reused
/// across chunks by ``removeAll()``, written with unchecked stores after one capacity check per
/// value.
///
/// Contract: ``withBytes(_:)`` exposes exactly the bytes appended since the last
/// ``removeAll()``; the memory is owned by the buffer and freed when it goes away (it is not
/// copyable, so there is never a second owner).
public struct JSONLineBuffer: ~Copyable {
  @usableFromInline var storage: UnsafeMutablePointer<UInt8>
  @usableFromInline var capacity: Int
  /// Bytes written so far.
  public private(set) var count: Int = 0

  /// Creates an empty buffer with room for `capacity` bytes (it grows when needed).
  public init(capacity: Int = 1 << 20) {
    self.capacity = max(capacity, 64)
    storage = .allocate(capacity: self.capacity)
  }

  deinit { storage.deallocate() }

  public var isEmpty: Bool { count == 0 }

  /// Forgets the content, keeping the memory.
  public mutating func removeAll() { count = 0 }

  /// Calls `body` with the bytes written so far (valid only during the call).
  public func withBytes<Result, Failure: Error>(
    _ body: (UnsafeRawBufferPointer) throws(Failure) -> Result
  ) throws(Failure) -> Result {
    try body(UnsafeRawBufferPointer(start: storage, count: count))
  }

  // MARK: - Writing (callers reserve first, then write unchecked)

  /// Makes room for `additional` more bytes.
  @inline(__always) mutating func reserve(_ additional: Int) {
    if count &+ additional > capacity { grow(toHold: count + additional) }
  }

  @inline(never) mutating func grow(toHold needed: Int) {
    var newCapacity = capacity * 2
    while newCapacity < needed { newCapacity *= 2 }
    let newStorage = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    newStorage.update(from: storage, count: count)
    storage.deallocate()
    storage = newStorage
    capacity = newCapacity
  }

  /// The next free byte (room must have been reserved).
  @inline(__always) var end: UnsafeMutablePointer<UInt8> { storage + count }

  /// Appends one byte; room must have been reserved.
  @inline(__always) mutating func put(_ byte: UInt8) {
    storage[count] = byte
    count &+= 1
  }

  /// Marks `n` bytes written through ``end`` as part of the content.
  @inline(__always) mutating func advance(_ n: Int) { count &+= n }

  /// Appends `bytes` (reserving room).
  @inline(__always) mutating func append(_ bytes: UnsafeRawBufferPointer) {
    reserve(bytes.count)
    if let base = bytes.baseAddress {
      UnsafeMutableRawPointer(end).copyMemory(from: base, byteCount: bytes.count)
      count &+= bytes.count
    }
  }
}
