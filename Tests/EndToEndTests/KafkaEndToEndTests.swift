import Foundation
import XCTest

/// The Pinterest jobs with `kind: kafka` against a real broker (Tansu) fed by real producers
/// (kafka-python and confluent-kafka/librdkafka, every codec); tables checked with delta-rs.
final class KafkaEndToEndTests: XCTestCase {
  var sluice: SluiceProcess!
  var broker: TansuBroker?

  static let jobs: [(name: String, cleaner: String, rawKey: String, tableKey: String)] = [
    ("pin", "pin", "unique_id", "unique_id"), ("geo", "geo", "ind", "ind"), ("user", "user", "ind", "ind"),
  ]

  override func setUpWithError() throws {
    sluice = try SluiceProcess.scratch()
    broker = try TansuBroker()
  }

  override func tearDown() {
    broker?.stop()
    sluice?.remove()
  }

  func kafkaJob(
    name: String, cleaner: String, topics: String = "", maxOffsets: Int = 70,
    trigger: String = "availableNow",
    extra: String = "", bootstrap: String? = nil
  ) -> String {
    """
    name: \(name)
    source:
      kind: kafka
      bootstrapServers: "\(bootstrap ?? broker!.bootstrap)"
      topics: [\(topics.isEmpty ? "pinterest.\(name)" : topics)]
      startingOffsets: earliest
      maxOffsetsPerTrigger: \(maxOffsets)
      failOnDataLoss: true
      commitOffsetsToGroup: sluice-\(name)
      requestTimeout: 10s
    \(extra)transforms:
      - clean: \(cleaner)
    sink:
      kind: delta
      path: tables/\(name)
    checkpoint: ckpt/\(name)
    trigger: \(trigger)

    """
  }

  /// Emulates `count` events per kind and writes their values to `<topic>.jsonl`.
  func emulate(count: Int, seed: Int = 11) throws {
    let result = try sluice.run([
      "emulate", "--log", "log", "--count", String(count), "--partitions", "1", "--seed", String(seed),
    ])
    XCTAssertEqual(result.status, 0, result.output)
    for kind in ["pin", "geo", "user"] {
      let values = try sluice.topicRecords("pinterest.\(kind)", partitions: 1).map { record in
        String(decoding: try JSONSerialization.data(withJSONObject: record["value"]!), as: UTF8.self)
      }
      try sluice.write(values.joined(separator: "\n") + "\n", to: "pinterest.\(kind).jsonl")
    }
  }

  func produceWithEveryClient(_ topics: [(topic: String, key: String)], partitions: Int = 2) throws {
    let script = """
      names = sys.argv[1::2]
      create_topics(names, \(partitions))
      for topic, key in zip(sys.argv[1::2], sys.argv[2::2]):
          produce_with_every_client(topic, read_lines(topic + ".jsonl"), key)
      print(json.dumps({"ok": True}))
      """
    try broker!.python(script, topics.flatMap { [$0.topic, $0.key] }, in: sluice.workingDirectory)
  }

  func compare(
    _ job: String, rawKey: String, tableKey: String, file: StaticString = #filePath, line: UInt = #line
  )
    throws -> [String: Any]
  {
    let script = "print(json.dumps(compare_table(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4])))"
    let report =
      try broker!.python(
        script, [sluice.path("tables/\(job)"), "pinterest.\(job).jsonl", rawKey, tableKey],
        in: sluice.workingDirectory) as? [String: Any] ?? [:]
    XCTAssertEqual(report["missing"] as? Int, 0, "\(job): \(report)", file: file, line: line)
    XCTAssertEqual(report["extra"] as? Int, 0, "\(job): \(report)", file: file, line: line)
    XCTAssertEqual(report["rows"] as? Int, report["produced"] as? Int, "\(job)", file: file, line: line)
    return report
  }

