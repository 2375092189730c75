public import SluiceCore

/// Writes rows of a ``RecordBatch`` as JSON objects, one per line (JSON Lines), straight from the
/// column buffers.
///
/// Every field is written, nulls as `null`, in schema order. Timestamps are ISO-8601 UTC without a
/// zone suffix (`2020-08-28T03:52:47`, with `.ffffff` when there are sub-seconds), dates
/// `YYYY-MM-DD`, doubles in their shortest round-trip form (integral ones below 10^15 as `7.0`,
/// non-finite values as `null`). Strings are escaped as ``JSONLineBuffer`` describes.
///
/// The batch must have the encoder's schema. Each call takes every column's buffers once (see
/// ``ColumnView``) and then writes cells with unchecked stores; ``encode(_:from:into:upTo:)``
/// lets a caller write a large batch in bounded chunks through one reused buffer.
public struct JSONRowEncoder: Sendable {
  public let schema: Schema
  /// `{"name":` / `,"name":` prefixes, pre-escaped, back to back, followed by 8 zero bytes (so
  /// they can be copied a word at a time).
  private let prefixBytes: [UInt8]
  /// Prefix `i` is `prefixBytes[prefixOffsets[i]..<prefixOffsets[i + 1]]`.
  private let prefixOffsets: [Int]

  public init(schema: Schema) {
    self.schema = schema
    var bytes: [UInt8] = []
    var offsets = [0]
    var scratch = JSONLineBuffer(capacity: 256)
    for (index, field) in schema.fields.enumerated() {
      bytes.append(index == 0 ? UInt8(ascii: "{") : UInt8(ascii: ","))
      scratch.removeAll()
      scratch.appendString(field.name.utf8)
      scratch.withBytes { bytes.append(contentsOf: $0) }
      bytes.append(UInt8(ascii: ":"))
      offsets.append(bytes.count)
    }
    bytes.append(contentsOf: repeatElement(0, count: 8))
    prefixBytes = bytes
    prefixOffsets = offsets
  }

  /// Appends every row of `batch` as one line each (terminated by `\n`).
  public func encode(_ batch: RecordBatch, into out: inout [UInt8]) {
    var buffer = JSONLineBuffer(capacity: 1 << 20)
    var row = 0
    while row < batch.count {
      buffer.removeAll()
      let next = encode(batch, from: row, into: &buffer, upTo: 1 << 20)
      if row == 0, next < batch.count {
        // Room for the rest at the first chunk's bytes per row, so `out` grows once.
        let estimate = buffer.count / next * (batch.count - next) + buffer.count
        out.reserveCapacity(out.count + estimate + estimate / 16)
      }
      buffer.withBytes { out.append(contentsOf: $0) }
      row = next
    }
  }

  /// Appends rows of `batch` from `row` on, one line each, until `buffer` holds at least
  /// `byteLimit` bytes or the batch ends (at least one row is written when any is left).
  /// Returns the index of the next row to write: `batch.count` when all are written.
  public func encode(
    _ batch: RecordBatch, from row: Int, into buffer: inout JSONLineBuffer, upTo byteLimit: Int
  ) -> Int {
    let rowCount = batch.count
    guard row < rowCount else { return rowCount }
    guard !batch.columns.isEmpty else {
      var next = row
      repeat {
        buffer.reserve(3)
        buffer.put(UInt8(ascii: "{"))
        buffer.put(UInt8(ascii: "}"))
        buffer.put(UInt8(ascii: "\n"))
        next += 1
      } while next < rowCount && buffer.count < byteLimit
      return next
    }
    precondition(
      batch.columns.count == prefixOffsets.count - 1,
      "JSONRowEncoder: the batch has \(batch.columns.count) columns, the encoder's schema \(schema.count)")
    let columnCount = batch.columns.count
    return prefixBytes.withUnsafeBytes { prefixes in
      prefixOffsets.withUnsafeBufferPointer { offsets in
        let keys = KeyPrefixes(bytes: prefixes.baseAddress!, offsets: offsets)
        guard columnCount > Self.columnsBoundAtOnce else {
          return ColumnView.withViews(of: batch.columns) { views in
            var next = row
            repeat {
              Self.appendCells(of: next, columns: 0..<columnCount, views: views, keys: keys, to: &buffer)
              Self.endLine(&buffer)
              next += 1
            } while next < rowCount && buffer.count < byteLimit
            return next
          }
        }
        // A wide batch: its columns are bound a group at a time, for every row (slower; the same
        // bytes), as binding all at once would nest one closure per buffer on the stack.
        var next = row
        repeat {
          for lower in stride(from: 0, to: columnCount, by: Self.columnsBoundAtOnce) {
            let group = lower..<min(lower + Self.columnsBoundAtOnce, columnCount)
            ColumnView.withViews(of: Array(batch.columns[group])) { views in
              Self.appendCells(of: next, columns: group, views: views, keys: keys, to: &buffer)
            }
          }
          Self.endLine(&buffer)
          next += 1
        } while next < rowCount && buffer.count < byteLimit
        return next
      }
    }
  }

