import Foundation
import XCTest

/// `sluice serve` driven by real clients: the seeds' producers replayed with `requests` (Kafka
/// REST and API-Gateway Kinesis shapes) feed the log, the Pinterest example jobs turn it into the
/// three cleaned Delta tables (row counts read back with delta-rs); boto3 produces and consumes
/// through the native Kinesis API; bad input is refused in each API's shape, log unchanged.
final class GatewayEndToEndTests: XCTestCase {
  static let userID = "12c0d092d679"
  var sluice: SluiceProcess!
  var gateway: GatewayProcess?

  override func setUpWithError() throws {
    sluice = try SluiceProcess.scratch()
  }

  override func tearDown() {
    gateway?.stop()
    gateway = nil
    sluice.remove()
  }

  /// End offsets of every topic, from `sluice log describe --json`.
  func endOffsets() throws -> [String: [Int]] {
    let topics =
      try sluice.json(["log", "describe", "--log", "data/log", "--json"]) as? [[String: Any]] ?? []
    var result: [String: [Int]] = [:]
    for topic in topics {
      result[topic["name"] as? String ?? ""] = (topic["partitions"] as? [[String: Any]] ?? []).compactMap {
        $0["latestOffset"] as? Int
      }
    }
    return result
  }

  /// Writes the example job `kind` with its topics pointed at the seeds' topic and stream names.
  func writeExampleJob(_ kind: String) throws {
    let example = InteropPython.packageRoot.appendingPathComponent("Examples/pinterest/\(kind).yaml")
    let text = try String(contentsOf: example, encoding: .utf8)
    let topics = "topics: [\(Self.userID).\(kind), streaming-\(Self.userID)-\(kind)]"
    let rewritten = text.replacingOccurrences(of: "topics: [pinterest.\(kind)]", with: topics)
    XCTAssertNotEqual(rewritten, text, "the example job \(kind).yaml reads topics: [pinterest.\(kind)]")
    try sluice.write(rewritten, to: "\(kind).yaml")
  }

