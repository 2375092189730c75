public import SluiceCore
import SluiceParallel

/// Decodes raw records, each one JSON object, straight into the typed columns of ``schema``.
///
/// Works on the bytes of `RawRecords.values`: no Foundation, no `String` per value, no
/// allocation per field (strings without escapes are copied with one `memcpy`, escaped ones are
/// unescaped directly into the column's byte buffer).
///
/// Tolerance (the producer variants of the Pinterest pipeline, spec §1.2):
/// - `int32`/`int64`/`double`: JSON numbers or strings holding exactly a JSON number (`"7528"`,
///   `"-89.9787"`; no spaces). Integer columns accept integral doubles (`20.0` → 20) and reject
///   fractions; values outside the type's range are rejected.
/// - `boolean`: `true`/`false`, `0`/`1`, and the strings `"true"`, `"false"`, `"0"`, `"1"`.
/// - `string`: strings; any other value keeps its JSON text (`437` → `"437"`, `true` → `"true"`).
/// - `timestamp`: `YYYY-MM-DD[ T]HH:MM:SS[.fraction][Z|±HH:MM]` (no zone = UTC) or `YYYY-MM-DD`,
///   or a JSON number counted in ``JSONDecodingOptions/numericTimestampUnit`` (default epoch
///   milliseconds).
/// - `date`: `YYYY-MM-DD` (a longer date-time is cut to its date) or an integer day count.
/// - `list<T>`: a JSON array of `T` values (no null elements).
/// - A missing field or an explicit `null` is null; a non-nullable field that ends up null
///   rejects the record. Unknown fields are skipped but still syntax-checked. A repeated field
///   follows ``JSONDecodingOptions/duplicateFields`` (default: the last one wins).
///
/// A record that cannot be decoded goes to `DecodedRecords.rejected` with its source position
/// and a precise reason; its partial values are rolled back and the other records still decode.
/// `DecodedRecords.sourceIndices` maps each output row to its raw record index.
public struct JSONRecordDecoder: RecordDecoder {
  public let schema: Schema
  public let options: JSONDecodingOptions
  private let plan: DecodePlan

  public init(schema: Schema, options: JSONDecodingOptions = .init()) {
    self.schema = schema
    self.options = options
    plan = DecodePlan(schema: schema)
  }

  /// Decodes every record of `records`. The batch must hold less than 2 GiB of value bytes
  /// (string columns use 32-bit offsets; decoded text is never longer than its JSON text).
  ///
  /// A big batch is decoded in contiguous parts on ``ParallelLoop/defaultLanes`` threads; the
  /// parts are appended to the first one in order, so the result is the same as decoding
  /// record after record.
  public func decode(_ records: RawRecords) -> DecodedRecords {
    decode(records, lanes: records.count >= Self.parallelMinimumRecords ? ParallelLoop.defaultLanes : 1)
  }

  /// Decodes `records` in `lanes` contiguous parts, each on its own thread.
  func decode(_ records: RawRecords, lanes requested: Int) -> DecodedRecords {
    precondition(
      records.valueByteCount < Int(Int32.max),
      "JSONRecordDecoder: a batch of \(records.valueByteCount) value bytes exceeds the 2 GiB column limit; read smaller batches"
    )
    let count = records.count
    let lanes = max(1, min(requested, count))
    guard lanes > 1 else {
      let part = decodePart(records, 0..<count, reserving: count)
      return DecodedRecords(
        batch: RecordBatch(unchecked: schema, columns: part.columns), rejected: part.rejected,
        sourceIndices: part.sourceIndices)
    }
    // Every part's buffers are reserved here, on this thread and in part order, from a sample
    // decoded first: threads reserving in whatever order they get there fragmented the heap
    // (the peak RSS of the pin job varied by 50 MB from run to run).
    let ranges = (0..<lanes).map { part in (part * count / lanes)..<((part + 1) * count / lanes) }
    let sampleEnd = min(ranges[0].upperBound, Self.sampleRecords)
    var fillers: [ColumnFiller] = []
    var parts: [DecodedPart] = []
    var sampleBytes: [Int] = []
    for (index, range) in ranges.enumerated() {
      // The first part has room for the whole batch: the others are appended to it.
      let rows = index == 0 ? count : range.count
      fillers.append(ColumnFiller(plan: plan, options: options, capacity: rows))
      parts.append(DecodedPart(reserving: rows))
      if index == 0 {
        fill(&fillers[0], &parts[0], records, 0..<sampleEnd)
        sampleBytes = fillers[0].stringByteCounts
      }
      fillers[index].reserveStringBytes(sampleBytes: sampleBytes, sample: sampleEnd, records: rows)
    }
    fillers.withUnsafeMutableBufferPointer { fillers in
      parts.withUnsafeMutableBufferPointer { parts in
        ParallelLoop.forEach(lanes, lanes: lanes) { part, _ in
          let range = part == 0 ? sampleEnd..<ranges[0].upperBound : ranges[part]
          fill(&fillers[part], &parts[part], records, range)
          parts[part].columns = fillers[part].columns
          fillers[part].columns = []
        }
      }
    }
    var whole = parts[0]
    parts[0] = DecodedPart(reserving: 0)
    for index in 1..<lanes {
      whole.append(taking: &parts[index])
    }
    return DecodedRecords(
      batch: RecordBatch(unchecked: schema, columns: whole.columns), rejected: whole.rejected,
      sourceIndices: whole.sourceIndices)
  }

