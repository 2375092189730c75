import SluiceCore
import XCTest

@testable import SluiceTransforms

final class NullIfStripPrefixTests: XCTestCase {
  func mixed() throws -> RecordBatch {
    try RecordBatch(
      schema: Schema([Field("title", .string, nullable: false), Field("n", .int64), Field("tags", .string)]),
      rows: [
        [.string("No Title Data Available"), .int64(1), .string("")],
        [.string("No Title Data Available!"), .int64(2), .string("N,o, ,T,a,g,s, ,A,v,a,i,l,a,b,l,e")],
        [.string(""), .null, .null],
        [.string("Ωμέγα"), .int64(4), .string("a,b")],
      ])
  }

  func testNullsExactWholeValueMatchesOnly() throws {
    let out = try applyChecked(
      NullIf(column: "title", values: ["No Title Data Available", "Ωμέγα"]), try mixed())
    XCTAssertEqual(values(out, "title"), [.null, .string("No Title Data Available!"), .string(""), .null])
    XCTAssertEqual(values(out, "tags"), values(try mixed(), "tags"), "other columns untouched")
    XCTAssertEqual(out.schema[0].nullable, true, "a nulled column becomes nullable")
  }

  func testSeveralColumnsAndTheAllStringColumnsForm() throws {
    let several = try applyChecked(NullIf(columns: ["title", "tags"], values: [""]), try mixed())
    XCTAssertEqual(values(several, "title")[2], .null)
    XCTAssertEqual(values(several, "tags")[0], .null)
    let all = try applyChecked(NullIf.allStringColumns(values: ["", "a,b"]), try mixed())
    XCTAssertEqual(
      values(all, "title"),
      [.string("No Title Data Available"), .string("No Title Data Available!"), .null, .string("Ωμέγα")])
    XCTAssertEqual(values(all, "tags"), [.null, .string("N,o, ,T,a,g,s, ,A,v,a,i,l,a,b,l,e"), .null, .null])
    XCTAssertEqual(values(all, "n"), [.int64(1), .int64(2), .null, .int64(4)], "non-string columns skipped")
  }

  func testMatchingIsCaseSensitiveAndByteExact() throws {
    let batch = try column(
      "s", .string, [.string("untitled"), .string("Untitled "), .string("Untitled"), .string("Untitled")])
    XCTAssertEqual(
      values(try applyChecked(NullIf(column: "s", values: ["Untitled"]), batch), "s"),
      [.string("untitled"), .string("Untitled "), .null, .null])
  }

  func testNoMatchLeavesTheColumnIntact() throws {
    let batch = try mixed()
    let out = try applyChecked(NullIf(column: "tags", values: ["zzz"]), batch)
    XCTAssertEqual(out.columns[2].bytes, batch.columns[2].bytes)
    XCTAssertEqual(out.columns[2].validity, batch.columns[2].validity)
  }

  func testNullIfErrors() throws {
    let schema = try mixed().schema
    assertTransformError(.wrongType, containing: ["null-if", "'n'", "int64", "string column"]) {
      _ = try NullIf(column: "n", values: ["0"]).outputSchema(for: schema)
    }
    assertTransformError(.missingColumn, containing: ["null-if", "'description'"]) {
      _ = try NullIf(column: "description", values: ["x"]).outputSchema(for: schema)
    }
    assertTransformError(.invalidArgument, containing: ["placeholder"]) {
      _ = try NullIf(column: "title", values: []).outputSchema(for: schema)
    }
  }

  func testNullIfOnEmptyBatch() throws {
    let out = try applyChecked(NullIf.allStringColumns(values: [""]), RecordBatch.empty(try mixed().schema))
    XCTAssertEqual(out.count, 0)
  }

  func testStripPrefix() throws {
    let batch = try column(
      "save_location", .string,
      [
        .string("Local save in /data/vehicles"), .string("/data/art"), .null, .string("Local save in "),
        .string("Local save in"), .string("Local save in /données/été"), .string("xLocal save in /data/a"),
      ])
    let out = try applyChecked(StripPrefix(column: "save_location", prefix: "Local save in "), batch)
    XCTAssertEqual(
      values(out, "save_location"),
      [
        .string("/data/vehicles"), .string("/data/art"), .null, .string(""), .string("Local save in"),
        .string("/données/été"), .string("xLocal save in /data/a"),
      ])
  }

  func testStripUnicodePrefixAndEmptyPrefix() throws {
    let batch = try column("s", .string, [.string("→ next"), .string("next")])
    XCTAssertEqual(
      values(try applyChecked(StripPrefix(column: "s", prefix: "→ "), batch), "s"),
      [.string("next"), .string("next")])
    XCTAssertEqual(
      values(try applyChecked(StripPrefix(column: "s", prefix: ""), batch), "s"), values(batch, "s"))
  }

  func testStripPrefixErrors() throws {
    assertTransformError(.wrongType, containing: ["strip-prefix", "'n'", "int64"]) {
      _ = try StripPrefix(column: "n", prefix: "x").apply(try column("n", .int64, [.int64(1)]))
    }
    assertTransformError(.missingColumn, containing: ["strip-prefix", "'save_location'"]) {
      _ = try StripPrefix(column: "save_location", prefix: "x").apply(try column("n", .int64, [.int64(1)]))
    }
  }
}
