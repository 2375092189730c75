import Foundation
import SluiceCore
import XCTest

@testable import SluiceTransforms

final class OperatorSpecTests: XCTestCase {
  static let allCases: [OperatorSpec] = [
    .select(["a", "b"]),
    .rename([.init(from: "index", to: "ind"), .init(from: "b", to: "c")]),
    .drop(["downloaded"]),
    .cast(column: "age", to: .int32),
    .cast(column: "coords", to: .list(.double)),
    .nullIf(.columns(["title"]), values: ["No Title Data Available", ""]),
    .nullIf(.allStringColumns, values: [""]),
    .stripPrefix(column: "save_location", prefix: "Local save in "),
    .parseSuffixedNumber(column: "follower_count", as: .int64),
    .concat(columns: ["first_name", "last_name"], separator: " ", as: "user_name"),
    .makeList(columns: ["latitude", "longitude"], as: "coordinates"),
    .filter(column: "category", .equals(.string("art"))),
    .filter(column: "n", .notEquals(.int64(3))),
    .filter(column: "x", .in([.double(2.5), .boolean(true), .string("s")])),
    .filter(column: "x", .isNull),
    .filter(column: "x", .isNotNull),
    .dropDuplicates(nil),
    .dropDuplicates(["unique_id"]),
    .clean(.pin),
    .clean(.geo),
    .clean(.user),
  ]

  func testEveryCaseBuildsTheMatchingOperator() {
    let expected: [String] = [
      "select", "rename", "drop", "cast", "cast", "null-if", "null-if", "strip-prefix",
      "parse-suffixed-number",
      "concat", "make-list", "filter", "filter", "filter", "filter", "filter", "drop-duplicates",
      "drop-duplicates", "clean:pin", "clean:geo", "clean:user",
    ]
    XCTAssertEqual(Self.allCases.map { $0.makeTransform().name }, expected)
    XCTAssertEqual(Set(Self.allCases.map(\.operation)), Set(OperatorSpec.operations))
    XCTAssertEqual(
      OperatorSpec.cast(column: "age", to: .int32).makeTransform() as? Cast, Cast(column: "age", to: .int32))
    XCTAssertEqual(
      OperatorSpec.rename([.init(from: "index", to: "ind")]).makeTransform() as? Rename,
      Rename(from: "index", to: "ind"))
    XCTAssertEqual(
      OperatorSpec.filter(column: "x", .isNull).makeTransform() as? Filter, Filter(column: "x", .isNull))
  }

  func testBuiltOperatorsWork() throws {
    let batch = try RecordBatch(
      schema: Schema([Field("first_name", .string), Field("last_name", .string)]),
      rows: [[.string("Abigail"), .string("Ali")], [.string("Abigail"), .string("Ali")]])
    let steps: [any Transform] = [
      OperatorSpec.concat(columns: ["first_name", "last_name"], separator: " ", as: "user_name"),
      .dropDuplicates(nil), .select(["user_name"]),
    ].map { $0.makeTransform() }
    let out = try steps.apply(batch)
    XCTAssertEqual(try steps.outputSchema(for: batch.schema), out.schema)
    assertRows(out, [[.string("Abigail Ali")]])
  }

  func testJSONRoundTrip() throws {
    for spec in Self.allCases {
      let data = try JSONEncoder().encode(spec)
      XCTAssertEqual(
        try JSONDecoder().decode(OperatorSpec.self, from: data), spec, String(decoding: data, as: UTF8.self))
    }
  }

  func testDecodesTheDocumentedShapes() throws {
    let json = """
      [
        {"clean": "pin"},
        {"rename": {"index": "ind"}},
        {"cast": {"column": "age", "to": "long"}},
        {"nullIf": {"column": "title", "values": ["Untitled"]}},
        {"nullIf": {"allStringColumns": true, "values": [""]}},
        {"parseSuffixedNumber": {"column": "follower_count"}},
        {"filter": {"column": "age", "in": [20, 21.5, "x", true]}},
        {"filter": {"column": "age", "isNotNull": true}},
        {"dropDuplicates": true},
        {"dropDuplicates": null}
      ]
      """
    let specs = try JSONDecoder().decode([OperatorSpec].self, from: Data(json.utf8))
    XCTAssertEqual(
      specs,
      [
        .clean(.pin), .rename([.init(from: "index", to: "ind")]), .cast(column: "age", to: .int64),
        .nullIf(.columns(["title"]), values: ["Untitled"]), .nullIf(.allStringColumns, values: [""]),
        .parseSuffixedNumber(column: "follower_count", as: .int32),
        .filter(column: "age", .in([.int64(20), .double(21.5), .string("x"), .boolean(true)])),
        .filter(column: "age", .isNotNull), .dropDuplicates(nil), .dropDuplicates(nil),
      ])
  }

  func testDecodingErrorsSayWhatIsAllowed() {
    let cases: [(String, [String])] = [
      (#"{"explode": ["a"]}"#, ["unknown transform 'explode'", "select", "clean"]),
      (#"{"clean": "board"}"#, ["unknown cleaner 'board'", "pin, geo, user"]),
      (#"{"cast": {"column": "a", "to": "decimal"}}"#, ["unknown type 'decimal'", "int64"]),
      (#"{"select": ["a"], "drop": ["b"]}"#, ["exactly one key"]),
      (#"{"filter": {"column": "a", "isNull": true, "equals": 1}}"#, ["exactly one condition"]),
    ]
    for (json, fragments) in cases {
      XCTAssertThrowsError(try JSONDecoder().decode(OperatorSpec.self, from: Data(json.utf8)), json) {
        error in
        let text = String(describing: error)
        for fragment in fragments {
          XCTAssertTrue(text.contains(fragment), "\(json): \(text) lacks \(fragment)")
        }
      }
    }
  }

  func testCleanerKinds() throws {
    XCTAssertEqual(CleanerKind.allCases.map(\.rawValue), ["pin", "geo", "user"])
    XCTAssertEqual(
      CleanerKind.allCases.map { $0.makeCleaner().name }, ["clean:pin", "clean:geo", "clean:user"])
    for kind in CleanerKind.allCases {
      XCTAssertEqual(
        try kind.makeCleaner().outputSchema(for: kind.rawSchema), kind.cleanSchema, kind.rawValue)
    }
    XCTAssertEqual(CleanerKind.pin.rawSchema, PinterestSchemas.rawPin)
    XCTAssertEqual(PinterestSchemas.rawPin.names.first, "index")
    XCTAssertEqual(PinterestSchemas.rawPin.count, 12)
    XCTAssertEqual(PinterestSchemas.rawGeo.names, ["ind", "timestamp", "latitude", "longitude", "country"])
    XCTAssertEqual(PinterestSchemas.rawUser.names, ["ind", "first_name", "last_name", "age", "date_joined"])
  }
}
