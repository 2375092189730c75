import SluiceCore
import XCTest

@testable import SluiceJob

final class SourceMetadataTests: XCTestCase {
  func testMetadataColumnsFollowTheValueFields() throws {
    let spec = try JobSpec.parse(
      yaml: """
        name: meta
        source:
          kind: log
          topics: [t]
          metadata: [topic, partition, offset, timestamp, key, headers]
        schema: [{id: int64}]
        sink: {kind: jsonl, path: out}
        """)
    XCTAssertEqual(spec.metadata, [.topic, .partition, .offset, .timestamp, .key, .headers])
    let decoder = try JobAssembly.makeDecoder(spec)
    XCTAssertEqual(
      decoder.schema.names, ["id", "topic", "partition", "offset", "timestamp", "key", "headers"])

    var raw = RawRecords()
    raw.append(
      value: Array(#"{"id": 7}"#.utf8), key: Array("k1".utf8), topic: "t", partition: 2, offset: 40,
      timestamp: 1_500)
    raw.append(value: Array("not json".utf8), topic: "t", partition: 2, offset: 41, timestamp: 1_600)
    raw.append(value: Array(#"{"id": 9}"#.utf8), topic: "t", partition: 3, offset: 5, timestamp: 1_700)
    raw.headers = [
      [RecordHeader(key: "h", value: Array("v\"".utf8))], [], [RecordHeader(key: "n", value: nil)],
    ]
    let decoded = decoder.decode(raw)
    XCTAssertEqual(decoded.rejected.map(\.index), [1])
    let batch = decoded.batch
    XCTAssertEqual(batch.count, 2)
    XCTAssertEqual(batch.column(named: "id")?.int64Values, [7, 9])
    XCTAssertEqual(batch.column(named: "partition")?.int32Values, [2, 3])
    XCTAssertEqual(batch.column(named: "offset")?.int64Values, [40, 5])
    XCTAssertEqual(batch.column(named: "timestamp")?.int64Values, [1_500_000, 1_700_000], "ms → µs")
    XCTAssertEqual(batch.column(named: "key")?.string(at: 0), "k1")
    XCTAssertEqual(batch.column(named: "key")?.isNull(1), true)
    XCTAssertEqual(batch.column(named: "headers")?.string(at: 0), #"{"h":"v\""}"#)
    XCTAssertEqual(batch.column(named: "headers")?.string(at: 1), #"{"n":null}"#)
    XCTAssertEqual(batch.column(named: "topic")?.string(at: 1), "t")
  }

  func testKinesisPositionsAndNames() throws {
    var raw = RawRecords()
    raw.append(value: Array(#"{"id": 1}"#.utf8), key: Array("pk".utf8), topic: "s", partition: 3, offset: 0)
    raw.sequenceNumbers = ["49590338271490256608559692538361571095921575989136588898"]
    raw.positionStyle = .streamShardSequence
    XCTAssertEqual(
      raw.positionDescription(0),
      "stream s shard shardId-000000000003 sequence 49590338271490256608559692538361571095921575989136588898")
    let spec = try JobSpec.parse(
      yaml: """
        name: meta
        source: {kind: log, topics: [s], metadata: [stream, shardId, sequenceNumber, partitionKey]}
        schema: [{id: int64}]
        sink: {kind: jsonl, path: out}
        """)
    let batch = try JobAssembly.makeDecoder(spec).decode(raw).batch
    XCTAssertEqual(batch.column(named: "shardId")?.string(at: 0), "shardId-000000000003")
    XCTAssertEqual(
      batch.column(named: "sequenceNumber")?.string(at: 0),
      "49590338271490256608559692538361571095921575989136588898")
    XCTAssertEqual(batch.column(named: "partitionKey")?.string(at: 0), "pk")
    XCTAssertEqual(batch.column(named: "stream")?.string(at: 0), "s")
  }

  func testUnknownOrClashingMetadataIsRefused() {
    XCTAssertThrowsError(
      try JobSpec.parse(
        yaml:
          "name: m\nsource: {kind: log, topics: [t], metadata: [offsett]}\nschema: [{id: int64}]\nsink: {kind: jsonl, path: o}\n"
      )
    ) { error in
      XCTAssertTrue("\(error)".contains("'offsett' is not source metadata"), "\(error)")
    }
    XCTAssertThrowsError(
      try JobSpec.parse(
        yaml:
          "name: m\nsource: {kind: log, topics: [t], metadata: [offset]}\nschema: [{offset: int64}]\nsink: {kind: jsonl, path: o}\n"
      )
    ) { error in
      XCTAssertTrue("\(error)".contains("clashes"), "\(error)")
    }
  }
}
