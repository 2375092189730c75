public import SluiceCore

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
  public func decode(_ records: RawRecords) -> DecodedRecords {
    precondition(
      records.valueByteCount < Int(Int32.max),
      "JSONRecordDecoder: a batch of \(records.valueByteCount) value bytes exceeds the 2 GiB column limit; read smaller batches"
    )
    let count = records.count
    var filler = ColumnFiller(plan: plan, options: options, capacity: count)
    var rejected: [RejectedRecord] = []
    var sourceIndices: [Int] = []
    sourceIndices.reserveCapacity(count)
    records.values.withUnsafeBytes { values in
      records.valueOffsets.withUnsafeBufferPointer { offsets in
        for i in 0..<count {
          if i == Self.sampleRecords, count > 2 * Self.sampleRecords {
            filler.reserveStringBytes(projectingFrom: i, to: count)
          }
          let record = UnsafeRawBufferPointer(rebasing: values[offsets[i]..<offsets[i + 1]])
          do throws(JSONDecodingError) {
            try filler.appendRecord(record)
            sourceIndices.append(i)
          } catch {
            rejected.append(
              RejectedRecord(index: i, position: records.positionDescription(i), reason: error.message))
          }
        }
      }
    }
    return DecodedRecords(
      batch: RecordBatch(unchecked: schema, columns: filler.columns), rejected: rejected,
      sourceIndices: sourceIndices)
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
