import SluiceCore

/// The buffers of one ``Column`` as raw pointers, taken once per encoded chunk so that writing a
/// cell costs no `Column` copy (no retain/release of its arrays) and no bounds checks.
///
/// Views are only valid inside ``ColumnView/withViews(of:_:)``. A list column's elements are
/// the view at index ``child`` of the same table.
struct ColumnView {
  enum Kind: UInt8 {
    case int32, int64, double, boolean, string, timestamp, date, list
  }

  let kind: Kind
  /// `validity[row] == false` ⇔ null.
  let validity: UnsafePointer<Bool>
  /// `int32Values`, `int64Values`, `doubleValues` or `boolValues`, by ``kind``.
  let values: UnsafeRawPointer
  /// String byte offsets or list child offsets.
  let offsets: UnsafePointer<Int32>
  /// String bytes (`nil` when the column holds no string bytes at all).
  let bytes: UnsafePointer<UInt8>?
  /// Index of the element column's view (lists), or -1.
  let child: Int

  init(
    kind: Kind, validity: Pointer, values: Pointer = .init(), offsets: Pointer = .init(),
    bytes: Pointer = .init(), child: Int = -1
  ) {
    self.kind = kind
    self.validity = validity.typed(Bool.self)
    self.values = UnsafeRawPointer(values.address)
    self.offsets = offsets.typed(Int32.self)
    self.bytes = bytes.optional(UInt8.self)
    self.child = child
  }

  /// A buffer's start, or a pointer to a zeroed scratch word when the buffer is empty (it is
  /// then never read: an empty buffer has no slots).
  struct Pointer {
    var base: UnsafeRawPointer?

    init(_ buffer: UnsafeRawBufferPointer? = nil) { base = buffer?.baseAddress }

    var address: UnsafeRawPointer { base ?? UnsafeRawPointer(ColumnView.scratch) }

    func typed<T>(_: T.Type) -> UnsafePointer<T> { address.assumingMemoryBound(to: T.self) }

    func optional<T>(_: T.Type) -> UnsafePointer<T>? { base?.assumingMemoryBound(to: T.self) }
  }

  nonisolated(unsafe) static let scratch = UnsafeMutableRawPointer.allocate(byteCount: 16, alignment: 16)
    .initializeMemory(as: UInt64.self, repeating: 0, count: 2)

  /// Calls `body` with one view per column of `columns` (indices `0..<columns.count`), followed
  /// by the element columns of lists. The views are valid only during the call.
  static func withViews<Result>(
    of columns: [Column], _ body: (UnsafeBufferPointer<ColumnView>) -> Result
  ) -> Result {
    var flat = columns
    var children: [Int] = Array(repeating: -1, count: columns.count)
    var index = 0
    while index < flat.count {
      if case .list = flat[index].type {
        children[index] = flat.count
        flat.append(flat[index].children[0])
        children.append(-1)
      }
      index += 1
    }
    var views: [ColumnView] = []
    views.reserveCapacity(flat.count)
    return bind(flat, children: children, from: 0, into: &views, body)
  }

  /// Takes the buffers of `columns[index]`, appends its view and recurses, so that every buffer
  /// is held by an enclosing `withUnsafeBytes` while `body` runs.
  private static func bind<Result>(
    _ columns: [Column], children: [Int], from index: Int, into views: inout [ColumnView],
    _ body: (UnsafeBufferPointer<ColumnView>) -> Result
  ) -> Result {
    guard index < columns.count else { return views.withUnsafeBufferPointer(body) }
    let column = columns[index]
    let child = children[index]
    func next(_ view: ColumnView) -> Result {
      views.append(view)
      return bind(columns, children: children, from: index + 1, into: &views, body)
    }
    return column.validity.withUnsafeBytes { validityBytes in
      let validity = Pointer(validityBytes)
      switch column.type {
      case .int32, .date:
        let kind: Kind = column.type == .date ? .date : .int32
        return column.int32Values.withUnsafeBytes {
          next(ColumnView(kind: kind, validity: validity, values: Pointer($0)))
        }
      case .int64, .timestamp:
        let kind: Kind = column.type == .timestamp ? .timestamp : .int64
        return column.int64Values.withUnsafeBytes {
          next(ColumnView(kind: kind, validity: validity, values: Pointer($0)))
        }
      case .double:
        return column.doubleValues.withUnsafeBytes {
          next(ColumnView(kind: .double, validity: validity, values: Pointer($0)))
        }
      case .boolean:
        return column.boolValues.withUnsafeBytes {
          next(ColumnView(kind: .boolean, validity: validity, values: Pointer($0)))
        }
      case .string:
        return column.offsets.withUnsafeBytes { offsets in
          column.bytes.withUnsafeBytes { bytes in
            next(
              ColumnView(kind: .string, validity: validity, offsets: Pointer(offsets), bytes: Pointer(bytes)))
          }
        }
      case .list:
        return column.offsets.withUnsafeBytes { offsets in
          next(ColumnView(kind: .list, validity: validity, offsets: Pointer(offsets), child: child))
        }
      }
    }
  }
}
