import SluiceCore
import XCTest

@testable import SluiceTransforms

final class PinCleanerTests: XCTestCase {
  let cleaner = PinCleaner()

  /// The sample follower counts, expanded by hand.
  static let expandedFollowers: [String: Int64] = [
    "124k": 124_000, "0": 0, "51k": 51_000, "211k": 211_000, "43k": 43_000, "437": 437,
    "6M": 6_000_000, "117k": 117_000,
  ]

  func testEverySampleRecordCleansToTheExpectedRow() throws {
    let cleaned = try applyChecked(cleaner, try PinterestSamples.rawPinBatch())
    XCTAssertEqual(cleaned.schema, PinterestSchemas.cleanPin)
    assertRows(cleaned, PinterestSamples.cleanPinRows)
  }

  func testOutputSchemaIsThePublishedCleanSchema() throws {
    XCTAssertEqual(cleaner.name, "clean:pin")
    XCTAssertEqual(try cleaner.outputSchema(for: PinterestSchemas.rawPin), PinterestSchemas.cleanPin)
    XCTAssertEqual(
      PinterestSchemas.cleanPin.names,
      [
        "ind", "unique_id", "title", "description", "follower_count", "poster_name", "tag_list",
        "is_image_or_video", "image_src", "save_location", "category",
      ])
    XCTAssertEqual(PinterestSchemas.cleanPin.field(named: "ind")?.type, .int64)
    XCTAssertEqual(PinterestSchemas.cleanPin.field(named: "follower_count")?.type, .int32)
  }

  /// Spec §6.4, first and fourth lines, compared by column name.
  func testSection64ExpectedRows() throws {
    let cleaned = try cleaner.apply(try PinterestSamples.rawPinBatch())
    let pin7528 = try PinterestSamples.row(cleaned, 7528)
    let expected7528: [(String, Value)] = [
      ("ind", .int64(7528)), ("unique_id", .string("fbe53c66-3442-4773-b19e-d3ec6f54dddf")),
      ("title", .null), ("description", .null), ("follower_count", .null), ("poster_name", .null),
      ("tag_list", .null), ("is_image_or_video", .string("multi-video(story page format)")),
      ("image_src", .null), ("save_location", .string("/data/mens-fashion")),
      ("category", .string("mens-fashion")),
    ]
    XCTAssertEqual(pin7528.fields.map(\.name), expected7528.map(\.0))
    XCTAssertEqual(pin7528.fields.map(\.value), expected7528.map(\.1))

    let pin5069 = try PinterestSamples.row(cleaned, 5069)
    let expected5069: [(String, Value)] = [
      ("ind", .int64(5069)), ("unique_id", .string("b75b6f87-deb3-444f-b29e-ce9161b2df49")),
      ("title", .string("The Vault: Curated & Refined Wedding Inspiration")),
      (
        "description",
        .string(
          "Sacramento California Wedding 2 Chic Events & Design Jodi Yorston Photography Wilson Vineyards "
            + "Barn Miosa Couture Yellow Barn Vineyard Outdoor Candles DIY")
      ),
      ("follower_count", .int32(6_000_000)), ("poster_name", .string("Style Me Pretty")),
      (
        "tag_list",
        .string(
          "60th Anniversary Parties,Anniversary Decorations,Golden Anniversary,25th Wedding Anniversary,"
            + "Anniversary Pictures,Anniversary Ideas,Birthday Decorations,Event Planning Design,Event Design"
        )
      ),
      ("is_image_or_video", .string("image")),
      ("image_src", .string("https://i.pinimg.com/originals/7e/45/90/7e45905fefa36347e83333fd6d091140.jpg")),
      ("save_location", .string("/data/event-planning")), ("category", .string("event-planning")),
    ]
    XCTAssertEqual(pin5069.fields.map(\.name), expected5069.map(\.0))
    XCTAssertEqual(pin5069.fields.map(\.value), expected5069.map(\.1))
  }

