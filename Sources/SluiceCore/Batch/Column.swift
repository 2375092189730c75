/// One column of a ``RecordBatch``: typed, contiguous value buffers plus a validity vector.
///
/// Only the buffers that match ``type`` are used:
///
/// | type | buffers |
/// |---|---|
/// | `int32`, `date` | ``int32Values`` |
/// | `int64`, `timestamp` | ``int64Values`` |
/// | `double` | ``doubleValues`` |
/// | `boolean` | ``boolValues`` |
/// | `string` | ``bytes`` (UTF-8, concatenated) and ``offsets`` (`count + 1` entries) |
/// | `list<T>` | ``offsets`` (`count + 1` entries into the child) and ``children`` (one column of `T`) |
///
/// A null slot still occupies a value slot (zero / empty), as in Arrow. Appending is in place
/// and amortised O(1); nothing on the hot path allocates per value.
public struct Column: Sendable {
  public let type: DataType
  /// `validity[i] == false` ⇔ slot `i` is null.
  public var validity: [Bool] = []
  public var int32Values: [Int32] = []
  public var int64Values: [Int64] = []
  public var doubleValues: [Double] = []
  public var boolValues: [Bool] = []
  /// String byte offsets or list child offsets; starts with `0`, has `count + 1` entries.
  public var offsets: [Int32] = []
  public var bytes: [UInt8] = []
  /// The element column of a list (exactly one entry for `list<T>`, empty otherwise).
  public var children: [Column] = []

  public init(type: DataType, capacity: Int = 0) {
    self.type = type
    validity.reserveCapacity(capacity)
    switch type {
    case .int32, .date: int32Values.reserveCapacity(capacity)
    case .int64, .timestamp: int64Values.reserveCapacity(capacity)
    case .double: doubleValues.reserveCapacity(capacity)
    case .boolean: boolValues.reserveCapacity(capacity)
    case .string:
      offsets.reserveCapacity(capacity + 1)
      offsets.append(0)
    case .list(let element):
      offsets.reserveCapacity(capacity + 1)
      offsets.append(0)
      children = [Column(type: element, capacity: capacity * 2)]
    }
  }

  /// Number of slots (null or not).
  @inlinable public var count: Int { validity.count }

  public var nullCount: Int { validity.reduce(0) { $0 + ($1 ? 0 : 1) } }

  @inlinable public func isNull(_ index: Int) -> Bool { !validity[index] }

  /// The UTF-8 bytes of string slot `index` (empty for null).
  @inlinable public func stringBytes(at index: Int) -> ArraySlice<UInt8> {
    bytes[Int(offsets[index])..<Int(offsets[index + 1])]
  }

  /// The string at `index`, or `nil` when null. Allocates: not for hot paths.
  public func string(at index: Int) -> String? {
    guard validity[index] else { return nil }
    return String(decoding: stringBytes(at: index), as: UTF8.self)
  }

  /// Range of child slots that list slot `index` covers.
  @inlinable public func listRange(at index: Int) -> Range<Int> {
    Int(offsets[index])..<Int(offsets[index + 1])
  }

  /// Reserves room for `additional` more slots.
  public mutating func reserve(_ additional: Int) {
    let target = count + additional
    validity.reserveCapacity(target)
    switch type {
    case .int32, .date: int32Values.reserveCapacity(target)
    case .int64, .timestamp: int64Values.reserveCapacity(target)
    case .double: doubleValues.reserveCapacity(target)
    case .boolean: boolValues.reserveCapacity(target)
    case .string, .list: offsets.reserveCapacity(target + 1)
    }
  }
}