  func testSeedProducersFeedThePinterestJobsAndBoto3RoundTrips() throws {
    // Raw rows from the emulator (with its producer variants), exported as the seeds' DB rows.
    var result = try sluice.run([
      "emulate", "--log", "rows-log", "--count", "90", "--seed", "11", "--partitions", "1",
    ])
    XCTAssertEqual(result.status, 0, result.output)
    for kind in ["pin", "geo", "user"] {
      let rows = try sluice.topicRecords("pinterest.\(kind)", partitions: 1, log: "rows-log").map {
        String(decoding: try JSONSerialization.data(withJSONObject: $0["value"] ?? [:]), as: UTF8.self)
      }
      XCTAssertEqual(rows.count, 90)
      try sluice.write(rows.joined(separator: "\n") + "\n", to: "rows/\(kind).jsonl")
    }

    gateway = try GatewayProcess(sluice, arguments: ["--log", "data/log", "--partitions", "2"])
    let url = gateway!.url
    let replay = InteropPython.packageRoot.appendingPathComponent("Examples/pinterest/replay_producers.py")
      .path
    let script = """
      import runpy, sys
      sys.argv = ["replay_producers.py"] + sys.argv[1:]
      runpy.run_path(\(String(reflecting: replay)), run_name="__main__")
      """
    let sent =
      try InteropPython.run(
        script, ["--url", url, "--user-id", Self.userID, "--rows", sluice.path("rows")],
        in: sluice.workingDirectory)
      as? [String: Any] ?? [:]
    XCTAssertEqual(sent["posts"] as? Int, 90)
    XCTAssertEqual((sent["failures"] as? [Any])?.count, 0, "\(sent)")
    XCTAssertEqual(sent["requests"] as? [String: Int], ["kafka": 90, "kinesis": 90, "kinesis-records": 90])

    // boto3 through the native API: create_stream, put_records, get_shard_iterator, get_records.
    let boto = """
      import base64, json, sys, boto3
      k = boto3.client("kinesis", endpoint_url=sys.argv[1], region_name="us-east-1",
                       aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="secret")
      k.create_stream(StreamName="orders", ShardCount=2)
      summary = k.describe_stream_summary(StreamName="orders")["StreamDescriptionSummary"]
      sent = [json.dumps({"n": i}).encode() for i in range(50)]
      put = k.put_records(StreamName="orders",
                          Records=[{"Data": d, "PartitionKey": "key-%d" % i} for i, d in enumerate(sent)])
      got, behind = [], []
      for shard in k.list_shards(StreamName="orders")["Shards"]:
          it = k.get_shard_iterator(StreamName="orders", ShardId=shard["ShardId"],
                                    ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
          r = k.get_records(ShardIterator=it, Limit=1000)
          got += [rec["Data"] for rec in r["Records"]]
          behind.append(r["MillisBehindLatest"])
          last = r["Records"][-1]["SequenceNumber"]
          it2 = k.get_shard_iterator(StreamName="orders", ShardId=shard["ShardId"],
                                     ShardIteratorType="AFTER_SEQUENCE_NUMBER",
                                     StartingSequenceNumber=last)["ShardIterator"]
          assert k.get_records(ShardIterator=it2)["Records"] == []
      try:
          k.describe_stream(StreamName="missing")
          missing = "no error"
      except k.exceptions.ResourceNotFoundException as e:
          missing = e.response["Error"]["Code"]
      print(json.dumps({"status": summary["StreamStatus"], "shards": summary["OpenShardCount"],
                        "failed": put["FailedRecordCount"], "put": len(put["Records"]),
                        "shardsUsed": len({r["ShardId"] for r in put["Records"]}),
                        "roundTrip": sorted(got) == sorted(sent), "behind": behind, "missing": missing}))
      """
    let boto3 = try InteropPython.run(boto, [url]) as? [String: Any] ?? [:]
    XCTAssertEqual(boto3["status"] as? String, "ACTIVE", "\(boto3)")
    XCTAssertEqual(boto3["shards"] as? Int, 2)
    XCTAssertEqual(boto3["failed"] as? Int, 0)
    XCTAssertEqual(boto3["put"] as? Int, 50)
    XCTAssertEqual(boto3["shardsUsed"] as? Int, 2)
    XCTAssertEqual(
      boto3["roundTrip"] as? Bool, true, "get_records returns exactly the bytes put_records sent")
    XCTAssertEqual(boto3["behind"] as? [Int], [0, 0])
    XCTAssertEqual(boto3["missing"] as? String, "ResourceNotFoundException")

    let stopped = gateway!.stop()
    gateway = nil
    XCTAssertEqual(stopped.status, 0, stopped.output)
    XCTAssertTrue(stopped.output.contains("sluice serve stopped"), stopped.output)

    // Every record is in the log: 90 per kind and shape family (Kafka topic, Kinesis stream).
    let offsets = try endOffsets()
    for kind in ["pin", "geo", "user"] {
      XCTAssertEqual(offsets["\(Self.userID).\(kind)"]?.reduce(0, +), 30, "\(kind) via Kafka REST")
      XCTAssertEqual(
        offsets["streaming-\(Self.userID)-\(kind)"]?.reduce(0, +), 60, "\(kind) via Kinesis shapes")
    }

    // The three Pinterest example jobs clean it into three Delta tables.
    for kind in ["pin", "geo", "user"] {
      try writeExampleJob(kind)
      result = try sluice.run(["run", "\(kind).yaml", "--trigger", "availableNow"])
      XCTAssertEqual(result.status, 0, result.output)
    }
    let counts = """
      import json, sys
      from deltalake import DeltaTable
      out = {}
      for kind in ("pin", "geo", "user"):
          t = DeltaTable("tables/" + kind).to_pyarrow_table()
          out[kind] = {"rows": t.num_rows, "columns": t.column_names, "ind": sorted(t.column("ind").to_pylist())}
      print(json.dumps(out))
      """
    let tables = try InteropPython.run(counts, in: sluice.workingDirectory) as? [String: [String: Any]] ?? [:]
    let sourceInd = try sluice.topicRecords("pinterest.geo", partitions: 1, log: "rows-log").compactMap {
      ($0["value"] as? [String: Any])?["ind"]
    }.map { "\($0)" }
    for kind in ["pin", "geo", "user"] {
      XCTAssertEqual(tables[kind]?["rows"] as? Int, 90, "\(kind) table rows")
      XCTAssertEqual(
        (tables[kind]?["ind"] as? [Int])?.map(String.init),
        sourceInd.compactMap(Int.init).sorted().map(String.init),
        "\(kind): the cleaned rows are the posts sent")
    }
    XCTAssertEqual(
      tables["pin"]?["columns"] as? [String],
      [
        "ind", "unique_id", "title", "description", "follower_count", "poster_name", "tag_list",
        "is_image_or_video",
        "image_src", "save_location", "category",
      ])
    XCTAssertEqual(tables["geo"]?["columns"] as? [String], ["ind", "country", "coordinates", "timestamp"])
    XCTAssertEqual(tables["user"]?["columns"] as? [String], ["ind", "user_name", "age", "date_joined"])
  }