  /// Spec §2.4 worked examples.
  func testWorkedExamples() throws {
    let cleaned = try cleaner.apply(try PinterestSamples.rawPinBatch())
    XCTAssertEqual(try PinterestSamples.row(cleaned, 5069)["follower_count"], .int32(6_000_000))
    XCTAssertEqual(try PinterestSamples.row(cleaned, 2863)["follower_count"], .int32(124_000))
    XCTAssertEqual(try PinterestSamples.row(cleaned, 10794)["follower_count"], .int32(437))
    let pin1014 = try PinterestSamples.row(cleaned, 1014)
    XCTAssertEqual(pin1014["follower_count"], .int32(0), "\"0\" is zero followers, not missing")
    XCTAssertEqual(pin1014["description"], .null, "Untitled is in the recommended placeholder set")
    let pin6398 = try PinterestSamples.row(cleaned, 6398)
    XCTAssertEqual(pin6398["description"], .null)
    XCTAssertEqual(pin6398["is_image_or_video"], .string("multi-video(story page format)"))
    XCTAssertEqual(pin6398["follower_count"], .int32(117_000))
    let pin1313 = try PinterestSamples.row(cleaned, 1313)
    XCTAssertEqual(pin1313["tag_list"], .null)
    XCTAssertEqual(pin1313["is_image_or_video"], .string("video"))
    XCTAssertEqual(pin1313["title"], .string("Liquid Lash Extensions Mascara"))
    XCTAssertEqual(pin1313["save_location"], .string("/data/beauty"))
    let pin7528 = try PinterestSamples.row(cleaned, 7528)
    for column in ["title", "description", "poster_name", "follower_count", "tag_list", "image_src"] {
      XCTAssertEqual(pin7528[column], .null, column)
    }
    XCTAssertEqual(pin7528["save_location"], .string("/data/mens-fashion"))
  }

  func testInputColumnOrderDoesNotMatterAndExtraColumnsAreIgnored() throws {
    let raw = try PinterestSamples.rawPinBatch()
    let shuffled = try raw.reversedColumns().adding("ingested_by", .string, value: .string("test"))
    let cleaned = try applyChecked(cleaner, shuffled)
    XCTAssertEqual(cleaned.schema, PinterestSchemas.cleanPin)
    assertRows(cleaned, PinterestSamples.cleanPinRows)
  }

  func testAcceptsTypeVariantsOfTheRawColumns() throws {
    let raw = try PinterestSamples.rawPinBatch()
    // index as int32, follower_count already numeric, downloaded as a string.
    let variant =
      try raw
      .retyping("index", to: .int32) { .int32(Int32($0.intValue!)) }
      .retyping("follower_count", to: .int64) { value in
        switch value.stringValue {
        case "User Info Error": .null
        case let text?: .int64(Self.expandedFollowers[text]!)
        case nil: .null
        }
      }
      .retyping("downloaded", to: .string) { .string(String($0.intValue!)) }
    assertRows(try applyChecked(cleaner, variant), PinterestSamples.cleanPinRows)

    // index as a numeric string (jbell22j stringifies every field).
    let textual = try raw.retyping("index", to: .string) { .string(String($0.intValue!)) }
    assertRows(try applyChecked(cleaner, textual), PinterestSamples.cleanPinRows)
  }

  func testAcceptsTheJoinKeySpelledInd() throws {
    let raw = try PinterestSamples.rawPinBatch()
    let renamed = RecordBatch(
      unchecked: Schema([Field("ind", .int64)] + raw.schema.fields.dropFirst()), columns: raw.columns)
    assertRows(try applyChecked(cleaner, renamed), PinterestSamples.cleanPinRows)
  }

  func testDownloadedIsNotRequired() throws {
    let raw = try PinterestSamples.rawPinBatch().removing("downloaded")
    assertRows(try applyChecked(cleaner, raw), PinterestSamples.cleanPinRows)
  }

  func testMissingColumnNamesTheColumnAndTheCleaner() throws {
    let raw = try PinterestSamples.rawPinBatch().removing("follower_count")
    assertTransformError(.missingColumn, containing: ["clean:pin", "'follower_count'", "rawPin", "category"])
    {
      _ = try cleaner.outputSchema(for: raw.schema)
    }
    assertTransformError(.missingColumn, containing: ["clean:pin", "'follower_count'"]) {
      _ = try cleaner.apply(raw)
    }
    let noKey = try PinterestSamples.rawPinBatch().removing("index")
    assertTransformError(.missingColumn, containing: ["'index'"]) { _ = try cleaner.apply(noKey) }
  }

  func testWrongTypeNamesTheColumnAndWhatIsAccepted() throws {
    let raw = try PinterestSamples.rawPinBatch().retyping("title", to: .int64) { _ in .int64(1) }
    assertTransformError(.wrongType, containing: ["clean:pin", "'title'", "int64", "string"]) {
      _ = try cleaner.outputSchema(for: raw.schema)
    }
    let badKey = try PinterestSamples.rawPinBatch().retyping("index", to: .double) {
      .double(Double($0.intValue!))
    }
    assertTransformError(.wrongType, containing: ["'index'", "double"]) { _ = try cleaner.apply(badKey) }
  }

