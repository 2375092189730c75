import Foundation
import KinesisClient
import SluiceAWS
import XCTest

/// The HTTP client against moto_server: the operations round-trip, and SigV4 is checked by moto
/// in its auth mode (a good signature works, a wrong secret gets a clear 403 error).
final class MotoKinesisTests: XCTestCase {
  var moto: MotoServer?

  override func tearDown() {
    moto?.stop()
  }

  func testOperationsRoundTripAgainstMoto() async throws {
    let moto = try MotoServer()
    self.moto = moto
    let client = try KinesisHTTPClient(
      region: "us-east-1", credentials: AWSCredentials(accessKeyID: "testing", secretAccessKey: "testing"),
      endpoint: moto.endpoint)
    let stream = StreamAddress.name("orders")
    try await client.createStream(name: "orders", shardCount: 3)
    try await client.waitUntilActive(stream)
    let summary = try await client.describeStreamSummary(stream)
    XCTAssertEqual(summary.openShardCount, 3)
    XCTAssertTrue(summary.streamARN.hasSuffix(":stream/orders"), summary.streamARN)

    let entries = (0..<30).map {
      PutRecordsEntry(data: Array(#"{"n":\#($0),"é":"ü"}"#.utf8), partitionKey: "k\($0)")
    }
    let results = try await client.putRecords(stream, entries: entries)
    XCTAssertEqual(results.count, 30)
    XCTAssertTrue(results.allSatisfy(\.succeeded))
    let single = try await client.putRecord(
      stream, entry: PutRecordsEntry(data: Array("x".utf8), partitionKey: "k0"))
    XCTAssertEqual(single.shardID, results[0].shardID)

    // By ARN too.
    let shards = try await client.listAllShards(.arn(summary.streamARN))
    XCTAssertEqual(shards.count, 3)
    var seen: [String] = []
    for shard in shards {
      let iterator = try await client.getShardIterator(stream, shardID: shard.shardID, position: .trimHorizon)
      let answer = try await client.getRecords(stream, iterator: iterator, limit: 1000)
      XCTAssertNotNil(answer.nextShardIterator)
      XCTAssertEqual(answer.millisBehindLatest, 0)
      for i in 0..<answer.records.count {
        seen.append(String(decoding: answer.records.data(i), as: UTF8.self))
        XCTAssertGreaterThan(answer.records.arrivalTimestampsMs[i], 1_600_000_000_000)
      }
      // AFTER_SEQUENCE_NUMBER of the last record: nothing more.
      if let last = answer.records.sequenceNumbers.last {
        let after = try await client.getShardIterator(
          stream, shardID: shard.shardID, position: .afterSequenceNumber(last))
        let rest = try await client.getRecords(stream, iterator: after, limit: 10)
        XCTAssertTrue(rest.records.isEmpty)
      }
    }
    XCTAssertEqual(Set(seen), Set(entries.map { String(decoding: $0.data, as: UTF8.self) } + ["x"]))

    do {
      _ = try await client.listShards(.name("missing"), nextToken: nil)
      XCTFail("expected ResourceNotFoundException")
    } catch let error as KinesisError {
      XCTAssertEqual(error.code, .resourceNotFound)
      XCTAssertEqual(error.awsType, "ResourceNotFoundException")
      XCTAssertTrue(error.message.contains("ListShards"), error.message)
    }
    try await client.deleteStream(stream)
  }

  func testSignaturesAreCheckedByMotoInAuthMode() async throws {
    let moto = try MotoServer(environment: ["INITIAL_NO_AUTH_ACTION_COUNT": "3"])
    self.moto = moto
    // The three unauthenticated calls create a user, allow everything, and make an access key.
    let keys = try moto.python(
      """
      import sys, json, boto3
      iam = boto3.client("iam", endpoint_url=sys.argv[1], region_name="us-east-1")
      iam.create_user(UserName="sluice")
      iam.put_user_policy(UserName="sluice", PolicyName="all", PolicyDocument=json.dumps(
          {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}))
      key = iam.create_access_key(UserName="sluice")["AccessKey"]
      print(json.dumps({"id": key["AccessKeyId"], "secret": key["SecretAccessKey"]}))
      """)
    let parsed = try JSONSerialization.jsonObject(with: Data(keys.utf8)) as! [String: String]
    let good = AWSCredentials(accessKeyID: parsed["id"]!, secretAccessKey: parsed["secret"]!)
    let client = try KinesisHTTPClient(region: "us-east-1", credentials: good, endpoint: moto.endpoint)
    try await client.createStream(name: "signed", shardCount: 2)
    try await client.waitUntilActive(.name("signed"))
    _ = try await client.putRecord(
      .name("signed"), entry: PutRecordsEntry(data: [1, 2, 3], partitionKey: "p"))
    let shards = try await client.listAllShards(.name("signed"))
    XCTAssertEqual(shards.count, 2)

    let wrong = AWSCredentials(
      accessKeyID: parsed["id"]!, secretAccessKey: parsed["secret"]! + "x", source: "the test")
    let bad = try KinesisHTTPClient(region: "us-east-1", credentials: wrong, endpoint: moto.endpoint)
    do {
      _ = try await bad.listShards(.name("signed"), nextToken: nil)
      XCTFail("a wrong secret must be refused")
    } catch let error as KinesisError {
      XCTAssertEqual(error.code, .accessDenied)
      XCTAssertEqual(error.httpStatus, 403)
      XCTAssertEqual(error.awsType, "SignatureDoesNotMatch")
      XCTAssertTrue(error.message.contains("access key \(parsed["id"]!)"), error.message)
      XCTAssertTrue(error.message.contains("AWS_SECRET_ACCESS_KEY"), error.message)
    }

    let unknown = try KinesisHTTPClient(
      region: "us-east-1",
      credentials: AWSCredentials(accessKeyID: "AKIANOTAKEY0000000", secretAccessKey: "s"),
      endpoint: moto.endpoint)
    do {
      _ = try await unknown.describeStreamSummary(.name("signed"))
      XCTFail("an unknown key must be refused")
    } catch let error as KinesisError {
      XCTAssertEqual(error.code, .accessDenied)
    }
  }
}
