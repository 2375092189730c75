import SluiceCore
import XCTest

@testable import DeltaLake

final class DeltaSchemaTests: XCTestCase {
  func testSchemaStringGolden() {
    let schema = Schema([
      Field("ind", .int64), Field("name", .string), Field("n", .int32), Field("x", .double),
      Field("ok", .boolean, nullable: false), Field("ts", .timestamp), Field("d", .date),
      Field("coordinates", .list(.double)),
    ])
    XCTAssertEqual(
      DeltaSchema.encode(schema),
      #"{"type":"struct","fields":[{"name":"ind","type":"long","nullable":true,"metadata":{}},"#
        + #"{"name":"name","type":"string","nullable":true,"metadata":{}},"#
        + #"{"name":"n","type":"integer","nullable":true,"metadata":{}},"#
        + #"{"name":"x","type":"double","nullable":true,"metadata":{}},"#
        + #"{"name":"ok","type":"boolean","nullable":false,"metadata":{}},"#
        + #"{"name":"ts","type":"timestamp","nullable":true,"metadata":{}},"#
        + #"{"name":"d","type":"date","nullable":true,"metadata":{}},"#
        + #"{"name":"coordinates","type":{"type":"array","elementType":"double","containsNull":false},"nullable":true,"metadata":{}}]}"#
    )
    XCTAssertEqual(try DeltaSchema.decode(DeltaSchema.encode(schema)), schema)
  }

  func testReadingWidensShortAndByteAndAcceptsNullableArrays() throws {
    let text =
      #"{"type":"struct","fields":[{"name":"s","type":"short","nullable":true,"metadata":{}},"#
      + #"{"name":"b","type":"byte","nullable":true,"metadata":{}},"#
      + #"{"name":"v","type":{"type":"array","elementType":"string","containsNull":true},"nullable":true,"metadata":{}}]}"#
    let schema = try DeltaSchema.decode(text)
    XCTAssertEqual(schema, Schema([Field("s", .int32), Field("b", .int32), Field("v", .list(.string))]))
  }

  func testUnsupportedTypesNameTheColumn() {
    for type in ["float", "timestamp_ntz", "binary", "decimal(10,2)"] {
      let text = #"{"type":"struct","fields":[{"name":"c","type":"\#(type)","nullable":true,"metadata":{}}]}"#
      XCTAssertThrowsError(try DeltaSchema.decode(text)) {
        let error = $0 as! DeltaError
        XCTAssertEqual(error.code, .unsupportedFeature)
        XCTAssertTrue(error.message.contains("column 'c'") && error.message.contains(type), error.message)
      }
    }
  }

  func testDifferenceListsEveryChange() {
    let table = Schema([Field("a", .int64), Field("b", .string), Field("c", .double)])
    let batch = Schema([Field("a", .string), Field("c", .double), Field("d", .boolean)])
    let difference = SchemaDifference(table: table, batch: batch)
    XCTAssertEqual(
      difference.lines,
      [
        "column 'a': table has long, batch has string", "column 'b' (string) is missing from the batch",
        "column 'd' (boolean) is not in the table",
      ])
    XCTAssertTrue(SchemaDifference(table: table, batch: table).isEmpty)
    let reordered = SchemaDifference(table: table, batch: Schema([table[1], table[0], table[2]]))
    XCTAssertEqual(reordered.lines.count, 1)
    XCTAssertTrue(reordered.description.contains("column order differs"))
  }
}
