/// Encodes nested rows into a Parquet file for a Delta checkpoint: one row group, one
/// uncompressed data page (v1, PLAIN values, RLE levels) per leaf column. Small and simple on
/// purpose: checkpoints are written once every N commits and read by every engine.
struct CheckpointParquetWriter {
  /// Levels and values of one leaf being filled.
  struct LeafBuffer {
    var repetition: [Int32] = []
    var definition: [Int32] = []
    var values: [UInt8] = []
    var booleanBits: [Bool] = []
  }

  let root: ParquetSchemaNode
  let leaves: [ParquetSchemaNode]
  var buffers: [LeafBuffer]
  var rowCount = 0

  init(root: ParquetSchemaNode) {
    self.root = root
    leaves = root.leaves
    buffers = [LeafBuffer](repeating: LeafBuffer(), count: leaves.count)
  }

  mutating func append(_ row: NestedValue) {
    guard case .group(let fields) = row else { return }
    for (child, value) in zip(root.children, fields) {
      shred(value, child, repetition: 0, definition: 0)
    }
    rowCount += 1
  }

  /// Dremel shredding of `value` at `node`, whose parent is defined up to `definition`.
  mutating func shred(_ value: NestedValue, _ node: ParquetSchemaNode, repetition: Int32, definition: Int32) {
    switch node.repetition {
    case .repeated:
      guard case .repeated(let items) = value, !items.isEmpty else {
        emitNulls(node, repetition: repetition, definition: definition)
        return
      }
      for (index, item) in items.enumerated() {
        shredPresent(
          item, node, repetition: index == 0 ? repetition : Int32(node.repetitionLevel),
          definition: definition + 1)
      }
    case .optional:
      if case .null = value {
        emitNulls(node, repetition: repetition, definition: definition)
      } else {
        shredPresent(value, node, repetition: repetition, definition: definition + 1)
      }
    case .required:
      shredPresent(value, node, repetition: repetition, definition: definition)
    }
  }

  mutating func shredPresent(
    _ value: NestedValue, _ node: ParquetSchemaNode, repetition: Int32, definition: Int32
  ) {
    if let leafIndex = node.leafIndex {
      buffers[leafIndex].repetition.append(repetition)
      buffers[leafIndex].definition.append(definition)
      appendValue(value, to: &buffers[leafIndex], type: node.physicalType!)
      return
    }
    let children: [NestedValue]
    if case .group(let items) = value { children = items } else { children = [] }
    for (index, child) in node.children.enumerated() {
      shred(
        index < children.count ? children[index] : .null, child, repetition: repetition,
        definition: definition)
    }
  }

  mutating func emitNulls(_ node: ParquetSchemaNode, repetition: Int32, definition: Int32) {
    for leaf in node.leaves {
      buffers[leaf.leafIndex!].repetition.append(repetition)
      buffers[leaf.leafIndex!].definition.append(definition)
    }
  }

  func appendValue(_ value: NestedValue, to buffer: inout LeafBuffer, type: ParquetSchemaNode.PhysicalType) {
    switch (value, type) {
    case (.int(let v), .int32):
      let bits = UInt32(bitPattern: Int32(truncatingIfNeeded: v))
      for i in 0..<4 { buffer.values.append(UInt8(truncatingIfNeeded: bits >> (8 * UInt32(i)))) }
    case (.int(let v), _):
      let bits = UInt64(bitPattern: v)
      for i in 0..<8 { buffer.values.append(UInt8(truncatingIfNeeded: bits >> (8 * UInt64(i)))) }
    case (.bool(let b), _):
      buffer.booleanBits.append(b)
    case (.string(let s), _):
      let bytes = Array(s.utf8)
      let count = UInt32(bytes.count)
      for i in 0..<4 { buffer.values.append(UInt8(truncatingIfNeeded: count >> (8 * UInt32(i)))) }
      buffer.values.append(contentsOf: bytes)
    default:
      // A required leaf given no value: write the type's zero so the file stays well formed.
      switch type {
      case .boolean: buffer.booleanBits.append(false)
      case .int32: buffer.values.append(contentsOf: [0, 0, 0, 0])
      case .byteArray: buffer.values.append(contentsOf: [0, 0, 0, 0])
      default: buffer.values.append(contentsOf: [UInt8](repeating: 0, count: 8))
      }
    }
  }