  /// The end offsets of the last batch in the checkpoint's offsets log.
  func lastCheckpointOffsets(_ job: String) throws -> [String: [String: Int]] {
    let folder = sluice.path("ckpt/\(job)/offsets")
    let last = try FileManager.default.contentsOfDirectory(atPath: folder).compactMap(Int.init).max()!
    let text = try String(contentsOfFile: "\(folder)/\(last)", encoding: .utf8)
    let json = text.split(separator: "\n")[2]
    return try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [String: Int]] ?? [:]
  }

  func testPinterestJobsLandRecordsOfEveryClientAndCodecExactlyOnce() throws {
    try emulate(count: 300)
    try produceWithEveryClient(Self.jobs.map { ("pinterest.\($0.name)", $0.rawKey) })
    for job in Self.jobs {
      try sluice.write(kafkaJob(name: job.name, cleaner: job.cleaner), to: "\(job.name).yaml")
      let result = try sluice.run(["run", "\(job.name).yaml", "--trigger", "availableNow"])
      XCTAssertEqual(result.status, 0, result.output)
      let report = try compare(job.name, rawKey: job.rawKey, tableKey: job.tableKey)
      XCTAssertEqual(report["produced"] as? Int, 300)
      XCTAssertGreaterThanOrEqual(
        sluice.committedBatches("ckpt/\(job.name)").count, 5, "maxOffsetsPerTrigger 70")
    }
    // Offsets are Spark's: {"pinterest.pin":{"0":…,"1":…}}, summing to what was produced.
    let pinOffsets = try lastCheckpointOffsets("pin")
    XCTAssertEqual(Array(pinOffsets.keys), ["pinterest.pin"])
    XCTAssertEqual(pinOffsets["pinterest.pin"]?.values.reduce(0, +), 300)
    // The end offsets were committed to the consumer group, as kafka-python's admin sees them.
    let group =
      try broker!.python("print(json.dumps(group_offsets('sluice-pin')))") as? [String: [String: Int]]
    XCTAssertEqual(group, pinOffsets)
    // A second run finds nothing new.
    let again = try sluice.run(["run", "pin.yaml", "--trigger", "availableNow"])
    XCTAssertEqual(again.status, 0, again.output)
    _ = try compare("pin", rawKey: "unique_id", tableKey: "unique_id")
  }

  func testAJobKilledMidBatchAndRestartedYieldsEachRecordOnce() throws {
    try emulate(count: 240)
    try produceWithEveryClient([("pinterest.pin", "unique_id")])
    try sluice.write(kafkaJob(name: "pin", cleaner: "pin", maxOffsets: 50), to: "pin.yaml")
    for fault in ["after-sink-write@1", "after-data-files-written@2", "after-offsets-written@3"] {
      let killed = try sluice.run(
        ["run", "pin.yaml", "--trigger", "availableNow"], environment: ["SLUICE_FAULT": fault])
      XCTAssertTrue(killed.killedBySignal, "\(fault): \(killed.output)")
    }
    let result = try sluice.run(["run", "pin.yaml", "--trigger", "availableNow"])
    XCTAssertEqual(result.status, 0, result.output)
    _ = try compare("pin", rawKey: "unique_id", tableKey: "unique_id")
  }

  func testTopicsAndPartitionsAddedWhileTheJobRunsArePickedUp() throws {
    let job = """
      name: live
      source:
        kind: kafka
        bootstrapServers: ["\(broker!.bootstrap)"]
        topicPattern: "live\\\\..*"
        maxOffsetsPerTrigger: 1000
        metadata: [key, topic, partition, offset, timestamp, headers]
      schema:
        - id: string
      sink: {kind: jsonl, path: out/live}
      checkpoint: ckpt/live
      trigger: processingTime:200ms

      """
    try sluice.write(job, to: "live.yaml")
    let produce = """
      from kafka import KafkaProducer
      topic, partitions, first, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
      create_topics([topic], partitions)
      p = KafkaProducer(bootstrap_servers=BOOTSTRAP)
      for i in range(first, first + count):
          p.send(topic, key=b"k%d" % i, value=json.dumps({"id": "%s-%d" % (topic, i)}).encode(),
                 headers=[("n", str(i).encode())])
      p.flush()
      print(json.dumps({"ok": True}))
      """
    try broker!.python(produce, ["live.a", "2", "0", "20"])
    let process = try sluice.start(["run", "live.yaml"])
    defer {
      if process.isRunning {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
      }
    }
    XCTAssertTrue(waitForRows(20, in: "out/live"), "first topic: \(rowCount("out/live")) rows")
    try broker!.python(produce, ["live.b", "3", "100", "30"])
    XCTAssertTrue(waitForRows(50, in: "out/live"), "new topic: \(rowCount("out/live")) rows")
    kill(process.processIdentifier, SIGTERM)
    process.waitUntilExit()
    let rows = try sluice.sinkRows("out/live")
    let ids = rows.compactMap { $0["id"] as? String }
    XCTAssertEqual(Set(ids).count, 50)
    XCTAssertEqual(ids.count, 50, "each record once")
    XCTAssertEqual(Set(rows.compactMap { $0["topic"] as? String }), ["live.a", "live.b"])
    XCTAssertEqual(Set(rows.compactMap { $0["partition"] as? Int }), [0, 1, 2])
    let sample = rows.first { ($0["id"] as? String) == "live.b-107" }
    XCTAssertEqual(sample?["key"] as? String, "k107")
    XCTAssertEqual(sample?["headers"] as? String, #"{"n":"107"}"#)
    XCTAssertNotNil(sample?["offset"] as? Int)
    XCTAssertNotNil(sample?["timestamp"] as? String)
  }

  func rowCount(_ folder: String) -> Int { (try? sluice.sinkRows(folder).count) ?? 0 }

  func waitForRows(_ count: Int, in folder: String, timeout: TimeInterval = 30) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if ((try? sluice.sinkRows(folder).count) ?? 0) >= count { return true }
      usleep(100_000)
    }
    return false
  }

  func testABrokerRestartThatLostTheTopicIsReportedAsDataLoss() throws {
    let job = """
      name: restart
      source:
        kind: kafka
        bootstrapServers: "\(broker!.bootstrap)"
        topics: [restart]
      schema:
        - id: string
      sink: {kind: jsonl, path: out/restart}
      checkpoint: ckpt/restart
      trigger: processingTime:200ms

      """
    try sluice.write(job, to: "restart.yaml")
    let produce = """
      from kafka import KafkaProducer
      create_topics(["restart"], 1)
      p = KafkaProducer(bootstrap_servers=BOOTSTRAP)
      for i in range(int(sys.argv[1])):
          p.send("restart", value=json.dumps({"id": "%s-%d" % (sys.argv[2], i)}).encode())
      p.flush()
      print(json.dumps({"ok": True}))
      """
    try broker!.python(produce, ["10", "before"])
    let process = Process()
    process.executableURL = SluiceProcess.binary
    process.arguments = ["run", "restart.yaml"]
    process.currentDirectoryURL = sluice.workingDirectory
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    defer {
      if process.isRunning {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
      }
    }
    XCTAssertTrue(waitForRows(10, in: "out/restart"), "before the restart: \(rowCount("out/restart")) rows")
    let committedBy = Date().addingTimeInterval(10)
    while sluice.committedBatches("ckpt/restart").isEmpty && Date() < committedBy { usleep(50_000) }
    let committed = sluice.committedBatches("ckpt/restart")
    XCTAssertFalse(committed.isEmpty)
    // The broker restarts on the same port with empty (in-memory) storage; the topic comes back
    // shorter than what the job already read.
    let port = broker!.port
    broker!.stop()
    broker = try TansuBroker(port: port)
    try broker!.python(produce, ["4", "after"])
    let deadline = Date().addingTimeInterval(30)
    while process.isRunning && Date() < deadline { usleep(100_000) }
    XCTAssertFalse(process.isRunning, "the job stops on data loss")
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    XCTAssertNotEqual(process.terminationStatus, 0)
    // Depending on when the job plans after the reconnect: the topic is gone, or back but shorter.
    XCTAssertTrue(
      stderr.contains("position 10 of topic restart partition 0 is beyond its log end 4")
        || stderr.contains("topic restart was deleted"), stderr)
    XCTAssertTrue(stderr.contains("failOnDataLoss"), stderr)
    XCTAssertEqual(rowCount("out/restart"), 10)
    XCTAssertEqual(sluice.committedBatches("ckpt/restart"), committed, "no batch committed after the restart")
  }

  func testUnknownTopicAndUnreachableBrokerAreClearErrors() throws {
    try sluice.write(kafkaJob(name: "pin", cleaner: "pin", topics: "no.such.topic"), to: "pin.yaml")
    var result = try sluice.run(["run", "pin.yaml", "--trigger", "availableNow"])
    XCTAssertNotEqual(result.status, 0)
    XCTAssertTrue(result.stderr.contains("topic 'no.such.topic' does not exist"), result.output)

    let closedPort = try TansuBroker.freePort()
    try sluice.write(
      kafkaJob(name: "geo", cleaner: "geo", bootstrap: "127.0.0.1:\(closedPort)"), to: "geo.yaml")
    let started = Date()
    result = try sluice.run(["run", "geo.yaml", "--trigger", "availableNow"])
    XCTAssertNotEqual(result.status, 0)
    XCTAssertTrue(
      result.stderr.contains("cannot connect to Kafka broker 127.0.0.1:\(closedPort)"), result.output)
    XCTAssertTrue(result.stderr.contains("attempts"), result.output)
    XCTAssertLessThan(Date().timeIntervalSince(started), 30)
    XCTAssertEqual(sluice.committedBatches("ckpt/geo"), [], "nothing committed")
  }
}
