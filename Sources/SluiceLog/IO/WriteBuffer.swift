/// A growable, manually managed byte buffer: records are encoded straight into it and it is
/// written out with one system call, so appending a record allocates nothing once it is warm.
final class WriteBuffer {
  private(set) var base: UnsafeMutableRawPointer
  private(set) var capacity: Int
  private(set) var count = 0

  init(capacity: Int = 64 * 1024) {
    self.capacity = max(capacity, 64)
    base = .allocate(byteCount: self.capacity, alignment: 16)
  }

  deinit { base.deallocate() }

  var isEmpty: Bool { count == 0 }

  var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

  /// Reserves `n` bytes at the end and returns where they start; they count as written.
  @inline(__always)
  func claim(_ n: Int) -> UnsafeMutableRawPointer {
    if count + n > capacity { grow(to: count + n) }
    let start = base + count
    count += n
    return start
  }

  func append(_ bytes: UnsafeRawBufferPointer) {
    guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
    claim(bytes.count).copyMemory(from: source, byteCount: bytes.count)
  }

  func appendLittleEndian(_ value: Int64) {
    claim(8).storeBytes(of: value.littleEndian, as: Int64.self)
  }

  func removeAll() { count = 0 }

  private func grow(to needed: Int) {
    var newCapacity = capacity
    while newCapacity < needed { newCapacity *= 2 }
    let newBase = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
    newBase.copyMemory(from: base, byteCount: count)
    base.deallocate()
    base = newBase
    capacity = newCapacity
  }
}