  func testBadInputIsRefusedInEachAPIsShapeAndTheLogIsUnchanged() throws {
    let result = try sluice.run(["log", "create", "known", "--log", "data/log", "--partitions", "2"])
    XCTAssertEqual(result.status, 0, result.output)
    gateway = try GatewayProcess(
      sluice, arguments: ["--log", "data/log", "--create-topics", "off", "--max-record-bytes", "1000"])
    let url = gateway!.url
    let script = """
      import base64, json, sys, requests
      url = sys.argv[1]
      kafka = {"Content-Type": "application/vnd.kafka.json.v2+json"}
      api = {"Content-Type": "application/json"}
      amz = lambda op: {"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "Kinesis_20131202." + op}
      big = "x" * 2000
      cases = [
        ("kafka malformed", "POST", "/topics/known", kafka, '{"records": [{"value": {"a": 1}'),
        ("kafka oversized", "POST", "/topics/known", kafka, json.dumps({"records": [{"value": {"a": 1}}, {"value": big}]})),
        ("kafka unknown topic", "POST", "/topics/unknown", kafka, json.dumps({"records": [{"value": {"a": 1}}]})),
        ("kafka content type", "POST", "/topics/known", {"Content-Type": "text/plain"}, json.dumps({"records": [{"value": 1}]})),
        ("apigw malformed", "PUT", "/streams/known/record", api, '{"Data": {"a": 1}, "PartitionKey": '),
        ("apigw oversized", "PUT", "/streams/known/records", api,
         json.dumps({"records": [{"data": {"a": 1}, "partition-key": "p"}, {"data": big, "partition-key": "p"}]})),
        ("apigw unknown stream", "PUT", "/streams/unknown/record", api, json.dumps({"Data": {"a": 1}, "PartitionKey": "p"})),
        ("apigw content type", "PUT", "/streams/known/record", {"Content-Type": "text/csv"}, "a,b"),
        ("native malformed", "POST", "/", amz("PutRecord"), '{"StreamName": "known", "Data": '),
        ("native oversized", "POST", "/", amz("PutRecord"),
         json.dumps({"StreamName": "known", "Data": base64.b64encode(b"x" * 2000).decode(), "PartitionKey": "p"})),
        ("native unknown stream", "POST", "/", amz("PutRecord"),
         json.dumps({"StreamName": "unknown", "Data": "eA==", "PartitionKey": "p"})),
        ("native content type", "POST", "/", {"Content-Type": "application/cbor", "X-Amz-Target": "Kinesis_20131202.PutRecord"},
         json.dumps({"StreamName": "known", "Data": "eA==", "PartitionKey": "p"})),
      ]
      out = {}
      for name, method, path, headers, body in cases:
          r = requests.request(method, url + path, headers=headers, data=body)
          try:
              shape = r.json()
          except ValueError:
              shape = None
          out[name] = {"status": r.status_code, "body": shape}
      print(json.dumps(out))
      """
    let before = try endOffsets()
    let answers = try InteropPython.run(script, [url]) as? [String: [String: Any]] ?? [:]
    XCTAssertEqual(try endOffsets(), before, "no rejected request changed the log")
    XCTAssertEqual(try endOffsets().keys.sorted(), ["known"], "no topic was created")

    func check(_ name: String, _ status: Int, kafkaCode: Int? = nil, awsType: String? = nil) {
      let answer = answers[name]
      XCTAssertEqual(answer?["status"] as? Int, status, "\(name): \(String(describing: answer))")
      let body = answer?["body"] as? [String: Any]
      if let kafkaCode {
        XCTAssertEqual(body?["error_code"] as? Int, kafkaCode, "\(name): \(String(describing: body))")
        XCTAssertNotNil(body?["message"] as? String, name)
      }
      if let awsType {
        XCTAssertEqual(body?["__type"] as? String, awsType, "\(name): \(String(describing: body))")
        XCTAssertNotNil(body?["message"] as? String, name)
      }
    }
    check("kafka malformed", 400, kafkaCode: 400)
    check("kafka oversized", 422, kafkaCode: 42201)
    check("kafka unknown topic", 404, kafkaCode: 40401)
    check("kafka content type", 415, kafkaCode: 415)
    check("apigw malformed", 400, awsType: "SerializationException")
    check("apigw oversized", 400, awsType: "ValidationException")
    check("apigw unknown stream", 404, awsType: "ResourceNotFoundException")
    check("apigw content type", 415, awsType: "UnsupportedMediaTypeException")
    check("native malformed", 400, awsType: "SerializationException")
    check("native oversized", 400, awsType: "ValidationException")
    check("native unknown stream", 400, awsType: "ResourceNotFoundException")
    check("native content type", 415, awsType: "UnsupportedMediaTypeException")
  }

