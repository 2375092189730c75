import KinesisClient
import SluiceCore
import SluiceKinesis
import SluiceTesting
import XCTest

/// `source.metadata: [partitionKey, sequenceNumber, shardId, approximateArrivalTimestamp, stream]`
/// columns come out of the records the Kinesis source delivers.
final class KinesisMetadataTests: XCTestCase {
  func testMetadataColumnsFromKinesisRecords() async throws {
    let stream = try await KinesisTestStream(shards: 2)
    let put = try await stream.put([7], key: { _ in "user-7" })
    let source = try stream.source()
    let (batches, _) = try await stream.drain(source, from: try await source.initialOffset())
    let records = try XCTUnwrap(batches.first?.records)
    let decoder = try MetadataColumnsDecoder(
      inner: IntegerValueDecoder(),
      fields: [.partitionKey, .sequenceNumber, .shardId, .approximateArrivalTimestamp, .stream])
    let decoded = decoder.decode(records)
    XCTAssertTrue(decoded.rejected.isEmpty)
    let row = decoded.batch.rows[0]
    XCTAssertEqual(row["value"], .int64(7))
    XCTAssertEqual(row["partitionKey"], .string("user-7"))
    XCTAssertEqual(row["sequenceNumber"], .string(put[0].sequenceNumber!))
    XCTAssertEqual(row["shardId"], .string(put[0].shardID!))
    XCTAssertEqual(row["approximateArrivalTimestamp"], .timestamp(1_700_000_000_000 * 1000))
    XCTAssertEqual(row["stream"], .string("events"))
  }
}
