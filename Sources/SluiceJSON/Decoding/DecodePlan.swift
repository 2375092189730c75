import SluiceCore

/// The decoder's flat view of a column type (what it dispatches on per value).
enum ValueKind: UInt8 {
  case string, int32, int64, double, boolean, timestamp, date, list
}

/// One schema field as the decoder sees it.
struct PlannedField {
  /// Where the field's UTF-8 name lies in ``DecodePlan/names``.
  var nameStart: Int
  var nameLength: Int
  /// Index into ``DecodePlan/kinds`` of the field's type; a `list` kind at `k` has its element
  /// kind at `k + 1`.
  var kindIndex: Int
  var nullable: Bool
}

/// Everything about a schema the decoder precomputes once: UTF-8 field names, a flattened type
/// table and an open-addressing hash table from name bytes to field index.
///
/// The tables live in memory allocated once and never mutated, so they can be read through
/// plain pointers on the hot path and shared between threads.
final class DecodePlan: @unchecked Sendable {
  let schema: Schema
  let fieldCount: Int
  let fields: UnsafeMutablePointer<PlannedField>
  let names: UnsafeMutablePointer<UInt8>
  let kinds: UnsafeMutablePointer<ValueKind>
  /// Hash slots holding a field index or -1.
  let slots: UnsafeMutablePointer<Int32>
  let slotMask: Int
  /// `DataType` description per kind index (for error messages).
  let typeNames: [String]

  init(schema: Schema) {
    self.schema = schema
    fieldCount = schema.count
    var nameBytes: [UInt8] = []
    var planned: [PlannedField] = []
    var kindTable: [ValueKind] = []
    var typeNameTable: [String] = []
    for field in schema.fields {
      let start = nameBytes.count
      nameBytes.append(contentsOf: field.name.utf8)
      planned.append(
        PlannedField(
          nameStart: start, nameLength: nameBytes.count - start, kindIndex: kindTable.count,
          nullable: field.nullable))
      var type = field.type
      while true {
        typeNameTable.append(type.description)
        switch type {
        case .string: kindTable.append(.string)
        case .int32: kindTable.append(.int32)
        case .int64: kindTable.append(.int64)
        case .double: kindTable.append(.double)
        case .boolean: kindTable.append(.boolean)
        case .timestamp: kindTable.append(.timestamp)
        case .date: kindTable.append(.date)
        case .list(let element):
          kindTable.append(.list)
          type = element
          continue
        }
        break
      }
    }
    typeNames = typeNameTable
    fields = .allocate(capacity: max(1, planned.count))
    fields.initialize(from: planned, count: planned.count)
    names = .allocate(capacity: max(1, nameBytes.count))
    names.initialize(from: nameBytes, count: nameBytes.count)
    kinds = .allocate(capacity: max(1, kindTable.count))
    kinds.initialize(from: kindTable, count: kindTable.count)

    var slotCount = 8
    while slotCount < planned.count * 3 { slotCount <<= 1 }
    slotMask = slotCount - 1
    slots = .allocate(capacity: slotCount)
    slots.initialize(repeating: -1, count: slotCount)
    for index in planned.indices {
      let field = planned[index]
      let hash = Self.hash(names + field.nameStart, field.nameLength)
      var slot = hash & slotMask
      var duplicate = false
      while slots[slot] >= 0 {
        let other = planned[Int(slots[slot])]
        if Self.equal(names + other.nameStart, other.nameLength, names + field.nameStart, field.nameLength) {
          duplicate = true  // a repeated schema name: the first field keeps it
          break
        }
        slot = (slot + 1) & slotMask
      }
      if !duplicate { slots[slot] = Int32(index) }
    }
  }

  deinit {
    fields.deallocate()
    names.deallocate()
    kinds.deallocate()
    slots.deallocate()
  }

  func fieldName(_ index: Int) -> String { schema.fields[index].name }

  /// The field whose name is the `length` bytes at `key`, trying `expected` first (producers
  /// usually send fields in schema order). Returns -1 for an unknown name.
  @inline(__always)
  func lookup(_ key: UnsafePointer<UInt8>, _ length: Int, expected: Int) -> Int {
    if expected < fieldCount {
      let field = fields[expected]
      if Self.equal(names + field.nameStart, field.nameLength, key, length) { return expected }
    }
    var slot = Self.hash(key, length) & slotMask
    while true {
      let index = Int(slots[slot])
      if index < 0 { return -1 }
      let field = fields[index]
      if Self.equal(names + field.nameStart, field.nameLength, key, length) { return index }
      slot = (slot + 1) & slotMask
    }
  }

  /// FNV-1a over the name bytes.
  @inline(__always) static func hash(_ bytes: UnsafePointer<UInt8>, _ length: Int) -> Int {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for i in 0..<length {
      h = (h ^ UInt64(bytes[i])) &* 0x100_0000_01b3
    }
    return Int(truncatingIfNeeded: h ^ (h >> 29))
  }

  @inline(__always)
  static func equal(_ a: UnsafePointer<UInt8>, _ aLength: Int, _ b: UnsafePointer<UInt8>, _ bLength: Int)
    -> Bool
  {
    guard aLength == bLength else { return false }
    var i = 0
    while i + 8 <= aLength {
      let x = UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self)
      let y = UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self)
      if x != y { return false }
      i += 8
    }
    while i < aLength {
      if a[i] != b[i] { return false }
      i += 1
    }
    return true
  }
}