  func testSignaturesAreCheckedWhenAuthIsOn() throws {
    try sluice.write("AKIDEXAMPLE: wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY\n", to: "keys.yaml")
    let result = try sluice.run(["log", "create", "orders", "--log", "data/log", "--partitions", "2"])
    XCTAssertEqual(result.status, 0, result.output)
    gateway = try GatewayProcess(sluice, arguments: ["--log", "data/log", "--auth", "keys.yaml"])
    let script = """
      import json, sys, boto3, botocore, requests
      url = sys.argv[1]
      def client(secret, key="AKIDEXAMPLE"):
          return boto3.client("kinesis", endpoint_url=url, region_name="us-east-1", aws_access_key_id=key,
                              aws_secret_access_key=secret,
                              config=botocore.config.Config(retries={"max_attempts": 1}))
      def attempt(k):
          try:
              k.put_record(StreamName="orders", Data=b'{"a":1}', PartitionKey="p")
              return {"status": 200}
          except botocore.exceptions.ClientError as e:
              return {"status": e.response["ResponseMetadata"]["HTTPStatusCode"], "code": e.response["Error"]["Code"]}
      out = {"good": attempt(client("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")),
             "wrongSecret": attempt(client("not-the-secret")),
             "unknownKey": attempt(client("x", key="AKIDOTHER"))}
      r = requests.post(url + "/", headers={"Content-Type": "application/x-amz-json-1.1",
                                            "X-Amz-Target": "Kinesis_20131202.PutRecord"},
                        data=json.dumps({"StreamName": "orders", "Data": "YQ==", "PartitionKey": "p"}))
      out["unsigned"] = {"status": r.status_code, "code": r.json().get("__type")}
      r = requests.post(url + "/topics/orders", headers={"Content-Type": "application/vnd.kafka.json.v2+json"},
                        data=json.dumps({"records": [{"value": {"a": 1}}]}))
      out["kafkaUnsigned"] = {"status": r.status_code, "code": r.json().get("error_code")}
      out["health"] = requests.get(url + "/health").status_code
      print(json.dumps(out))
      """
    let answers = try InteropPython.run(script, [gateway!.url]) as? [String: Any] ?? [:]
    XCTAssertEqual((answers["good"] as? [String: Any])?["status"] as? Int, 200, "\(answers)")
    for (name, code) in [
      ("wrongSecret", "InvalidSignatureException"), ("unknownKey", "UnrecognizedClientException"),
      ("unsigned", "UnrecognizedClientException"),
    ] {
      let answer = answers[name] as? [String: Any]
      XCTAssertEqual(answer?["status"] as? Int, 403, "\(name): \(answers)")
      XCTAssertEqual(answer?["code"] as? String, code, "\(name): \(answers)")
    }
    XCTAssertEqual((answers["kafkaUnsigned"] as? [String: Any])?["status"] as? Int, 401)
    XCTAssertEqual((answers["kafkaUnsigned"] as? [String: Any])?["code"] as? Int, 40101)
    XCTAssertEqual(answers["health"] as? Int, 200)
    XCTAssertEqual(try endOffsets()["orders"]?.reduce(0, +), 1, "only the signed record is in the log")
  }
}
