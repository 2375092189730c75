import Foundation
import SluiceCore
import SluiceRuntime
import SluiceTransforms
import XCTest

@testable import SluiceJob

final class JobSpecTests: XCTestCase {
  /// Every example job in the repository decodes and validates.
  func testEveryExampleJobIsValid() throws {
    let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Examples")
    let files = FileManager.default.enumerator(atPath: examples.path)!.compactMap { $0 as? String }
      .filter { $0.hasSuffix(".yaml") }
    XCTAssertGreaterThanOrEqual(files.count, 3)
    for file in files {
      XCTAssertNoThrow(try JobSpec.load(path: examples.appendingPathComponent(file).path), file)
    }
  }

  func testFullJobDecodesIntoTypedSpec() throws {
    let spec = try JobSpec.parse(
      yaml: """
        name: geo-clean
        source:
          kind: log
          path: /tmp/log
          topics: [pinterest.geo, other]
          startingOffsets: {"pinterest.geo": {"0": 5}}
          maxRecordsPerBatch: 5000
          maxBytesPerBatch: 1048576
        transforms:
          - clean: geo
          - filter: {column: country, notEquals: Albania}
          - rename: {country: nation}
        sink: {kind: jsonl, path: out/geo}
        trigger: processingTime:250ms
        onError: skip
        """)
    XCTAssertEqual(spec.name, "geo-clean")
    guard case .log(let log) = spec.source else { return XCTFail("expected a log source") }
    XCTAssertEqual(log.topics, ["pinterest.geo", "other"])
    XCTAssertEqual(log.startingOffsets, .specific(try SerializedOffset(text: #"{"pinterest.geo":{"0":5}}"#)))
    XCTAssertEqual(spec.readLimit, ReadLimit(maxRecords: 5000, maxBytes: 1_048_576))
    XCTAssertEqual(spec.transforms.count, 3)
    XCTAssertEqual(spec.transforms.first, .clean(.geo))
    XCTAssertEqual(spec.schema, PinterestSchemas.rawGeo, "the first cleaner implies the decoder schema")
    XCTAssertEqual(spec.checkpoint, "checkpoints/geo-clean")
    XCTAssertEqual(spec.trigger, .processingTime(.milliseconds(250)))
    XCTAssertEqual(spec.onError, .skip)
    XCTAssertEqual(
      try spec.transforms.map { $0.makeTransform() }.outputSchema(for: spec.schema).names,
      ["ind", "nation", "coordinates", "timestamp"])
  }

  func testExplicitSchemaInBothForms() throws {
    let spec = try JobSpec.parse(
      yaml: """
        name: custom
        source: {kind: log, topics: [t]}
        schema:
          - id: int64
          - {name: at, type: timestamp, nullable: false}
          - name: tags
            type: list<string>
        sink: {kind: jsonl, path: out}
        """)
    XCTAssertEqual(
      spec.schema,
      Schema([Field("id", .int64), Field("at", .timestamp, nullable: false), Field("tags", .list(.string))]))
    XCTAssertEqual(spec.trigger, .processingTime(.seconds(1)), "default trigger")
    XCTAssertEqual(spec.readLimit.maxRecords, 100_000, "default batch cap")
  }

  func testInvalidFilesNameTheKeyAndTheLine() {
    let base =
      "name: j\nsource: {kind: log, topics: [t]}\ntransforms: [{clean: pin}]\nsink: {kind: jsonl, path: o}\n"
    let cases: [(String, [String])] = [
      (base + "trigger: sometimes\n", ["job.yaml:5", "trigger"]),
      (base + "colour: red\n", ["unknown key 'colour'", "allowed here"]),
      (
        base.replacingOccurrences(of: "kind: log", with: "kind: kafak"),
        ["source.kind", "'kafak' is not allowed", "log"]
      ),
      (
        base.replacingOccurrences(of: "topics: [t]", with: "topics: [t], startingOffsets: newest"),
        ["startingOffsets", "earliest, latest"]
      ),
      (
        base.replacingOccurrences(of: "{clean: pin}", with: "{clean: pins}"),
        ["transforms[0]", "pin, geo, user"]
      ),
      (base.replacingOccurrences(of: "{clean: pin}", with: "{explode: x}"), ["unknown transform 'explode'"]),
      (base.replacingOccurrences(of: "name: j", with: "name: 'a b'"), ["name 'a b'"]),
      (base.replacingOccurrences(of: "sink: {kind: jsonl, path: o}", with: ""), ["sink is required"]),
      ("name: j\nsource: {kind: log, topics: [t]}\nsink: {kind: jsonl, path: o}\n", ["schema"]),
      (
        base.replacingOccurrences(of: "[t]}", with: "[t], maxRecordsPerBatch: 0}"),
        ["maxRecordsPerBatch", "minimum is 1"]
      ),
      ("name: [", ["not valid YAML"]),
      ("", ["empty"]),
    ]
    for (text, fragments) in cases {
      XCTAssertThrowsError(try JobSpec.parse(yaml: text, file: "job.yaml"), text) { error in
        let message = "\(error)"
        for fragment in fragments {
          XCTAssertTrue(message.contains(fragment), "expected '\(fragment)' in: \(message)")
        }
      }
    }
  }
}