  /// Batches of at least this many records are decoded in parallel parts.
  static let parallelMinimumRecords = 4 * sampleRecords

  /// Decodes records `range` of `records`, with column room for `reserving` rows.
  private func decodePart(_ records: RawRecords, _ range: Range<Int>, reserving: Int) -> DecodedPart {
    var filler = ColumnFiller(plan: plan, options: options, capacity: reserving)
    var part = DecodedPart(reserving: reserving)
    let sampleEnd = min(range.upperBound, range.lowerBound + Self.sampleRecords)
    fill(&filler, &part, records, range.lowerBound..<sampleEnd)
    if reserving > 2 * Self.sampleRecords {
      filler.reserveStringBytes(
        sampleBytes: filler.stringByteCounts, sample: sampleEnd - range.lowerBound, records: reserving)
    }
    fill(&filler, &part, records, sampleEnd..<range.upperBound)
    part.columns = filler.columns
    return part
  }

  /// Decodes records `range` into `filler`, noting source indices and rejections in `part`.
  private func fill(
    _ filler: inout ColumnFiller, _ part: inout DecodedPart, _ records: RawRecords, _ range: Range<Int>
  ) {
    records.values.withUnsafeBytes { values in
      records.valueOffsets.withUnsafeBufferPointer { offsets in
        for i in range {
          let record = UnsafeRawBufferPointer(rebasing: values[offsets[i]..<offsets[i + 1]])
          do throws(JSONDecodingError) {
            try filler.appendRecord(record)
            part.sourceIndices.append(i)
          } catch {
            part.rejected.append(
              RejectedRecord(index: i, position: records.positionDescription(i), reason: error.message))
          }
        }
      }
    }
  }

  /// After this many records, string columns reserve their projected size for the whole batch,
  /// so big batches do not grow their byte buffers by repeated doubling (peak memory).
  static let sampleRecords = 2048

  /// Decodes a single JSON object (tests, tools): the one-row batch, or the reason it failed.
  public func decodeOne(_ bytes: [UInt8]) -> Result<RecordBatch, JSONDecodingError> {
    var filler = ColumnFiller(plan: plan, options: options, capacity: 1)
    let outcome = bytes.withUnsafeBytes { buffer -> JSONDecodingError? in
      do throws(JSONDecodingError) {
        try filler.appendRecord(buffer)
        return nil
      } catch {
        return error
      }
    }
    if let outcome { return .failure(outcome) }
    return .success(RecordBatch(unchecked: schema, columns: filler.columns))
  }
}

/// The decoded rows of one contiguous part of a batch.
private struct DecodedPart {
  var columns: [Column] = []
  var rejected: [RejectedRecord] = []
  var sourceIndices: [Int] = []

  init(reserving rows: Int) {
    sourceIndices.reserveCapacity(rows)
  }

  /// Appends the next part (its rows follow this part's), releasing each of its columns as
  /// soon as it is copied, so the two parts are not both held whole (peak memory).
  mutating func append(taking next: inout DecodedPart) {
    for index in columns.indices {
      columns[index].append(contentsOf: next.columns[index])
      next.columns[index] = Column(type: columns[index].type)
    }
    rejected.append(contentsOf: next.rejected)
    sourceIndices.append(contentsOf: next.sourceIndices)
  }
}