  func testPlaceholderMatchingIsExactAndPerColumn() throws {
    let base = PinterestSamples.rawPinRows[6]  // 10794, no placeholders
    func row(_ changes: [Int: Value]) -> [Value] {
      var row = base
      for (index, value) in changes { row[index] = value }
      return row
    }
    // Columns: 2 title, 3 description, 4 poster_name, 5 follower_count, 6 tag_list, 8 image_src.
    let rows = [
      row([3: .string("Art.")]),  // ChefData-only placeholder: kept
      row([3: .string("Untitled poem")]),  // contains a placeholder: kept
      row([2: .string("no title data available")]),  // case differs: kept
      row([2: .string("Untitled")]),  // Untitled is a placeholder for description only
      row([4: .string("No Title Data Available")]),  // placeholder of another column: kept
      row([8: .string("Image src error")]),  // without the period: kept
      row([0: .int64(1), 1: .string(""), 7: .string(""), 10: .string(""), 11: .string("")]),  // "" → null
      row([2: .string(""), 3: .string(""), 4: .string(""), 5: .string(""), 6: .string(""), 8: .string("")]),
      row([3: .string("No description available")]),
      row([2: .null, 5: .null, 10: .null]),  // nulls stay null
    ]
    let cleaned = try applyChecked(cleaner, try RecordBatch(schema: PinterestSchemas.rawPin, rows: rows))
    XCTAssertEqual(values(cleaned, "description")[0], .string("Art."))
    XCTAssertEqual(values(cleaned, "description")[1], .string("Untitled poem"))
    XCTAssertEqual(values(cleaned, "title")[2], .string("no title data available"))
    XCTAssertEqual(values(cleaned, "title")[3], .string("Untitled"))
    XCTAssertEqual(values(cleaned, "poster_name")[4], .string("No Title Data Available"))
    XCTAssertEqual(values(cleaned, "image_src")[5], .string("Image src error"))
    for column in ["unique_id", "is_image_or_video", "save_location", "category"] {
      XCTAssertEqual(values(cleaned, column)[6], .null, column)
    }
    XCTAssertEqual(values(cleaned, "ind")[6], .int64(1))
    for column in ["title", "description", "poster_name", "follower_count", "tag_list", "image_src"] {
      XCTAssertEqual(values(cleaned, column)[7], .null, column)
    }
    XCTAssertEqual(values(cleaned, "description")[8], .null)
    XCTAssertEqual(values(cleaned, "title")[9], .null)
    XCTAssertEqual(values(cleaned, "follower_count")[9], .null)
    XCTAssertEqual(values(cleaned, "save_location")[9], .null)
    XCTAssertEqual(values(cleaned, "category")[9], .string("vehicles"))
  }

  func testSaveLocationWithoutThePrefixIsKept() throws {
    var row = PinterestSamples.rawPinRows[0]
    row[10] = .string("/data/art")
    let cleaned = try cleaner.apply(try RecordBatch(schema: PinterestSchemas.rawPin, rows: [row]))
    XCTAssertEqual(values(cleaned, "save_location"), [.string("/data/art")])
  }

  func testEmptyBatch() throws {
    let cleaned = try applyChecked(cleaner, RecordBatch.empty(PinterestSchemas.rawPin))
    XCTAssertEqual(cleaned.schema, PinterestSchemas.cleanPin)
    XCTAssertEqual(cleaned.count, 0)
  }

  func testIsAFixedChainOfGenericOperators() throws {
    let names = try cleaner.steps(for: PinterestSchemas.rawPin).map(\.name)
    XCTAssertEqual(names.first, "select")
    XCTAssertEqual(names.last, "select")
    for expected in ["null-if", "parse-suffixed-number", "strip-prefix", "rename"] {
      XCTAssertTrue(names.contains(expected), "\(expected) missing from \(names)")
    }
    XCTAssertFalse(names.contains("cast"), "index is already int64 in the raw schema")
    let textual = Schema(
      PinterestSchemas.rawPin.fields.map { $0.name == "index" ? Field("index", .string) : $0 })
    XCTAssertTrue(try cleaner.steps(for: textual).map(\.name).contains("cast"))
  }
}