  /// The complete file.
  func finish(createdBy: String) -> [UInt8] {
    var file: [UInt8] = Array("PAR1".utf8)
    var chunkMetadata: [(offset: Int, size: Int, values: Int)] = []
    for (index, leaf) in leaves.enumerated() {
      let buffer = buffers[index]
      var body: [UInt8] = []
      if leaf.repetitionLevel > 0 {
        appendLevels(buffer.repetition, maxLevel: leaf.repetitionLevel, to: &body)
      }
      if leaf.definitionLevel > 0 {
        appendLevels(buffer.definition, maxLevel: leaf.definitionLevel, to: &body)
      }
      if leaf.physicalType == .boolean {
        var byte: UInt8 = 0
        for (i, bit) in buffer.booleanBits.enumerated() {
          if bit { byte |= 1 << UInt8(i % 8) }
          if i % 8 == 7 {
            body.append(byte)
            byte = 0
          }
        }
        if buffer.booleanBits.count % 8 != 0 { body.append(byte) }
      } else {
        body.append(contentsOf: buffer.values)
      }
      var header = ThriftCompactWriter()
      header.beginStruct()
      header.i32(1, 0)  // DATA_PAGE
      header.i32(2, Int32(body.count))
      header.i32(3, Int32(body.count))
      header.structField(5)
      header.i32(1, Int32(buffer.definition.count))
      header.i32(2, 0)  // PLAIN
      header.i32(3, 3)  // RLE
      header.i32(4, 3)  // RLE
      header.endStruct()
      header.endStruct()
      chunkMetadata.append((file.count, header.bytes.count + body.count, buffer.definition.count))
      file += header.bytes
      file += body
    }
    let footer = footerBytes(chunks: chunkMetadata, createdBy: createdBy)
    file += footer
    let length = UInt32(footer.count)
    for i in 0..<4 { file.append(UInt8(truncatingIfNeeded: length >> (8 * UInt32(i)))) }
    file += Array("PAR1".utf8)
    return file
  }

  func appendLevels(_ levels: [Int32], maxLevel: Int, to body: inout [UInt8]) {
    let encoded = HybridRLE.encode(levels, bitWidth: HybridRLE.bitWidth(maxLevel))
    let length = UInt32(encoded.count)
    for i in 0..<4 { body.append(UInt8(truncatingIfNeeded: length >> (8 * UInt32(i)))) }
    body += encoded
  }

  func footerBytes(chunks: [(offset: Int, size: Int, values: Int)], createdBy: String) -> [UInt8] {
    var w = ThriftCompactWriter()
    w.beginStruct()
    w.i32(1, 1)
    var elements: [ParquetSchemaNode] = []
    func flatten(_ node: ParquetSchemaNode) {
      elements.append(node)
      node.children.forEach(flatten)
    }
    flatten(root)
    w.listHeader(2, elementType: .structure, count: elements.count)
    for (index, element) in elements.enumerated() {
      w.beginStruct()
      if let type = element.physicalType { w.i32(1, type.rawValue) }
      if index > 0 { w.i32(3, element.repetition.rawValue) }
      w.binary(4, element.name)
      if !element.children.isEmpty { w.i32(5, Int32(element.children.count)) }
      if let converted = element.converted { w.i32(6, converted.rawValue) }
      if let logical = logicalTypeID(element) {
        w.structField(10)
        w.structField(logical)
        w.endStruct()
        w.endStruct()
      }
      w.endStruct()
    }
    w.i64(3, Int64(rowCount))
    w.listHeader(4, elementType: .structure, count: 1)
    w.beginStruct()
    w.listHeader(1, elementType: .structure, count: leaves.count)
    for (leaf, chunk) in zip(leaves, chunks) {
      w.beginStruct()
      w.i64(2, Int64(chunk.offset))
      w.structField(3)
      w.i32(1, leaf.physicalType!.rawValue)
      w.listHeader(2, elementType: .i32, count: 2)
      w.zigzag(0)
      w.zigzag(3)
      w.listHeader(3, elementType: .binary, count: leaf.path.count)
      for name in leaf.path { w.rawBinary(Array(name.utf8)) }
      w.i32(4, 0)
      w.i64(5, Int64(chunk.values))
      w.i64(6, Int64(chunk.size))
      w.i64(7, Int64(chunk.size))
      w.i64(9, Int64(chunk.offset))
      w.endStruct()
      w.endStruct()
    }
    let total = Int64(chunks.reduce(0) { $0 + $1.size })
    w.i64(2, total)
    w.i64(3, Int64(rowCount))
    w.i64(5, Int64(chunks.first?.offset ?? 4))
    w.i64(6, total)
    w.endStruct()
    w.binary(6, createdBy)
    w.endStruct()
    return w.bytes
  }

  /// The LogicalType union member for converted types: STRING=1, MAP=2, LIST=3.
  func logicalTypeID(_ node: ParquetSchemaNode) -> Int16? {
    switch node.converted {
    case .utf8: 1
    case .map: 2
    case .list: 3
    default: nil
    }
  }
}
