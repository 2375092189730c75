import SluiceCore
import XCTest

@testable import SluiceTransforms

extension PinterestSamples {
  /// Column position of the timestamp in the raw geo rows and of `date_joined` in the raw user rows.
  static let geoTimestampColumn = 1
  static let userJoinedColumn = 4

  /// The raw pin sample as the decoder would produce it (``PinterestSchemas/rawPin``).
  static func rawPinBatch() throws -> RecordBatch {
    try RecordBatch(schema: PinterestSchemas.rawPin, rows: rawPinRows)
  }

  /// The raw geo sample; `timestamp` parsed (decoder schema) or, with `asText`, kept a string.
  static func rawGeoBatch(asText: Bool = false) throws -> RecordBatch {
    try rawBatch(PinterestSchemas.rawGeo, rawGeoRows, temporalColumn: geoTimestampColumn, asText: asText)
  }

  /// The raw user sample; `date_joined` parsed (decoder schema) or, with `asText`, kept a string.
  static func rawUserBatch(asText: Bool = false) throws -> RecordBatch {
    try rawBatch(PinterestSchemas.rawUser, rawUserRows, temporalColumn: userJoinedColumn, asText: asText)
  }

  private static func rawBatch(
    _ schema: Schema, _ rows: [[Value]], temporalColumn: Int, asText: Bool
  ) throws -> RecordBatch {
    if asText {
      var fields = schema.fields
      fields[temporalColumn].type = .string
      return try RecordBatch(schema: Schema(fields), rows: rows)
    }
    let parsed = try rows.map { row -> [Value] in
      var row = row
      let text = try XCTUnwrap(row[temporalColumn].stringValue)
      row[temporalColumn] = .timestamp(try XCTUnwrap(Timestamp.parseMicros(text)))
      return row
    }
    return try RecordBatch(schema: schema, rows: parsed)
  }

  /// The row of `batch` whose column `key` holds `ind`.
  static func row(_ batch: RecordBatch, key: String = "ind", _ ind: Int64) throws -> Row {
    let matches = batch.rows.filter { $0[key]?.intValue == ind }
    XCTAssertEqual(matches.count, 1, "expected exactly one row with \(key) \(ind)")
    return try XCTUnwrap(matches.first)
  }
}