  /// The most columns whose buffers are bound at once (each bound buffer is one nested closure).
  static let columnsBoundAtOnce = 32

  /// The key prefixes, bound for one call.
  struct KeyPrefixes {
    let bytes: UnsafeRawPointer
    let offsets: UnsafeBufferPointer<Int>
  }

  /// Appends `"key":value` (with the opening `{` or separating `,`) for `columns` of row `row`;
  /// `views[0]` is the view of `columns.lowerBound`.
  @inline(__always) static func appendCells(
    of row: Int, columns: Range<Int>, views: UnsafeBufferPointer<ColumnView>, keys: KeyPrefixes,
    to buffer: inout JSONLineBuffer
  ) {
    for column in columns {
      let start = keys.offsets[column]
      appendPrefix(keys.bytes + start, length: keys.offsets[column + 1] - start, to: &buffer)
      appendValue(views, column - columns.lowerBound, row, to: &buffer)
    }
  }

  /// `}` and the newline.
  @inline(__always) static func endLine(_ buffer: inout JSONLineBuffer) {
    buffer.reserve(2)
    buffer.put(UInt8(ascii: "}"))
    buffer.put(UInt8(ascii: "\n"))
  }

  /// Appends row `row` as one JSON object (no newline).
  public func encodeRow(_ row: Int, of batch: RecordBatch, into out: inout [UInt8]) {
    var buffer = JSONLineBuffer(capacity: 4096)
    _ = encode(batch, from: row, into: &buffer, upTo: 0)
    buffer.withBytes { out.append(contentsOf: $0.dropLast()) }
  }

  /// Copies a key prefix a word at a time (the prefix storage has 8 bytes of zero padding).
  @inline(__always) static func appendPrefix(
    _ prefix: UnsafeRawPointer, length: Int, to buffer: inout JSONLineBuffer
  ) {
    buffer.reserve(length &+ 8)
    let target = UnsafeMutableRawPointer(buffer.end)
    var copied = 0
    repeat {
      target.storeBytes(
        of: prefix.loadUnaligned(fromByteOffset: copied, as: UInt64.self), toByteOffset: copied,
        as: UInt64.self)
      copied &+= 8
    } while copied < length
    buffer.advance(length)
  }

  /// Appends the value of `views[column]` at `row`.
  @inline(__always) static func appendValue(
    _ views: UnsafeBufferPointer<ColumnView>, _ column: Int, _ row: Int, to buffer: inout JSONLineBuffer
  ) {
    let view = views[column]
    guard view.validity[row] else { return buffer.appendNull() }
    switch view.kind {
    case .int32: buffer.appendInteger(Int64(view.values.load(fromByteOffset: row &* 4, as: Int32.self)))
    case .int64: buffer.appendInteger(view.values.load(fromByteOffset: row &* 8, as: Int64.self))
    case .double: buffer.appendDouble(view.values.load(fromByteOffset: row &* 8, as: Double.self))
    case .boolean: buffer.appendBool(view.values.load(fromByteOffset: row, as: Bool.self))
    case .string:
      let start = Int(view.offsets[row])
      buffer.appendString(view.bytes.map { $0 + start }, length: Int(view.offsets[row &+ 1]) &- start)
    case .timestamp:
      buffer.appendTimestamp(micros: view.values.load(fromByteOffset: row &* 8, as: Int64.self))
    case .date: buffer.appendDate(days: view.values.load(fromByteOffset: row &* 4, as: Int32.self))
    case .list: appendList(views, view, row, to: &buffer)
    }
  }

  /// `[e1,e2,…]` from the list's element column.
  @inline(never) static func appendList(
    _ views: UnsafeBufferPointer<ColumnView>, _ view: ColumnView, _ row: Int, to buffer: inout JSONLineBuffer
  ) {
    buffer.reserve(1)
    buffer.put(UInt8(ascii: "["))
    let start = Int(view.offsets[row])
    let end = Int(view.offsets[row + 1])
    for element in start..<end {
      if element > start {
        buffer.reserve(1)
        buffer.put(UInt8(ascii: ","))
      }
      appendValue(views, view.child, element, to: &buffer)
    }
    buffer.reserve(1)
    buffer.put(UInt8(ascii: "]"))
  }
}
